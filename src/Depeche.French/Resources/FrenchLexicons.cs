using System.Collections.Frozen;
using Depeche.French.Normalization;

namespace Depeche.French.Resources;

/// <summary>
/// The French lexicons of the segmentation stages, parsed once on first use (by whichever thread gets there first)
/// and shared afterwards. Entries are normalised like the text they are matched against (’ → ', œ → oe).
/// </summary>
public static class FrenchLexicons
{
    private static readonly Lazy<FrozenDictionary<string, AbbreviationUse>> abbreviations = new(() =>
        Lexicon.Read("abbreviations.txt")
            .ToFrozenDictionary(r => Normalize(r.Columns[0]), r => ParseUse(r.Line, r.Columns), StringComparer.Ordinal));

    private static readonly Lazy<FrozenSet<string>> elisions = new(() => LoadSet("elisions.txt"));
    private static readonly Lazy<FrozenSet<string>> apostropheWords = new(() => LoadSet("apostrophe-words.txt"));
    private static readonly Lazy<FrozenDictionary<string, bool>> sentenceOpeners = new(() =>
        Lexicon.Read("sentence-openers.txt")
            .ToFrozenDictionary(r => Normalize(r.Columns[0]), r => r.Columns.Length > 1 && r.Columns[1] == "yes", StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> nonFinalWords = new(() => LoadSet("non-final-words.txt"));
    private static readonly Lazy<FrozenSet<string>> hyphenWords = new(() => LoadSet("hyphen-words.txt"));
    private static readonly Lazy<FrozenSet<string>> inversionClitics = new(() => LoadSet("inversion-clitics.txt"));
    private static readonly Lazy<FrozenSet<string>> creditPrefixes = new(() => LoadSet("credits.txt"));
    private static readonly Lazy<FrozenSet<string>> boilerplate = new(() => LoadSet("boilerplate.txt"));
    private static readonly Lazy<FrozenDictionary<string, Agency>> agencies = new(() =>
        Lexicon.Read("agencies.txt", 3)
            .ToFrozenDictionary(r => Normalize(r.Columns[0]), r => new Agency(r.Columns[0], r.Columns[1], r.Columns[2]), StringComparer.OrdinalIgnoreCase));

    /// <summary>Abbreviations with their period ("M.", "J.-C."); the value says whether one may close a sentence ("etc.")
    /// or is also an ordinary word ("sept.", "vol.").</summary>
    public static FrozenDictionary<string, AbbreviationUse> Abbreviations => abbreviations.Value;

    /// <summary>Capitalised words that open a sentence after a word with no punctuation between ("… la sécurité Le maire …");
    /// the value says whether the next word must be in lower case (determiners: "Le maire", not "Le Monde").</summary>
    public static FrozenDictionary<string, bool> SentenceOpeners => sentenceOpeners.Value;

    /// <summary>Words that cannot end a sentence ("et", "dans"), lower case.</summary>
    public static FrozenSet<string> NonFinalWords => nonFinalWords.Value;

    /// <summary>Hyphenated words whose last part looks like an inversion pronoun but belongs to the word ("rendez-vous"), lower case.</summary>
    public static FrozenSet<string> HyphenWords => hyphenWords.Value;

    /// <summary>Elided words, lower case, without apostrophe ("l", "qu", "jusqu").</summary>
    public static FrozenSet<string> Elisions => elisions.Value;

    /// <summary>Words with an apostrophe kept whole, lower case ("aujourd'hui").</summary>
    public static FrozenSet<string> ApostropheWords => apostropheWords.Value;

    /// <summary>Inversion pronouns without their leading hyphen, lower case ("t-il", "elle").</summary>
    public static FrozenSet<string> InversionClitics => inversionClitics.Value;

    /// <summary>Words opening an agency credit line, lower case ("avec").</summary>
    public static FrozenSet<string> CreditPrefixes => creditPrefixes.Value;

    /// <summary>Page-furniture lines, lower case ("commentaires").</summary>
    public static FrozenSet<string> Boilerplate => boilerplate.Value;

    /// <summary>Press agencies by short name, case-insensitive.</summary>
    public static FrozenDictionary<string, Agency> Agencies => agencies.Value;

    private static FrozenSet<string> LoadSet(string name) =>
        Lexicon.ReadWords(name).Select(w => Normalize(w).ToLowerInvariant()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static AbbreviationUse ParseUse(int line, string[] columns) => columns.Length < 2 || columns[1].Length == 0
        ? AbbreviationUse.Inside
        : columns[1] switch
        {
            "yes" => AbbreviationUse.MayEnd,
            "word" => AbbreviationUse.AlsoWord,
            _ => throw new FormatException($"abbreviations.txt:{line}: second column must be 'yes' or 'word', got '{columns[1]}'."),
        };

    private static string Normalize(string entry) => TextNormalizer.Normalize(entry).Text;
}

/// <summary>How an abbreviation's period behaves.</summary>
public enum AbbreviationUse : byte
{
    /// <summary>The period belongs to the abbreviation and ends no sentence ("M.", "Mme.").</summary>
    Inside,
    /// <summary>The period belongs to the abbreviation and may also end the sentence ("etc.").</summary>
    MayEnd,
    /// <summary>The letters are also an ordinary word ("sept.", "vol.", "mer."): before a capital the period is a full stop.</summary>
    AlsoWord,
}

/// <summary>A press agency: how it is credited, its full name and its country.</summary>
public sealed record Agency(string Name, string FullName, string Country);
