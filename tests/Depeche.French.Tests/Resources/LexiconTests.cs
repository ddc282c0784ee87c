using Depeche.French.Resources;

namespace Depeche.French.Tests.Resources;

public class LexiconTests
{
    [Fact]
    public void Every_embedded_text_lexicon_parses()
    {
        var names = Lexicon.Names.Where(n => n.EndsWith(".txt", StringComparison.Ordinal) || n.EndsWith(".tsv", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(names);
        foreach (var name in names) Assert.NotEmpty(Lexicon.Read(name));
    }

    [Fact]
    public void Segmentation_lexicons_are_loaded_and_normalised()
    {
        Assert.True(FrenchLexicons.Abbreviations.ContainsKey("M."));
        Assert.Equal(AbbreviationUse.MayEnd, FrenchLexicons.Abbreviations["etc."]); // may close a sentence
        Assert.Contains("jusqu", (IReadOnlySet<string>)FrenchLexicons.Elisions);
        Assert.Contains("main-d'oeuvre", (IReadOnlySet<string>)FrenchLexicons.ApostropheWords);    // "œ" entries are stored as the view spells them
        Assert.Contains("t-il", (IReadOnlySet<string>)FrenchLexicons.InversionClitics);
        Assert.Equal("RUS", FrenchLexicons.Agencies["Ria Novosti"].Country);
        Assert.Contains("commentaires", (IReadOnlySet<string>)FrenchLexicons.Boilerplate);
    }

    [Fact]
    public void Missing_lexicon_names_itself_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Lexicon.Read("nope.tsv").ToList());
        Assert.Contains("nope.tsv", error.Message);
    }
}
