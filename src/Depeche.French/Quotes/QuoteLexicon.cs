using System.Collections.Frozen;
using Depeche.French.Normalization;
using Depeche.French.Resources;

namespace Depeche.French.Quotes;

/// <summary>What a reporting verb reports: speech, an opinion, writing, or a qualification ("qualifié de « … »").</summary>
public enum VerbKind : byte { Say, Think, Write, Qualify }

/// <summary>One inflected form of a reporting verb: its lemma, kind, and whether it is a past participle ("dit").</summary>
public readonly record struct VerbForm(string Lemma, VerbKind Kind, bool Participle);

/// <summary>Grammatical gender and number of a speaker phrase or pronoun, for linking pronouns ("a-t-elle dit").</summary>
public enum Agreement : byte { Unknown, Masculine, Feminine, MasculinePlural, FemininePlural, Plural, Impersonal }

/// <summary>Roles of the closed-class words around quotations (quote-words.tsv).</summary>
[Flags]
public enum WordRole : ushort
{
    None = 0,
    Determiner = 1 << 0,
    Title = 1 << 1,
    Pronoun = 1 << 2,
    Auxiliary = 1 << 3,
    Skip = 1 << 4,
    Stop = 1 << 5,
    PreAdjective = 1 << 6,
    Opener = 1 << 7,
    Cue = 1 << 8,
    CuePour = 1 << 9,
    Medium = 1 << 10,
    /// <summary>A word after which a quotation is a name or a term ("baptisé « … »", "le mot « … »").</summary>
    Label = 1 << 11,
    /// <summary>Fixed words after a noun that stay in its phrase ("en chef", "par intérim", "sortant").</summary>
    PostModifier = 1 << 12,
}

/// <summary>A closed-class word or phrase: its roles and, for determiners, titles and pronouns, its agreement.</summary>
public readonly record struct WordInfo(WordRole Roles, Agreement Agreement);

/// <summary>Everything the lexicon knows about one word, found with a single lookup per token.</summary>
internal readonly record struct WordEntry(WordRole Roles, Agreement Agreement, int Verb, bool PhraseStart);

/// <summary>
/// A description noun ("source", "porte-parole"): its gender and whether it names a person, a group, a person or
/// persons close to someone (relative, relatives), an organisation or a text.
/// </summary>
public readonly record struct SpeakerNoun(Agreement Agreement, string Kind)
{
    public bool IsPerson => Kind is "person" or "group" or "relative" or "relatives";

    /// <summary>A person close to someone ("un proche de X", "des amis de X"): never that someone's own voice.</summary>
    public bool IsRelative => Kind is "relative" or "relatives";
}

/// <summary>
/// The French data the <see cref="QuoteFinder"/> reads: reporting verbs in every form (generated from
/// reporting-verbs.tsv), closed-class words (quote-words.tsv), description nouns (speaker-nouns.tsv) and demonyms
/// (speaker-demonyms.tsv, minimal). Parsed once on first use; immutable and thread-safe.
/// Keys are normalised like the view they are matched against (’ → ', œ → oe) and compared without regard to case.
/// </summary>
public sealed class QuoteLexicon
{
    private static readonly Lazy<QuoteLexicon> Shared = new(() => new QuoteLexicon(
        LoadVerbs("reporting-verbs.tsv"), LoadWords("quote-words.tsv"), LoadNouns("speaker-nouns.tsv"), LoadDemonyms("speaker-demonyms.tsv")));

    /// <summary>The lexicon built from the embedded data files.</summary>
    public static QuoteLexicon Default => Shared.Value;

    public QuoteLexicon(FrozenDictionary<string, VerbForm> verbs, FrozenDictionary<string, WordInfo> words,
        FrozenDictionary<string, SpeakerNoun> nouns, FrozenDictionary<string, string> demonyms)
    {
        Verbs = verbs;
        Words = words;
        Nouns = nouns;
        Demonyms = demonyms;
        VerbLookup = verbs.GetAlternateLookup<ReadOnlySpan<char>>();
        WordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        NounLookup = nouns.GetAlternateLookup<ReadOnlySpan<char>>();
        DemonymLookup = demonyms.GetAlternateLookup<ReadOnlySpan<char>>();
        // multi-word entries ("en substance", "d'après", "ce dernier") keyed by their first word, longest first
        var phrases = new Dictionary<string, List<(string[] Words, WordInfo Info)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, info) in words)
        {
            var parts = SplitPhrase(key);
            if (parts.Length < 2) continue;
            if (!phrases.TryGetValue(parts[0], out var list)) phrases[parts[0]] = list = [];
            list.Add((parts, info));
        }
        Phrases = phrases.ToFrozenDictionary(p => p.Key, p => p.Value.OrderByDescending(x => x.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        PhraseLookup = Phrases.GetAlternateLookup<ReadOnlySpan<char>>();

        // one table for the per-token pass: roles, verb form and whether a phrase may start here
        VerbForms = [.. verbs.Values.Distinct()];
        var formIndex = new Dictionary<VerbForm, int>();
        for (int i = 0; i < VerbForms.Length; i++) formIndex[VerbForms[i]] = i;
        var entries = new Dictionary<string, WordEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, info) in words)
            if (!key.Contains(' ') && SplitPhrase(key).Length == 1) entries[key] = new WordEntry(info.Roles, info.Agreement, -1, false);
        foreach (var (form, verb) in verbs)
            entries[form] = entries.TryGetValue(form, out var e) ? e with { Verb = formIndex[verb] } : new WordEntry(WordRole.None, Agreement.Unknown, formIndex[verb], false);
        foreach (var first in Phrases.Keys)
            entries[first] = entries.TryGetValue(first, out var e) ? e with { PhraseStart = true } : new WordEntry(WordRole.None, Agreement.Unknown, -1, true);
        Entries = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        EntryLookup = Entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every inflected form of every reporting verb.</summary>
    public FrozenDictionary<string, VerbForm> Verbs { get; }
    public FrozenDictionary<string, WordInfo> Words { get; }
    public FrozenDictionary<string, SpeakerNoun> Nouns { get; }
    /// <summary>Demonym adjectives in every form → ISO 3166-1 alpha-3 ("russes" → RUS).</summary>
    public FrozenDictionary<string, string> Demonyms { get; }
    internal FrozenDictionary<string, (string[] Words, WordInfo Info)[]> Phrases { get; }
    internal VerbForm[] VerbForms { get; }
    internal FrozenDictionary<string, WordEntry> Entries { get; }
    internal FrozenDictionary<string, WordEntry>.AlternateLookup<ReadOnlySpan<char>> EntryLookup { get; }

    internal FrozenDictionary<string, VerbForm>.AlternateLookup<ReadOnlySpan<char>> VerbLookup { get; }
    internal FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> WordLookup { get; }
    internal FrozenDictionary<string, SpeakerNoun>.AlternateLookup<ReadOnlySpan<char>> NounLookup { get; }
    internal FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DemonymLookup { get; }
    internal FrozenDictionary<string, (string[] Words, WordInfo Info)[]>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup { get; }

    /// <summary>A copy of this lexicon with another demonym map (the entity gazetteer's, when it lands).</summary>
    public QuoteLexicon WithDemonyms(FrozenDictionary<string, string> demonyms) => new(Verbs, Words, Nouns, demonyms);

    // Splits "d'après" into "d'" "après" and "en substance" into "en" "substance", as the tokenizer would.
    internal static string[] SplitPhrase(string phrase)
    {
        var parts = new List<string>();
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int apostrophe = word.IndexOf('\'');
            if (apostrophe > 0 && apostrophe < word.Length - 1 && word != "aujourd'hui")
            {
                parts.Add(word[..(apostrophe + 1)]);
                parts.Add(word[(apostrophe + 1)..]);
            }
            else parts.Add(word);
        }
        return [.. parts];
    }

    private static string Normalize(string entry) => TextNormalizer.Normalize(entry).Text;

    internal static FrozenDictionary<string, VerbForm> LoadVerbs(string file)
    {
        var forms = new Dictionary<string, VerbForm>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, cols) in Lexicon.Read(file, 3))
        {
            string lemma = Normalize(cols[0]);
            var kind = cols[2] switch
            {
                "say" => VerbKind.Say,
                "think" => VerbKind.Think,
                "write" => VerbKind.Write,
                "qualify" => VerbKind.Qualify,
                _ => throw new FormatException($"{file}:{line}: unknown kind '{cols[2]}'."),
            };
            // "s'exclamer", "se féliciter": the forms are those of the verb; the pronoun is its own token
            string verb = lemma.StartsWith("se ", StringComparison.Ordinal) ? lemma[3..] : lemma.StartsWith("s'", StringComparison.Ordinal) ? lemma[2..] : lemma;
            IEnumerable<(string Form, bool Participle)> generated = cols[1] switch
            {
                "er" or "er-grave" or "er-double" => Conjugation.FirstGroup(verb, cols[1]),
                "ir" => Conjugation.SecondGroup(verb),
                "irr" => [],
                _ => throw new FormatException($"{file}:{line}: unknown class '{cols[1]}'."),
            };
            var listed = cols.Length > 3
                ? cols[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.EndsWith('+') ? (Normalize(f[..^1]), true) : (Normalize(f), false))
                : [];
            if (cols[1] == "irr" && !listed.Any()) throw new FormatException($"{file}:{line}: an irregular verb needs its forms.");
            foreach (var (form, participle) in generated.Concat(listed))
            {
                // a form shared by two verbs keeps the first; a finite form wins over a participle of the same spelling
                if (forms.TryGetValue(form, out var existing) && (existing.Lemma != lemma || !existing.Participle || participle)) continue;
                forms[form] = new VerbForm(lemma, kind, participle);
            }
        }
        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    internal static FrozenDictionary<string, WordInfo> LoadWords(string file)
    {
        var words = new Dictionary<string, WordInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, cols) in Lexicon.Read(file, 2))
        {
            var (role, agreement) = cols[1] switch
            {
                "det-m" => (WordRole.Determiner, Agreement.Masculine),
                "det-f" => (WordRole.Determiner, Agreement.Feminine),
                "det" => (WordRole.Determiner, Agreement.Unknown),
                "det-pl" => (WordRole.Determiner, Agreement.Plural),
                "title-m" => (WordRole.Title, Agreement.Masculine),
                "title-f" => (WordRole.Title, Agreement.Feminine),
                "pron-m" => (WordRole.Pronoun, Agreement.Masculine),
                "pron-f" => (WordRole.Pronoun, Agreement.Feminine),
                "pron-mp" => (WordRole.Pronoun, Agreement.MasculinePlural),
                "pron-fp" => (WordRole.Pronoun, Agreement.FemininePlural),
                "pron-imp" => (WordRole.Pronoun, Agreement.Impersonal),
                "aux" => (WordRole.Auxiliary, Agreement.Unknown),
                "skip" => (WordRole.Skip, Agreement.Unknown),
                "stop" => (WordRole.Stop, Agreement.Unknown),
                "pre-adj" => (WordRole.PreAdjective, Agreement.Unknown),
                "opener" => (WordRole.Opener, Agreement.Unknown),
                "cue" => (WordRole.Cue, Agreement.Unknown),
                "cue-pour" => (WordRole.CuePour, Agreement.Unknown),
                "medium" => (WordRole.Medium, Agreement.Unknown),
                "label" => (WordRole.Label, Agreement.Unknown),
                "post" => (WordRole.PostModifier, Agreement.Unknown),
                _ => throw new FormatException($"{file}:{line}: unknown role '{cols[1]}'."),
            };
            string key = Normalize(cols[0]);
            words[key] = words.TryGetValue(key, out var old)
                ? new WordInfo(old.Roles | role, old.Agreement == Agreement.Unknown ? agreement : old.Agreement)
                : new WordInfo(role, agreement);
        }
        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    internal static FrozenDictionary<string, SpeakerNoun> LoadNouns(string file)
    {
        var nouns = new Dictionary<string, SpeakerNoun>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, cols) in Lexicon.Read(file, 3))
        {
            var agreement = cols[1] switch
            {
                "m" => Agreement.Masculine,
                "f" => Agreement.Feminine,
                "e" => Agreement.Unknown,
                _ => throw new FormatException($"{file}:{line}: gender must be m, f or e, got '{cols[1]}'."),
            };
            if (cols[2] is not ("person" or "group" or "relative" or "relatives" or "org" or "text")) throw new FormatException($"{file}:{line}: unknown kind '{cols[2]}'.");
            if (cols[2] is "group" or "relatives") agreement = agreement == Agreement.Feminine ? Agreement.FemininePlural : Agreement.Plural;
            nouns.TryAdd(Normalize(cols[0]), new SpeakerNoun(agreement, cols[2]));
        }
        return nouns.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    internal static FrozenDictionary<string, string> LoadDemonyms(string file)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, cols) in Lexicon.Read(file, 2))
        {
            if (cols[1].Length != 3) throw new FormatException($"{file}:{line}: expected an ISO alpha-3 code, got '{cols[1]}'.");
            foreach (var form in Conjugation.AdjectiveForms(Normalize(cols[0]))) map.TryAdd(form, cols[1]);
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
