using Depeche.Corpora;
using Depeche.French.Normalization;

namespace Depeche.French.Tagging;

/// <summary>
/// A sentence of a UD treebank as the tagger sees it: one entry per surface token, forms and lemmas normalised like
/// news text (’ → '), a multi-word token ("du") labelled with its words' UPOS joined by "+" ("ADP+DET") and their
/// lemmas likewise ("de+le"), its features merged (first word that has each feature).
/// </summary>
public sealed record GoldSentence(string[] Forms, string[] Labels, MorphFeatures[] Morph, string[] Lemmas);

/// <summary>Reads CoNLL-U files into <see cref="GoldSentence"/>s. Thread-safe (stateless).</summary>
public static class TaggedCorpus
{
    /// <summary>The sentences of a CoNLL-U file.</summary>
    public static List<GoldSentence> Read(string path)
    {
        var sentences = new List<GoldSentence>();
        foreach (var s in ConlluReader.ReadFile(path)) sentences.Add(FromConllu(s));
        return sentences;
    }

    /// <summary>One CoNLL-U sentence as surface tokens.</summary>
    public static GoldSentence FromConllu(ConlluSentence sentence)
    {
        int n = sentence.Tokens.Count;
        var forms = new string[n];
        var labels = new string[n];
        var morph = new MorphFeatures[n];
        var lemmas = new string[n];
        for (int i = 0; i < n; i++)
        {
            var token = sentence.Tokens[i];
            forms[i] = Normalize(token.Form);
            labels[i] = string.Join('+', token.Words.Select(w => w.Upos));
            lemmas[i] = Normalize(string.Join('+', token.Words.Select(w => w.Lemma)));
            morph[i] = Merge(token.Words);
        }
        return new GoldSentence(forms, labels, morph, lemmas);
    }

    /// <summary>The normalised view of a form, as the tokenizer would see it in news text.</summary>
    public static string Normalize(string form) => TextNormalizer.Normalize(form).Text;

    private static MorphFeatures Merge(IReadOnlyList<ConlluWord> words)
    {
        VerbForm verbForm = default; Tense tense = default; Mood mood = default;
        Person person = default; Number number = default; Gender gender = default;
        foreach (var w in words)
        {
            if (verbForm == default) verbForm = Parse<VerbForm>(w.Feature("VerbForm"));
            if (tense == default) tense = Parse<Tense>(w.Feature("Tense"));
            if (mood == default) mood = Parse<Mood>(w.Feature("Mood"));
            if (person == default)
                person = w.Feature("Person") switch { "1" => Person.First, "2" => Person.Second, "3" => Person.Third, _ => Person.None };
            if (number == default) number = Parse<Number>(w.Feature("Number"));
            if (gender == default) gender = Parse<Gender>(w.Feature("Gender"));
        }
        return new MorphFeatures(verbForm, tense, mood, person, number, gender);
    }

    // Values outside the enums ("Gender=Masc,Fem", "Tense=Pqp") count as absent.
    private static T Parse<T>(string? value) where T : struct, Enum =>
        value is not null && value != "None" && Enum.TryParse<T>(value, out var v) ? v : default;
}
