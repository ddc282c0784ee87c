using Depeche.French.Tagging;

namespace Depeche.French.Tests.Tagging;

/// <summary>
/// The lemmatizer's choices for unknown words, on a tiny model trained on sentences written here (so each test knows
/// exactly which forms and lemmas were seen), plus a few on the shipped model.
/// </summary>
public class LemmatizerTests
{
    // (form, UPOS, lemma) per token; features are not needed by the lemmatizer
    private static GoldSentence Sentence(params (string Form, string Upos, string Lemma)[] tokens) => new(
        [.. tokens.Select(t => t.Form)], [.. tokens.Select(t => t.Upos)], new MorphFeatures[tokens.Length], [.. tokens.Select(t => t.Lemma)]);

    private static readonly Lazy<TaggerModel> tiny = new(() => TaggerTrainer.Train(
    [
        Sentence(("Ils", "PRON", "eux"), ("aiment", "VERB", "aimer"), ("et", "CCONJ", "et"), ("chantent", "VERB", "chanter"), (".", "PUNCT", ".")),
        Sentence(("Elle", "PRON", "lui"), ("aime", "VERB", "aimer"), ("et", "CCONJ", "et"), ("chante", "VERB", "chanter"), (".", "PUNCT", ".")),
        Sentence(("Ils", "PRON", "eux"), ("aimaient", "VERB", "aimer"), ("le", "DET", "le"), ("Château", "NOUN", "Château"), (".", "PUNCT", ".")),
        Sentence(("Il", "PRON", "lui"), ("veut", "VERB", "vouloir"), ("révéler", "VERB", "révéler"), ("et", "CCONJ", "et"), ("le", "PRON", "le"),
            ("connaître", "VERB", "connaître"), (".", "PUNCT", ".")),
        Sentence(("Ils", "PRON", "eux"), ("connaissent", "VERB", "connaître"), ("les", "DET", "le"), ("grosses", "ADJ", "gros"),
            ("rouges", "ADJ", "rouge"), ("du", "ADP+DET", "de+le"), ("russe", "NOUN", "russe"), (".", "PUNCT", ".")),
    ], [], new TaggerTrainingOptions { Epochs = 1, UposBits = 10, MorphBits = 10 }, TextWriter.Null));

    private static string Lemma(string form, string upos)
    {
        var model = tiny.Value;
        int label = model.Labels.ToList().IndexOf(upos);
        Assert.True(label >= 0, $"no label {upos}");
        return model.Lemmatizer.Lemmatize(form, label);
    }

    [Fact]
    public void An_unknown_verb_form_takes_the_accent_of_a_known_infinitive()
    {
        // "-e" → "-er" gives "révèler", never an infinitive; "révéler" was seen, so the è becomes é
        Assert.False(tiny.Value.Lemmatizer.IsKnown("révèle"));
        Assert.Equal("révéler", Lemma("révèle", "VERB"));
        // an unseen infinitive keeps the plain rule
        Assert.Equal("zorgluber", Lemma("zorglube", "VERB"));
    }

    [Fact]
    public void An_unknown_verb_form_takes_the_lemma_of_a_sibling_form()
    {
        // "-aient" → "-er" gives "connaisser" (not a lemma seen); "connaissent" was seen with "connaître"
        Assert.Equal("connaître", Lemma("connaissaient", "VERB"));
        Assert.Equal("chanter", Lemma("chantaient", "VERB"));
    }

    [Fact]
    public void A_candidate_seen_as_the_lemma_of_another_label_is_taken()
    {
        // "-sses" → "-s" (grosses → gros) gives "rus"; "-s" → "" gives "russe", seen as a noun's lemma
        Assert.Equal("russe", Lemma("russes", "ADJ"));
    }

    [Fact]
    public void Acronyms_codes_and_roman_ordinals_keep_their_form()
    {
        Assert.Equal("SUV", Lemma("SUV", "NOUN"));
        Assert.Equal("F291", Lemma("F291", "NOUN"));
        Assert.Equal("XVIIIe", Lemma("XVIIIe", "ADJ"));
        // a capitalised unknown common word is lower-cased
        Assert.Equal("chantier", Lemma("Chantier", "NOUN"));
    }

    [Fact]
    public void A_lower_case_common_word_never_takes_the_capitals_of_a_name()
    {
        Assert.Equal("château", Lemma("château", "NOUN"));
        Assert.Equal("Château", Lemma("Château", "NOUN"));
    }

    [Fact]
    public void Conventions_file_overrides_a_training_lemma()
    {
        // the training sentence says "le" for the object clitic; lemma-conventions.tsv says "lui", like "la" and "l'"
        Assert.Equal("lui", Lemma("le", "PRON"));
        Assert.Equal("le", Lemma("le", "DET"));
    }

    [Fact]
    public void Training_rules_only_rewrite_within_their_suffix()
    {
        // every rule strips at most the suffix it is keyed on ("A" + suffix)
        foreach (var (key, rules) in tiny.Value.Lemmatizer.Rules)
            foreach (var rule in rules) Assert.True(rule.Strip <= key.Length - 1, $"{key}: strips {rule.Strip}");
    }

    [Fact]
    public void Shipped_model_lemmatises_an_unseen_verb_form_and_the_object_clitic()
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", "Le procureur affirme que les victimes le connaissaient bien."));
        string Of(string token) => d.Tags[Array.FindIndex(d.Tokens, t => d[t.Span].SequenceEqual(token))].Lemma;
        Assert.Equal("connaître", Of("connaissaient"));
        Assert.Equal("lui", d.Tags[Array.FindIndex(d.Tokens, t => d[t.Span].SequenceEqual("le") && t.Span.Start > 20)].Lemma);
    }
}
