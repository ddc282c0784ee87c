using Depeche.French.Tagging;
using Depeche.Testing;

namespace Depeche.French.Tests.Tagging;

public class ClauseTenseTests
{
    // The reading at the first token spelled "at", on a document tagged by the shipped model.
    private static ClauseReading ReadAt(string text, string at)
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", text));
        LayerInvariants.AssertWellFormed(d);
        int index = Array.FindIndex(d.Tokens, t => d[t.Span].SequenceEqual(at));
        Assert.True(index >= 0, $"no token '{at}'");
        return ClauseTense.At(d, index);
    }

    [Theory]
    [InlineData("Le ministre avait précisé lundi que la réunion était reportée.", "lundi", TenseReading.Past, true)]   // pluperfect: past, anterior
    [InlineData("Les discussions se tiendront mardi à Genève.", "mardi", TenseReading.Future, false)]                   // simple future behind a clitic
    [InlineData("Selon la presse, l'accord aurait été signé dimanche.", "dimanche", TenseReading.Conditional, true)]    // conditional past of a passive
    [InlineData("« Nous partirons demain », a-t-il ajouté jeudi.", "jeudi", TenseReading.Past, false)]                  // inversion: -t-il between auxiliary and participle
    [InlineData("Le président va se rendre vendredi à Kiev.", "vendredi", TenseReading.Future, false)]                  // near future: aller + infinitive
    [InlineData("Le chef de l'Etat doit se rendre lundi à Moscou.", "lundi", TenseReading.Future, false)]             // "devoir" + infinitive: due to happen
    [InlineData("Le gouvernement vient d'annoncer jeudi un plan d'aide.", "jeudi", TenseReading.Past, false)]         // recent past: venir de + infinitive
    [InlineData("Le Premier ministre a annoncé que le sommet se tiendra lundi.", "lundi", TenseReading.Future, false)] // the subordinate's verb
    [InlineData("Les combats ont fait au moins dix morts depuis lundi.", "lundi", TenseReading.Past, false)]          // "avoir" + participle with an object
    [InlineData("Mardi, le gouvernement annoncera son plan.", "Mardi", TenseReading.Future, false)]                     // nothing on the left: the verb after
    [InlineData("Il annonçait samedi sa démission.", "samedi", TenseReading.Past, false)]                               // imperfect
    [InlineData("Le sommet a lieu aujourd'hui à Bruxelles.", "aujourd'hui", TenseReading.Present, false)]               // "avoir" without participle is no compound
    [InlineData("La délégation est arrivée mercredi à Paris.", "mercredi", TenseReading.Past, false)]                   // "être" + motion verb: passé composé
    [InlineData("L'armée s'est retirée dimanche de la ville.", "dimanche", TenseReading.Past, false)]                   // pronominal: passé composé
    [InlineData("Le texte est examiné ce mercredi par les députés.", "mercredi", TenseReading.Present, false)]          // passive present
    [InlineData("Le ministre, qui était à Paris lundi, a démenti.", "lundi", TenseReading.Past, false)]                 // the relative clause's own verb
    [InlineData("Il a dit lundi que le vote aura lieu le 3 mai.", "mai", TenseReading.Future, false)]                   // the subordinate clause's verb, not the main one
    [InlineData("Le texte doit être voté le 3 mai par les sénateurs.", "mai", TenseReading.Future, false)]            // devoir + passive infinitive
    [InlineData("Le maire veut inaugurer le pont le 3 mai.", "mai", TenseReading.Future, false)]                       // vouloir + infinitive: intended
    [InlineData("La ville prévoit de rouvrir la piscine le 3 mai.", "mai", TenseReading.Future, false)]                // prévoir de + infinitive
    [InlineData("Le maire voulait inaugurer le pont le 3 mai.", "mai", TenseReading.Past, false)]                      // past intention stays past
    [InlineData("Le maire voudrait inaugurer le pont le 3 mai.", "mai", TenseReading.Conditional, false)]              // conditional stays conditional
    public void Reads_the_governing_verb(string text, string at, TenseReading tense, bool anterior)
    {
        var reading = ReadAt(text, at);
        Assert.Equal(tense, reading.Tense);
        Assert.Equal(anterior, reading.Anterior);
        Assert.True(reading.Verb >= 0);
    }

    [Fact]
    public void A_clause_without_verb_reads_unknown()
    {
        // a headline with no verb at all: nothing to read, nothing invented
        var reading = ReadAt("Sommet de Bruxelles : accord lundi", "lundi");
        Assert.Equal(TenseReading.Unknown, reading.Tense);
        Assert.Equal(-1, reading.Verb);
    }

    [Fact]
    public void Passive_and_compound_differ_by_the_participle()
    {
        // hand-built tags: the same "est" + participle is a past with "arrivé", a present with "examiné"
        static TokenTag Aux(string lemma) => new(Upos.AUX, Upos.None, new MorphFeatures(VerbForm.Fin, Tense.Pres, Mood.Ind, Person.Third, Number.Sing, Gender.None), lemma);
        static TokenTag Part(string lemma) => new(Upos.VERB, Upos.None, new MorphFeatures(VerbForm.Part, Tense.Past, Mood.None, Person.None, Number.Sing, Gender.Masc), lemma);
        var noun = new TokenTag(Upos.NOUN, Upos.None, default, "lundi");
        Assert.Equal(TenseReading.Past, ClauseTense.Read([Aux("être"), Part("arriver"), noun], 2).Tense);
        Assert.Equal(TenseReading.Present, ClauseTense.Read([Aux("être"), Part("examiner"), noun], 2).Tense);
        Assert.Equal(TenseReading.Past, ClauseTense.Read([Aux("avoir"), Part("examiner"), noun], 2).Tense);
    }

    [Fact]
    public void Out_of_range_index_reads_unknown() =>
        Assert.Equal(ClauseReading.None, ClauseTense.Read([], 0));

    [Fact]
    public void Every_infinitive_governor_of_the_data_file_reads_ahead_or_behind()
    {
        // one sentence per entry, written for the project: "[le maire] + present + [de] + infinitive + date"
        var sentences = new Dictionary<string, string>
        {
            ["aller"] = "Le maire va inaugurer le pont le 3 mai.",
            ["devoir"] = "Le maire doit inaugurer le pont le 3 mai.",
            ["vouloir"] = "Le maire veut inaugurer le pont le 3 mai.",
            ["compter"] = "Il compte inaugurer le pont le 3 mai.",
            ["espérer"] = "Le maire espère inaugurer le pont le 3 mai.",
            ["souhaiter"] = "Le maire souhaite inaugurer le pont le 3 mai.",
            ["prévoir"] = "Le maire prévoit d'inaugurer le pont le 3 mai.",
            ["envisager"] = "Le maire envisage d'inaugurer le pont le 3 mai.",
            ["projeter"] = "Le maire projette d'inaugurer le pont le 3 mai.",
            ["venir"] = "Le maire vient d'inaugurer le pont le 3 mai.",
        };
        Assert.Equal(sentences.Keys.Order(), ClauseTense.InfinitiveGovernors.Order());
        foreach (var (lemma, text) in sentences)
            Assert.True(ReadAt(text, "mai").Tense == (lemma == "venir" ? TenseReading.Past : TenseReading.Future), lemma);
    }
}
