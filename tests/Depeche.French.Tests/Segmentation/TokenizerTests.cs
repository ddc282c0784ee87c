using Depeche.French.Normalization;
using Depeche.French.Segmentation;
using Depeche.Testing;

namespace Depeche.French.Tests.Segmentation;

public class TokenizerTests
{
    private static string[] Tokens(string text)
    {
        var document = new Document("t", text);
        new TextNormalizer().Process(document);
        new Tokenizer().Process(document);
        LayerInvariants.AssertWellFormed(document);
        return [.. document.Tokens.Select(t => document.Slice(t.Span))];
    }

    [Theory]
    [InlineData("l'Ukraine", "l'|Ukraine")]                          // elision keeps its apostrophe
    [InlineData("l\u2019Ukraine", "l\u2019|Ukraine")]                // typographic apostrophe, original characters kept
    [InlineData("jusqu'à lorsqu'il puisqu'elle", "jusqu'|à|lorsqu'|il|puisqu'|elle")]
    [InlineData("aujourd'hui la presqu'île", "aujourd'hui|la|presqu'île")] // listed words stay whole
    [InlineData("a-t-il ajouté", "a|-t-il|ajouté")]                  // euphonic t stays with the pronoun
    [InlineData("précise-t-elle", "précise|-t-elle")]
    [InlineData("dit-il.", "dit|-il|.")]
    [InlineData("Jean-Yves à Saint-Pétersbourg", "Jean-Yves|à|Saint-Pétersbourg")]
    [InlineData("Aix-les-Bains", "Aix-les-Bains")]                   // "-les" inside a name is no pronoun
    [InlineData("M. Dupont et Mme Durand", "M.|Dupont|et|Mme|Durand")]
    [InlineData("en 52 av. J.-C.", "en|52|av.|J.-C.")]
    [InlineData("G. W. Bush", "G.|W.|Bush")]
    [InlineData("1,5 million", "1,5|million")]
    [InlineData("1 000 soldats", "1 000|soldats")]
    [InlineData("en 2019 200 soldats", "en|2019|200|soldats")]       // a year then a count: no thousands group
    [InlineData("3,2 %", "3,2|%")]
    [InlineData("le 10/04/2025 à 15h30", "le|10/04/2025|à|15h30")]
    [InlineData("(...) et ...", "(|...|)|et|...")]
    [InlineData("voir https://example.org/a?b=1.", "voir|https://example.org/a?b=1|.")]
    [InlineData("écrire à jean.dupont@example.fr ou @depeche_fr", "écrire|à|jean.dupont@example.fr|ou|@depeche_fr")]
    [InlineData("«Non», a-t-il dit", "«|Non|»|,|a|-t-il|dit")]
    [InlineData("--comme souhaité--", "--|comme|souhaité|--")]
    public void Splits_like_UD_French(string text, string expected) => Assert.Equal(expected.Split('|'), Tokens(text));

    [Theory]
    [InlineData("selon le C.N.R.S. et la S.N.C.F", "selon|le|C.N.R.S.|et|la|S.N.C.F")]      // dotted acronyms stay whole
    [InlineData("signé J.-P. Martin", "signé|J.-P.|Martin")]                          // "Jean-Pierre" as initials
    [InlineData("il fait -3,5 degrés (-2 hier)", "il|fait|-3,5|degrés|(|-2|hier|)")]   // the minus sign belongs to the number
    [InlineData("la saison 2023-2024 et le score 4-0", "la|saison|2023-2024|et|le|score|4-0")] // ranges and scores
    [InlineData("le Covid-19 et l'A-320", "le|Covid-19|et|l'|A-320")]
    [InlineData("au n° 12 de la rue", "au|n°|12|de|la|rue")]
    [InlineData("il fait 20 °C", "il|fait|20|°C")]
    [InlineData("les élu(e)s présent(e)s", "les|élu(e)s|présent(e)s")]                 // bracketed endings are part of the word
    [InlineData("un rendez-vous fixé", "un|rendez-vous|fixé")]                         // "-vous" is no pronoun here
    [InlineData("Rendez-vous compte !", "Rendez-vous|compte|!")]                        // listed word, even capitalised
    [InlineData("ce jour-là et celle-ci", "ce|jour|-là|et|celle|-ci")]                  // demonstrative particles, as in UD
    [InlineData("si l'on veut", "si|l'on|veut")]                                         // "l'on" is one token in UD French
    [InlineData("c'est-à-dire demain", "c'est-à-dire|demain")]
    [InlineData("le 3 sept. 2025", "le|3|sept.|2025")]                                  // the month's abbreviation
    [InlineData("Ils étaient sept. Puis huit.", "Ils|étaient|sept|.|Puis|huit|.")]     // the number, then a full stop
    [InlineData("voir le vol. 2", "voir|le|vol.|2")]
    [InlineData("Revue, vol. XVII, p. 3", "Revue|,|vol.|XVII|,|p.|3")]                 // a Roman numeral is no new sentence
    public void Splits_compounds_numbers_and_abbreviations(string text, string expected) => Assert.Equal(expected.Split('|'), Tokens(text));

    [Fact]
    public void Huge_word_is_cut_into_bounded_tokens()
    {
        var tokens = Tokens(new string('a', 1000));
        Assert.All(tokens, t => Assert.True(t.Length <= 256));
        Assert.Equal(1000, tokens.Sum(t => t.Length));
    }
}
