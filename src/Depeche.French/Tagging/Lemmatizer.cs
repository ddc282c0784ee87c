namespace Depeche.French.Tagging;

/// <summary>One lemma choice for a form: the UPOS label it goes with and the lemma.</summary>
internal readonly record struct LemmaChoice(int Label, string Lemma);

/// <summary>
/// A suffix rewrite rule: drop <see cref="Strip"/> characters, append <see cref="Append"/> ("-aient" → "-er");
/// <see cref="Count"/> is the number of training word types it was learnt from under its suffix.
/// </summary>
internal readonly record struct SuffixRule(int Strip, string Append, int Count);

/// <summary>
/// Lemmas from a (form, UPOS) lexicon learned from training data, with suffix rewrite rules for unknown words
/// ("rapatriées"/VERB → drop "ées", add "er"). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>An unknown word tries the rules (up to three per suffix) of its longest known suffix first, then shorter ones;
/// the first candidate that is a lemma seen in training with the same label wins (rarer rules of a suffix are not tried
/// when its most frequent rule keeps the word as it is) ("découvrent" → "découvrir", not
/// "découvrer", when "découvrir" was seen; for verbs also with è made é or e: "révèle" → "révéler"), then the first
/// that is a lemma seen with another open-class label, else the best rule of the longest suffix seen in at least two
/// word types. Acronyms, codes and Roman ordinals ("SUV", "F291", "XVIIIe") keep their form; a lower-case word never
/// takes a capitalised lemma of a name ("château", not "Château").</para>
/// <para>Plain dictionaries, never written after construction (so safe to share), rather than frozen ones: freezing
/// 60,000 keys costs more at load than it saves over a few lookups per token.</para>
/// </remarks>
internal sealed class Lemmatizer
{
    /// <summary>Longest suffix a rule is keyed on.</summary>
    public const int MaxSuffix = 7;
    // Words longer than this are not lower-cased into the stack buffer; they keep their form as lemma.
    private const int MaxWord = 64;

    private readonly Dictionary<string, LemmaChoice[]>.AlternateLookup<ReadOnlySpan<char>> exact;
    private readonly Dictionary<string, LemmaChoice[]>.AlternateLookup<ReadOnlySpan<char>> lower;
    private readonly Dictionary<string, SuffixRule[]>.AlternateLookup<ReadOnlySpan<char>> rules;
    private readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> lemmas;
    // labels whose lemmas are not just the form (not PROPN, NUM, PUNCT, SYM, X)
    private readonly ulong openLabels;
    private readonly bool[] keepsForm;
    private readonly int verbLabel;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> verbStems;

    public Lemmatizer(Dictionary<string, LemmaChoice[]> exact, Dictionary<string, LemmaChoice[]> lower,
        Dictionary<string, SuffixRule[]> rules, bool[] keepsForm, int verbLabel)
    {
        Exact = exact;
        Lower = lower;
        Rules = rules;
        this.exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        this.lower = lower.GetAlternateLookup<ReadOnlySpan<char>>();
        this.rules = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        this.keepsForm = keepsForm;
        this.verbLabel = verbLabel;
        // known lemmas: lemma → bit mask of the labels it was seen with (labels < 64), one dictionary built from the
        // lemma strings already loaded (no key strings to build)
        var known = new Dictionary<string, ulong>(lower.Count, StringComparer.Ordinal);
        foreach (var choices in lower.Values)
            foreach (var c in choices)
                if (c.Label < 64) known[c.Lemma] = known.GetValueOrDefault(c.Lemma) | 1UL << c.Label;
        lemmas = known.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int l = 0; l < keepsForm.Length && l < 64; l++) if (!keepsForm[l]) openLabels |= 1UL << l;
        verbStems = VerbStems(lower, verbLabel).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Forms as written → lemma per label.</summary>
    public Dictionary<string, LemmaChoice[]> Exact { get; }
    /// <summary>Lower-case forms → lemma per label; also the training vocabulary ("known words").</summary>
    public Dictionary<string, LemmaChoice[]> Lower { get; }
    /// <summary>Rule key (label char + lower-case suffix) → rules, most frequent first.</summary>
    public Dictionary<string, SuffixRule[]> Rules { get; }
    /// <summary>Per label: true when an unknown word keeps its form as written (PROPN, NUM, PUNCT, SYM, X).</summary>
    public ReadOnlySpan<bool> KeepsForm => keepsForm;
    /// <summary>Label index of VERB (-1 if none): its "-è-er" candidates also try "-é-er" and "-e-er".</summary>
    public int VerbLabel => verbLabel;

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

    /// <summary>True when <paramref name="lemma"/> was seen in training as the lemma of a word labelled <paramref name="label"/>.</summary>
    public bool IsKnownLemma(ReadOnlySpan<char> lemma, int label) => label is >= 0 and < 64 && Seen(lemma, 1UL << label);

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
        if (lower.TryGetValue(low, out choices) && Find(choices, label) is { } lowHit)
        {
            // "château" never takes the "Château" of a name: a lower-case common word gets a lower-case lemma
            if (!keepsForm[label] && lowHit.Length > 0 && char.IsUpper(lowHit[0]) && !char.IsUpper(form[0]))
                return lowHit.ToLowerInvariant();
            return lowHit;
        }
        if (label < keepsForm.Length && keepsForm[label]) return formString ?? form.ToString();
        // acronyms, codes and Roman ordinals keep their form: "SUV", "F291", "XVIIIe"
        if (form.Length > 1 && (form[1..].ContainsAnyInRange('A', 'Z') || form.ContainsAnyInRange('0', '9'))) return formString ?? form.ToString();
        return Unknown(low, label);
    }

    // An unknown lower-case word: the first rule candidate that is a known lemma of the label, else the best rule of
    // the longest suffix with evidence (two word types or more), else of the longest suffix, else the word.
    private string Unknown(ReadOnlySpan<char> low, int label)
    {
        Span<char> key = stackalloc char[MaxSuffix + 1];
        key[0] = LabelKey(label);
        Span<char> candidate = stackalloc char[low.Length + 32];
        ulong labelBit = label < 64 ? 1UL << label : 0;
        SuffixRule fallback = default, weak = default, other = default;
        bool hasFallback = false, hasWeak = false, hasOther = false;
        for (int n = Math.Min(MaxSuffix, low.Length); n >= 1; n--)
        {
            low[^n..].CopyTo(key[1..]);
            if (!rules.TryGetValue(key[..(n + 1)], out var list)) continue;
            foreach (var rule in list)
            {
                if (rule.Strip > low.Length || low.Length - rule.Strip + rule.Append.Length > candidate.Length) continue;
                // when the suffix's most frequent rule keeps the word as it is ("reine" → "reine"), a rarer rule is not
                // tried: the unknown word's own form is never a known lemma, so the check would always pass it over
                // for a rarer candidate that is one ("reine" → "rein")
                if (rule != list[0] && list[0].Strip == 0 && list[0].Append.Length == 0) break;
                int length = Build(low, rule, candidate);
                if (lemmas.TryGetValue(candidate[..length], out ulong mask))
                {
                    if ((mask & labelBit) != 0) return candidate[..length].ToString();
                    if (!hasOther && (mask & openLabels) != 0) { other = rule; hasOther = true; }
                }
                if (label == verbLabel && AccentVariant(candidate[..length], labelBit)) return candidate[..length].ToString();
            }
            if (!hasFallback && list[0].Count >= 2) { fallback = list[0]; hasFallback = true; }
            if (!hasWeak) { weak = list[0]; hasWeak = true; }
        }
        // a sibling form: the ending swapped for another verb ending gives a verb form seen in training
        if (label == verbLabel && Sibling(low) is { } sibling) return sibling;
        // second chance: a candidate that is a known lemma under another label ("russes"/ADJ → "russe", seen as a noun)
        var chosen = hasOther ? other : hasFallback ? fallback : hasWeak ? weak : new SuffixRule(0, "", 0);
        if (chosen.Strip > low.Length) return low.ToString();
        return string.Concat(low[..^chosen.Strip], chosen.Append);
    }

    /// <summary>Verb inflection endings (Data/verb-endings.txt), longest first.</summary>
    private static readonly Lazy<string[]> verbEndings = new(() =>
        [.. Resources.Lexicon.ReadWords("verb-endings.txt").Select(e => Normalization.TextNormalizer.Normalize(e).Text)
            .Distinct(StringComparer.Ordinal).OrderByDescending(e => e.Length).ThenBy(e => e, StringComparer.Ordinal)]);

    // Stems of the known verb forms under each verb ending they carry → the form's lemma ("connaiss" → "connaître",
    // from "connaissent"); where two forms give one stem, the ordinally first lemma, so that the table does not depend
    // on the lexicon's order.
    private static Dictionary<string, string> VerbStems(Dictionary<string, LemmaChoice[]> lower, int verbLabel)
    {
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (verbLabel < 0) return stems;
        var endings = verbEndings.Value;
        foreach (var (form, choices) in lower)
        {
            if (Find(choices, verbLabel) is not { } lemma) continue;
            foreach (string ending in endings)
            {
                if (form.Length - ending.Length < 2 || !form.EndsWith(ending, StringComparison.Ordinal)) continue;
                string stem = form[..^ending.Length];
                if (!stems.TryGetValue(stem, out var seen) || string.CompareOrdinal(lemma, seen) < 0) stems[stem] = lemma;
            }
        }
        return stems;
    }

    // "connaissaient" → stem "connaiss" (ending "aient"), the stem of "connaissent" → "connaître"
    private string? Sibling(ReadOnlySpan<char> low)
    {
        foreach (string ending in verbEndings.Value)
        {
            if (low.Length - ending.Length < 2 || !low.EndsWith(ending, StringComparison.Ordinal)) continue;
            if (verbStems.TryGetValue(low[..^ending.Length], out var lemma)) return lemma;
        }
        return null;
    }

    private bool Seen(ReadOnlySpan<char> lemma, ulong labelBits) => lemmas.TryGetValue(lemma, out ulong mask) && (mask & labelBits) != 0;

    private static int Build(ReadOnlySpan<char> low, SuffixRule rule, Span<char> candidate)
    {
        int stem = low.Length - rule.Strip;
        low[..stem].CopyTo(candidate);
        rule.Append.AsSpan().CopyTo(candidate[stem..]);
        return stem + rule.Append.Length;
    }

    // "révèler" → "révéler" or "mèner" → "mener" when that is a known verb lemma: the è of "il révèle", "il mène"
    // is é or e in the infinitive. The buffer is restored when neither is known.
    private bool AccentVariant(Span<char> candidate, ulong labelBit)
    {
        int i = candidate.LastIndexOf('è');
        if (i < 0) return false;
        candidate[i] = 'é';
        if (Seen(candidate, labelBit)) return true;
        candidate[i] = 'e';
        if (Seen(candidate, labelBit)) return true;
        candidate[i] = 'è';
        return false;
    }

    private static string? Find(LemmaChoice[] choices, int label)
    {
        foreach (var c in choices) if (c.Label == label) return c.Lemma;
        return null;
    }
}
