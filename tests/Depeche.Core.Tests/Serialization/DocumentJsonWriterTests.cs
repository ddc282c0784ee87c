using System.Text.Json;
using Depeche.Serialization;
using Depeche.Text;

namespace Depeche.Core.Tests.Serialization;

public class DocumentJsonWriterTests
{
    [Fact]
    public void A_range_keeps_its_ends_apart_from_the_span_offsets()
    {
        var d = new Document("d", "entre 2019 et 2021", new DateOnly(2025, 1, 1))
        {
            Times = [new TimeExpression { Span = new TextSpan(6, 10), Type = TimeType.Date, Value = "2019", Begin = "2019", End = "2021" }],
        };
        using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(d));
        var time = json.RootElement.GetProperty("times")[0];
        Assert.Equal(10, time.GetProperty("end").GetInt32());
        Assert.Equal("2021", time.GetProperty("range").GetProperty("end").GetString());
        Assert.Equal("2019", time.GetProperty("range").GetProperty("begin").GetString());
    }

    [Fact]
    public void Every_span_is_written_with_its_text()
    {
        var d = new Document("d", "Le ministre a parlé.");
        d.Tokens = [new Token(new TextSpan(0, 2), TokenKind.Word), new Token(new TextSpan(3, 11), TokenKind.Word)];
        using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(d, new JsonOutputOptions { IncludeTokens = true }));
        var token = json.RootElement.GetProperty("tokens")[1];
        Assert.Equal("ministre", token.GetProperty("text").GetString());
        Assert.Equal((3, 11), (token.GetProperty("start").GetInt32(), token.GetProperty("end").GetInt32()));
    }
}
