using Depeche.French.Normalization;
using Depeche.Text;

namespace Depeche.French.Tests.Normalization;

public class TextNormalizerTests
{
    [Fact]
    public void Plain_text_keeps_the_identity_view() => Assert.True(TextNormalizer.Normalize("l'Ukraine a dit.").IsIdentity);

    [Theory]
    [InlineData("l\u2019Ukraine", "l'Ukraine")]              // typographic apostrophe
    [InlineData("«\u00A0non\u00A0»", "« non »")]             // non-breaking spaces inside guillemets
    [InlineData("«\u202Fnon\u202F»", "« non »")]             // narrow no-break spaces
    [InlineData("c\u0153ur", "coeur")]                       // ligature spelled out
    [InlineData("Jean\u2011Yves", "Jean-Yves")]              // non-breaking hyphen
    [InlineData("un\r\ndeux\rtrois", "un\ndeux\ntrois")]     // CRLF and CR
    [InlineData("\uFEFFTexte", "Texte")]                     // BOM dropped
    [InlineData("e\u0301te\u0301", "été")]                   // NFD composed to NFC
    public void Normalizes(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input).Text);

    [Fact]
    public void Every_view_span_maps_back_to_the_same_source_characters()
    {
        const string source = "\uFEFFLe c\u0153ur\r\nde l\u2019e\u0301te\u0301\u00A0»";
        var view = TextNormalizer.Normalize(source);
        int at = view.Text.IndexOf("coeur", StringComparison.Ordinal);
        Assert.Equal("cœur", source[view.ToSource(new TextSpan(at, at + 5)).Start..view.ToSource(new TextSpan(at, at + 5)).End]);
        int ete = view.Text.IndexOf("été", StringComparison.Ordinal);
        var span = view.ToSource(new TextSpan(ete, ete + 3));
        Assert.Equal("e\u0301te\u0301", source[span.Start..span.End]);
        int end = view.Text.Length;
        Assert.Equal(source.Length, view.ToSource(end));
    }

    [Fact]
    public void A_text_made_only_of_expanding_ligatures_grows_the_view_and_maps_back()
    {
        // "ﬃ" → "ffi": the view is three times the source, beyond the buffer sized for the source
        string source = string.Concat(Enumerable.Repeat("a\uFB03", 500));
        var view = TextNormalizer.Normalize(source);
        Assert.Equal(string.Concat(Enumerable.Repeat("affi", 500)), view.Text);
        Assert.Equal(source.Length - 1, view.ToSource(view.Text.Length - 1));
        Assert.Equal(source.Length, view.ToSource(view.Text.Length));
    }

    [Fact]
    public void A_lone_surrogate_before_an_accent_is_left_alone()
    {
        // invalid UTF-16 from a direct caller: the view keeps both characters rather than throwing
        var view = TextNormalizer.Normalize("a\uD800\u0301b");
        Assert.Equal("a\uD800\u0301b", view.Text);
    }
}
