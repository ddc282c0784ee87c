using System.Collections.Frozen;
using Depeche.French.Normalization;
using Depeche.French.Resources;
using Depeche.French.Segmentation;

namespace Depeche.French.Events;

/// <summary>Whether an event's parties act as equals (a meeting) or one acts on the other (an expulsion).</summary>
public enum EventRoles : byte { Symmetric, Directed }

/// <summary>What a cue word does to the event near it (see <c>event-cues.tsv</c>).</summary>
public enum CueRole : byte
{
    NounNegator, Negation, NegationEnd, Future, Hypothetical, Anaphor, Earlier, Mutual, Place, Target, Clause, Call, Passive, Adverb, Next, Definite, Indefinite, Between, Agent,
    Relative, Cleft, Bound, Cause, Reflexive, Penalty, SubjectMasculine, SubjectFeminine, SubjectPlural, Pair, Policy,
    CalledBy, SentenceTo, InYear, OffsetAfter, OffsetBefore, Phone,
}

/// <summary>
/// One trigger of <c>event-triggers.tsv</c>: its words (the last may be a prefix), category and mode.
/// <paramref name="PassiveOnly"/>: a participle that is a trigger only after a form of être ("a été condamné" is a
/// verdict, "condamne l'attaque" a criticism). <paramref name="State"/>: the state whose institutions alone perform
/// the act (from <c>event-legal-systems.tsv</c>: a "mise en examen" exists only in French criminal procedure).
/// <paramref name="Offence"/>: a crime that is an event only when a verdict asserts it ("condamné pour abus de
/// confiance"); elsewhere it is suspected ("mis en examen pour fraude"). <paramref name="Reflexive"/>: a trigger only
/// with "se" before it ("se sont retrouvés" is a meeting, "retrouvés morts" is not). <paramref name="NeedsPlace"/>: a
/// trigger only with a place after it in its clause ("s'est rendu mardi à Kiev", not "s'est rendu compte").
/// </summary>
public sealed record TriggerCue(string[] Words, bool LastIsPrefix, string Type, string? Mode, EventRoles Roles, bool IsVerb,
    bool PassiveOnly = false, string? State = null, bool Offence = false, bool Reflexive = false, bool NeedsPlace = false);

/// <summary>
/// The event triggers and cue words, indexed for token-by-token matching: exact first words in a frozen dictionary,
/// one-word prefixes ("expuls*") by prefix length. Immutable and thread-safe.
/// </summary>
public sealed class EventLexicon
{
    private static readonly Lazy<EventLexicon> french = new(() =>
    {
        var states = Lexicon.Read("event-legal-systems.tsv", 2).ToDictionary(r => string.Join(' ', Words(r.Columns[0])), r => r.Columns[1], StringComparer.Ordinal);
        return new EventLexicon(
            Lexicon.Read("event-triggers.tsv", 5).Select(r => ParseTrigger(r.Columns, r.Line, states)),
            Lexicon.Read("event-cues.tsv", 2).Select(r => (Normalize(r.Columns[0]), ParseRole(r.Columns[1], r.Line))),
            Lexicon.Read("event-groups.tsv", 1).Select(r => Words(r.Columns[0])),
            Lexicon.Read("event-sport.tsv", 2).Select(r => (string.Join(' ', Words(r.Columns[0].TrimEnd('*'))), ParseSport(r.Columns[1], r.Line))),
            Lexicon.Read("event-groups.tsv", 1).Where(r => r.Columns.Length > 1 && ParseState(r.Columns[1], r.Line)).Select(r => string.Join(' ', Words(r.Columns[0]))));
    });

    private static bool ParseState(string flag, int line) => flag switch
    {
        "state" => true,
        "" => false,
        _ => throw new FormatException($"event-groups.tsv:{line}: the second column may only say 'state', not '{flag}'."),
    };

    private static bool ParseSport(string role, int line) => role switch
    {
        "sport" => true,
        "play" => false,
        _ => throw new FormatException($"event-sport.tsv:{line}: role must be sport or play, not '{role}'."),
    };

    /// <summary>The French lexicon, loaded once from the embedded data files.</summary>
    public static EventLexicon French => french.Value;

    private readonly FrozenDictionary<string, TriggerCue[]>.AlternateLookup<ReadOnlySpan<char>> byFirstWord;
    private readonly FrozenDictionary<string, TriggerCue[]>.AlternateLookup<ReadOnlySpan<char>> byPrefix;
    private readonly int[] prefixLengths;
    private readonly FrozenDictionary<string, CueRole>.AlternateLookup<ReadOnlySpan<char>> cues;
    private readonly FrozenDictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> allRoles;
    private readonly FrozenDictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> groups;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> sportWords;
    private readonly FrozenSet<TriggerCue> playCues;
    private readonly FrozenSet<string> stateGroups;

    /// <summary>True when the group noun of <paramref name="length"/> tokens at <paramref name="index"/> stands for a state's institutions.</summary>
    public bool IsStateGroup(IReadOnlyList<string> words, int index, int length) =>
        stateGroups.Count > 0 && stateGroups.Contains(length == 1 ? words[index] : string.Join(' ', Enumerable.Range(index, length).Select(i => words[i])));

    /// <summary>Different sport words a document needs to be read as a sport report.</summary>
    public const int SportWordsForReport = 3;

    /// <summary>True when at least <see cref="SportWordsForReport"/> different sport words occur in <paramref name="words"/>.</summary>
    public bool IsSportReport(IReadOnlyList<string> words)
    {
        HashSet<string>? seen = null;
        foreach (var word in words)
        {
            if (!sportWords.Contains(word)) continue;
            (seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(word);
            if (seen.Count >= SportWordsForReport) return true;
        }
        return false;
    }

    /// <summary>True for a trigger that sport reports use for play ("rencontre", "attaque", "expulsion").</summary>
    public bool IsPlay(TriggerCue cue) => playCues.Contains(cue);

    /// <param name="triggers">Event triggers.</param>
    /// <param name="cueWords">Words that decide status and arguments.</param>
    /// <param name="groupNouns">Nouns naming groups that act as parties ("manifestants", "organisations syndicales"), as words.</param>
    /// <param name="sport">Words of sport reports (true) and triggers that sport reports use for play (false).</param>
    /// <param name="stateGroups">Group nouns that stand for a state's institutions ("gouvernement", "police"), words joined by spaces.</param>
    public EventLexicon(IEnumerable<TriggerCue> triggers, IEnumerable<(string Word, CueRole Role)> cueWords, IEnumerable<string[]>? groupNouns = null,
        IEnumerable<(string Entry, bool IsSportWord)>? sport = null, IEnumerable<string>? stateGroups = null)
    {
        this.stateGroups = (stateGroups ?? []).ToFrozenSet(StringComparer.Ordinal);
        var sportEntries = (sport ?? []).ToList();
        sportWords = sportEntries.Where(e => e.IsSportWord).Select(e => e.Entry).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var play = sportEntries.Where(e => !e.IsSportWord).Select(e => e.Entry).ToHashSet(StringComparer.Ordinal);
        var all = triggers.ToList();
        Triggers = all;
        playCues = all.Where(t => play.Contains(string.Join(' ', t.Words))).ToFrozenSet();
        var single = all.Where(t => t.Words.Length == 1 && t.LastIsPrefix).ToList();
        byPrefix = single.GroupBy(t => t.Words[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLengths = [.. single.Select(t => t.Words[0].Length).Distinct().OrderDescending()];
        MaxTriggerWords = all.Count == 0 ? 0 : all.Max(t => t.Words.Length);
        byFirstWord = all.Where(t => !(t.Words.Length == 1 && t.LastIsPrefix))
            .GroupBy(t => t.Words[0]).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(t => t.Words.Length).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        // a word may have several roles ("à": a place, and the link to a sentence's penalty); its first line is its main one
        var words = cueWords.GroupBy(c => c.Word, StringComparer.Ordinal).ToList();
        cues = words.ToFrozenDictionary(g => g.Key, g => g.First().Role, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        allRoles = words.ToFrozenDictionary(g => g.Key, g => g.Aggregate(0UL, (bits, c) => bits | Bit(c.Role)), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        groups = (groupNouns ?? []).Where(g => g.Length > 0).GroupBy(g => g[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The number of tokens of the longest group noun ("manifestants", "organisations syndicales") starting at
    /// <paramref name="index"/>, or 0.
    /// </summary>
    public int MatchGroup(IReadOnlyList<string> words, int index)
    {
        if (!groups.TryGetValue(words[index], out var entries)) return 0;
        foreach (var entry in entries)
        {
            if (index + entry.Length > words.Count) continue;
            int k = 1;
            while (k < entry.Length && words[index + k] == entry[k]) k++;
            if (k == entry.Length) return k;
        }
        return 0;
    }

    /// <summary>Every trigger entry.</summary>
    public IReadOnlyList<TriggerCue> Triggers { get; }

    /// <summary>Words of the longest trigger.</summary>
    public int MaxTriggerWords { get; }

    /// <summary>True when a trigger of several words starts with the lower-case <paramref name="word"/>.</summary>
    public bool StartsPhrase(ReadOnlySpan<char> word) => byFirstWord.TryGetValue(word, out var cues) && cues[0].Words.Length > 1;

    /// <summary>The main role of a lower-case cue word (its first line in the file), if it has one.</summary>
    public bool TryGetCue(ReadOnlySpan<char> word, out CueRole role) => cues.TryGetValue(word, out role);

    /// <summary>True when the lower-case cue word has <paramref name="role"/> among its roles.</summary>
    public bool HasRole(ReadOnlySpan<char> word, CueRole role) => allRoles.TryGetValue(word, out ulong bits) && (bits & Bit(role)) != 0;

    private static ulong Bit(CueRole role) => 1UL << (int)role;

    /// <summary>
    /// The longest trigger starting at token <paramref name="index"/> of <paramref name="words"/> (lower-case token texts),
    /// with the number of tokens it covers.
    /// </summary>
    public (TriggerCue Cue, int Length)? Match(IReadOnlyList<string> words, int index)
    {
        var first = words[index];
        if (byFirstWord.TryGetValue(first, out var candidates))
        {
            foreach (var cue in candidates)
                if (Matches(cue, words, index)) return (cue, cue.Words.Length);
        }
        foreach (int length in prefixLengths)
        {
            if (first.Length < length) continue;
            if (byPrefix.TryGetValue(first.AsSpan(0, length), out var prefixed)) return (prefixed[0], 1);
        }
        return null;
    }

    private static bool Matches(TriggerCue cue, IReadOnlyList<string> words, int index)
    {
        if (index + cue.Words.Length > words.Count) return false;
        for (int k = 0; k < cue.Words.Length; k++)
        {
            bool last = k == cue.Words.Length - 1;
            var word = words[index + k];
            if (last && cue.LastIsPrefix ? !word.StartsWith(cue.Words[k], StringComparison.Ordinal) : word != cue.Words[k]) return false;
        }
        return true;
    }

    private static TriggerCue ParseTrigger(string[] c, int line, IReadOnlyDictionary<string, string> states)
    {
        var text = Normalize(c[0]);
        bool prefix = text.EndsWith('*');
        if (prefix) text = text[..^1];
        var words = Words(text);
        var roles = c[3] switch
        {
            "sym" => EventRoles.Symmetric,
            "dir" => EventRoles.Directed,
            _ => throw new FormatException($"event-triggers.tsv:{line}: roles must be sym or dir, not '{c[3]}'."),
        };
        bool verb = c[4] switch
        {
            "verb" or "passive" or "reflexive" or "travel" => true,
            "noun" or "offence" => false,
            _ => throw new FormatException($"event-triggers.tsv:{line}: kind must be noun, verb, passive, reflexive, travel or offence, not '{c[4]}'."),
        };
        return new TriggerCue(words, prefix, c[1], c[2] == "-" ? null : c[2], roles, verb, c[4] == "passive",
            states.GetValueOrDefault(string.Join(' ', words)), c[4] == "offence", c[4] is "reflexive" or "travel", c[4] == "travel");
    }

    private static readonly Tokenizer tokenizer = new();

    // An entry's words as the tokenizer cuts the text, so "retirer l'autorisation" matches "retirer", "l'", "autorisation".
    private static string[] Words(string phrase)
    {
        var normal = Normalize(phrase);
        var tokens = new List<Token>();
        lock (tokenizer) tokenizer.Scan(normal, tokens);
        return [.. tokens.Select(t => normal.Substring(t.Span.Start, t.Span.Length))];
    }

    private static CueRole ParseRole(string role, int line) => role switch
    {
        "noun-negator" => CueRole.NounNegator,
        "negation" => CueRole.Negation,
        "negation-end" => CueRole.NegationEnd,
        "future" => CueRole.Future,
        "hypothetical" => CueRole.Hypothetical,
        "anaphor" => CueRole.Anaphor,
        "earlier" => CueRole.Earlier,
        "pair" => CueRole.Pair,
        "mutual" => CueRole.Mutual,
        "place" => CueRole.Place,
        "target" => CueRole.Target,
        "clause" => CueRole.Clause,
        "call" => CueRole.Call,
        "passive" => CueRole.Passive,
        "adverb" => CueRole.Adverb,
        "next" => CueRole.Next,
        "definite" => CueRole.Definite,
        "indefinite" => CueRole.Indefinite,
        "between" => CueRole.Between,
        "agent" => CueRole.Agent,
        "relative" => CueRole.Relative,
        "cleft" => CueRole.Cleft,
        "bound" => CueRole.Bound,
        "cause" => CueRole.Cause,
        "reflexive" => CueRole.Reflexive,
        "penalty" => CueRole.Penalty,
        "subject-m" => CueRole.SubjectMasculine,
        "subject-f" => CueRole.SubjectFeminine,
        "subject-p" => CueRole.SubjectPlural,
        "policy" => CueRole.Policy,
        "called-by" => CueRole.CalledBy,
        "sentence-to" => CueRole.SentenceTo,
        "in-year" => CueRole.InYear,
        "offset-after" => CueRole.OffsetAfter,
        "offset-before" => CueRole.OffsetBefore,
        "phone" => CueRole.Phone,
        _ => throw new FormatException($"event-cues.tsv:{line}: unknown role '{role}'."),
    };

    private static string Normalize(string s) => TextNormalizer.Normalize(s).Text.ToLowerInvariant();
}
