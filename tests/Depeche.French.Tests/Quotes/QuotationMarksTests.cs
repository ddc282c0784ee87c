using Depeche.French.Quotes;

namespace Depeche.French.Tests.Quotes;

public class QuotationMarksTests
{
    private static (string Text, bool Closed, bool Nested)[] Pairs(string text)
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", text));
        var v = new TokenView(d, QuoteLexicon.Default);
        return [.. QuotationMarks.Pair(v).Select(q => (q.End > q.ContentStart ? v.ViewText(q.ContentStart, q.End) : "", q.Closed, q.Nested))];
    }

    [Fact]
    public void Inner_quotation_is_nested()
    {
        var pairs = Pairs("« Il parlait de “fake news” sans preuve », dit-elle.");
        Assert.Equal(2, pairs.Length);
        Assert.False(pairs[0].Nested);
        Assert.True(pairs[1].Nested);
    }

    [Fact]
    public void Unclosed_mark_ends_at_the_next_opening_mark()
    {
        // the closing mark after "durables" was lost in the source
        var pairs = Pairs("Il réclame des « moyens durables […] en rupture avec des « logiques de court terme » et du temps.");
        Assert.Equal("moyens durables […] en rupture avec des", pairs[0].Text);
        Assert.False(pairs[0].Closed);
        Assert.Equal("logiques de court terme", pairs[1].Text);
        Assert.False(pairs[1].Nested);
    }

    [Fact]
    public void Unclosed_mark_ends_with_its_paragraph()
    {
        var pairs = Pairs("Il a dit : « Nous partirons\nLe lendemain, ils sont partis.");
        Assert.Equal("Nous partirons", Assert.Single(pairs).Text);
    }

    [Fact]
    public void Straight_quotes_alternate()
    {
        var pairs = Pairs("Il parle de \"crise grave\" puis de \"reprise lente\".");
        Assert.Equal(["crise grave", "reprise lente"], pairs.Select(p => p.Text));
    }
}
