using Depeche.Testing;

namespace Depeche.French.Tests.Times;

/// <summary>The tokenizer keeps "2019-2021" and "13-5-2015" whole; the time stage still reads them.</summary>
public class HyphenatedFigureTests
{
    private static TimeExpression[] Times(string text)
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", text, new DateOnly(2025, 1, 1)));
        LayerInvariants.AssertWellFormed(d);
        return d.Times;
    }

    [Fact]
    public void A_year_range_in_one_token_is_a_range()
    {
        var times = Times("Le mandat a couru sur la période 2019-2021.");
        Assert.Contains(times, t => t.Begin == "2019" && t.End == "2021");
    }

    [Fact]
    public void A_hyphenated_date_in_three_parts_is_a_day() =>
        Assert.Equal("2015-05-13", Assert.Single(Times("Le scrutin a eu lieu le 13-5-2015.")).Value);

    [Fact]
    public void A_score_is_no_date() => Assert.DoesNotContain(Times("Lyon a battu Nantes 4-0 hier soir."), t => t.Value is "4" or "0");
}
