namespace Depeche.French.Tagging;

/// <summary>One lemma choice for a form: the UPOS label it goes with and the lemma.</summary>
internal readonly record struct LemmaChoice(int Label, string Lemma);

/// <summary>A suffix rewrite rule: drop <see cref="Strip"/> characters, append <see cref="Append"/> ("-aient" → "-er").</summary>
internal readonly record struct SuffixRule(int Strip, string Append);

/// <summary>
/// Lemmas from a (form, UPOS) lexicon learned from training data, with suffix rewrite rules for unknown words
/// ("rapatriées"/VERB → drop "ées", add "er"). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Plain dictionaries, never written after construction (so safe to share), rather than frozen ones: freezing 60,000
/// keys costs more at load than it saves over a few lookups per token.
/// </remarks>
internal sealed class Lemmatizer
{
    /// <summary>Longest suffix a rule is keyed on.</summary>
    public const int MaxSuffix = 6;
    // Words longer than this are not lower-cased into the stack buffer; they keep their form as lemma.
    private const int MaxWord = 64;

    private readonly Dictionary<string, LemmaChoice[]>.AlternateLookup<ReadOnlySpan<char>> exact;
    private readonly Dictionary<string, LemmaChoice[]>.AlternateLookup<ReadOnlySpan<char>> lower;
    private readonly Dictionary<string, SuffixRule>.AlternateLookup<ReadOnlySpan<char>> rules;
    private readonly bool[] keepsForm;

    public Lemmatizer(Dictionary<string, LemmaChoice[]> exact, Dictionary<string, LemmaChoice[]> lower,
        Dictionary<string, SuffixRule> rules, bool[] keepsForm)
    {
        Exact = exact;
        Lower = lower;
        Rules = rules;
        this.exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        this.lower = lower.GetAlternateLookup<ReadOnlySpan<char>>();
        this.rules = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        this.keepsForm = keepsForm;
    }

    /// <summary>Forms as written → lemma per label.</summary>
    public Dictionary<string, LemmaChoice[]> Exact { get; }
    /// <summary>Lower-case forms → lemma per label; also the training vocabulary ("known words").</summary>
    public Dictionary<string, LemmaChoice[]> Lower { get; }
    /// <summary>Rule key (label char + lower-case suffix) → rule.</summary>
    public Dictionary<string, SuffixRule> Rules { get; }
    /// <summary>Per label: true when an unknown word keeps its form as written (PROPN, NUM, PUNCT, SYM, X).</summary>
    public ReadOnlySpan<bool> KeepsForm => keepsForm;

    /// <summary>Rule key of a label: one character before the suffix.</summary>
    public static char LabelKey(int label) => (char)('A' + label);

    /// <summary>True when the lower-case form was seen in training.</summary>
    public bool IsKnown(ReadOnlySpan<char> form)
    {
        if (form.Length > MaxWord) return false;
        Span<char> buffer = stackalloc char[form.Length];
        form.ToLowerInvariant(buffer);
        return lower.ContainsKey(buffer);
    }

    /// <summary>
    /// The lemma of <paramref name="form"/> tagged <paramref name="label"/>; <paramref name="formString"/> supplies
    /// the form as a string when the lemma is the form itself (null: allocated here).
    /// </summary>
    public string Lemmatize(ReadOnlySpan<char> form, int label, string? formString = null)
    {
        if (exact.TryGetValue(form, out var choices) && Find(choices, label) is { } hit) return hit;
        if (form.Length > MaxWord) return formString ?? form.ToString();
        Span<char> low = stackalloc char[form.Length];
        form.ToLowerInvariant(low);
        if (lower.TryGetValue(low, out choices) && Find(choices, label) is { } lowHit) return lowHit;
        if (label < keepsForm.Length && keepsForm[label]) return formString ?? form.ToString();

        Span<char> key = stackalloc char[MaxSuffix + 1];
        key[0] = LabelKey(label);
        for (int n = Math.Min(MaxSuffix, low.Length); n >= 1; n--)
        {
            low[^n..].CopyTo(key[1..]);
            if (rules.TryGetValue(key[..(n + 1)], out var rule) && rule.Strip <= low.Length)
                return string.Concat(low[..^rule.Strip], rule.Append);
        }
        return low.ToString();
    }

    private static string? Find(LemmaChoice[] choices, int label)
    {
        foreach (var c in choices) if (c.Label == label) return c.Lemma;
        return null;
    }
}
