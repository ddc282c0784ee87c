using System.Text.Json;
using Depeche.French.Normalization;
using Depeche.French.Quotes;
using Depeche.French.Segmentation;
using Depeche.Testing;
using Depeche.Text;

namespace Depeche.French.Tests.Quotes;

/// <summary>
/// The founding dispatch (read from ../shared at test time, never copied): both quotations with the gold speakers,
/// and, with the gold times standing in for the time tagger, the dates the verbs are anchored to.
/// </summary>
public class SeedQuoteTests
{
    [SkippableFact]
    public void Seed_quotes_have_the_gold_speakers_and_the_dates_of_their_verbs()
    {
        var text = File.ReadAllText(SharedData.Require("eval/dev/seed-0001.txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Require("eval/dev/seed-0001.gold.json")));
        var published = DateOnly.Parse(gold.RootElement.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var d = new Document("seed-0001", text, published);
        new TextNormalizer().Process(d);
        new Tokenizer().Process(d);
        new SentenceSplitter().Process(d);
        // hand-built times layer: the gold expressions at their nth occurrence, with the gold values
        var times = new List<TimeExpression>();
        foreach (var t in gold.RootElement.GetProperty("times").EnumerateArray())
        {
            string expression = t.GetProperty("text").GetString()!;
            int nth = t.TryGetProperty("nth", out var n) ? n.GetInt32() : 1, at = -1;
            for (int i = 0; i < nth; i++) at = text.IndexOf(expression, at + 1, StringComparison.Ordinal);
            if (at < 0 || t.GetProperty("value").GetString() is not { } value || value.StartsWith('P')) continue;
            times.Add(new TimeExpression { Span = new TextSpan(at, at + expression.Length), Type = TimeType.Date, Value = value });
        }
        d.Times = [.. times.OrderBy(t => t.Span.Start)];
        new QuoteFinder().Process(d);
        LayerInvariants.AssertWellFormed(d);

        var direct = d.Quotes.Where(q => q.Direct).ToArray();
        var goldQuotes = gold.RootElement.GetProperty("quotes").EnumerateArray().ToArray();
        Assert.Equal(goldQuotes.Length, direct.Length);
        for (int i = 0; i < direct.Length; i++)
        {
            Assert.StartsWith(goldQuotes[i].GetProperty("begins").GetString()!, d.Slice(direct[i].Span), StringComparison.Ordinal);
            Assert.Equal(goldQuotes[i].GetProperty("speaker").GetString(), direct[i].Speaker?.Name);
        }
        Assert.Equal(["2025-04-08", "2025-04-10"], direct.Select(q => q.Date));  // "avait précisé mardi", "a indiqué jeudi"
        Assert.Equal("RUS", direct[1].Speaker?.Country);
        Assert.Equal("l'agence Ria Novosti", direct[1].Medium);
    }
}
