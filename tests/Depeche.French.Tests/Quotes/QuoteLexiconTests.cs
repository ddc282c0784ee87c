using Depeche.French.Quotes;
using Depeche.French.Resources;

namespace Depeche.French.Tests.Quotes;

public class QuoteLexiconTests
{
    [Theory]
    [InlineData("annonce", "annoncer", false)]
    [InlineData("annonçait", "annoncer", false)]      // ç before a
    [InlineData("jugeait", "juger", false)]           // ge before a
    [InlineData("répète", "répéter", false)]          // é → è before a mute ending
    [InlineData("rappelle", "rappeler", false)]       // doubled consonant
    [InlineData("rappellera", "rappeler", false)]
    [InlineData("martèle", "marteler", false)]        // e → è
    [InlineData("précisé", "préciser", true)]
    [InlineData("précisées", "préciser", true)]
    [InlineData("avertit", "avertir", false)]         // second group
    [InlineData("averti", "avertir", true)]
    [InlineData("dit", "dire", false)]                // irregular: the finite form wins over the participle of the same spelling
    [InlineData("écrite", "écrire", true)]
    [InlineData("exclame", "s'exclamer", false)]      // pronominal verbs are listed with their pronoun
    [InlineData("Précise", "préciser", false)]        // without regard to case
    public void Reporting_verb_forms_are_generated(string form, string lemma, bool participle)
    {
        Assert.True(QuoteLexicon.Default.Verbs.TryGetValue(form, out var found), form);
        Assert.Equal(lemma, found.Lemma);
        Assert.Equal(participle, found.Participle);
    }

    [Fact]
    public void Every_listed_verb_has_its_infinitive()
    {
        foreach (var (_, cols) in Lexicon.Read("reporting-verbs.tsv", 3))
        {
            string lemma = cols[0];
            string verb = lemma.StartsWith("se ", StringComparison.Ordinal) ? lemma[3..] : lemma.StartsWith("s'", StringComparison.Ordinal) ? lemma[2..] : lemma;
            verb = verb[(verb.LastIndexOf(' ') + 1)..]; // "faire savoir": after "a fait", the verb token is "savoir"
            Assert.True(QuoteLexicon.Default.Verbs.ContainsKey(verb), lemma);
        }
    }

    [Theory]
    [InlineData("russe", "RUS")]
    [InlineData("russes", "RUS")]
    [InlineData("américaine", "USA")]
    [InlineData("ukrainiennes", "UKR")]
    [InlineData("française", "FRA")]
    public void Demonyms_are_inflected(string form, string country) => Assert.Equal(country, QuoteLexicon.Default.Demonyms[form]);

    [Fact]
    public void Phrases_are_split_like_the_tokenizer_splits_them()
    {
        Assert.Equal(["d'", "après"], QuoteLexicon.SplitPhrase("d'après"));
        Assert.Equal(["en", "substance"], QuoteLexicon.SplitPhrase("en substance"));
        Assert.True(QuoteLexicon.Default.Phrases.ContainsKey("d'"));
    }
}

public class SpeakerDemonymCoverageTests
{
    // The minimal demonym list must use codes that exist in the countries peer data, and every entry must load.
    // ("québécois" → CAN is on purpose: a regional demonym that still names the state.)
    [SkippableFact]
    public void Every_demonym_names_a_country_of_the_peer_data()
    {
        using var countries = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Depeche.Testing.SharedData.Require("peers/countries/countries.json")));
        var codes = countries.RootElement.EnumerateArray().Select(c => c.GetProperty("cca3").GetString()).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, cols) in Lexicon.Read("speaker-demonyms.tsv", 2))
        {
            Assert.True(codes.Contains(cols[1]), $"{cols[0]}: unknown code {cols[1]}");
            Assert.Equal(cols[1], QuoteLexicon.Default.Demonyms[cols[0]]);
        }
    }
}
