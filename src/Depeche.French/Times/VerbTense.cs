using System.Collections.Frozen;
using Depeche.French.Resources;
using Depeche.Text;

namespace Depeche.French.Times;

/// <summary>The tense of the clause around a time expression, as far as a time direction needs it.</summary>
public enum Tense : byte { Unknown, Past, Present, Future }

/// <summary>
/// Reads the tense of the verb that governs a time expression. <see cref="VerbTenseReader"/> is a small heuristic;
/// a part-of-speech tagger can implement this interface instead. Implementations must be thread-safe.
/// </summary>
public interface ITenseReader
{
    /// <summary>The tense governing <paramref name="expression"/> (original offsets) inside <paramref name="sentence"/>.</summary>
    Tense Read(Document document, in Sentence sentence, TextSpan expression);
}

/// <summary>
/// A heuristic tense reader over tokens, from <c>verb-tense.tsv</c>: the nearest verb form in the same clause
/// (stopping at quotation marks, brackets, colons and semicolons) decides. "a indiqué", "s'était tenue" are past
/// (auxiliary + participle), "avait", "-ait" past, "sera", "-ront", "-rait" future, "va signer" future; no verb found
/// reads as Unknown (the resolver then takes the nearest date). Immutable and thread-safe.
/// </summary>
public sealed class VerbTenseReader : ITenseReader
{
    private enum Cue : byte { Auxiliary, ConditionalAuxiliary, PastAuxiliary, Go, PastGo, Past, Future, Planned, FutureEnding, PastEnding, ParticipleEnding, InfinitiveEnding, NotVerb }

    // How far from the expression a governing verb is looked for, in tokens.
    private const int Reach = 12;

    private static readonly Lazy<VerbTenseReader> shared = new(() => new VerbTenseReader());

    /// <summary>The reader built from the embedded <c>verb-tense.tsv</c>.</summary>
    public static VerbTenseReader Default => shared.Value;

    [Flags]
    private enum Endings : byte { None = 0, Future = 1, Past = 2, Participle = 4, Infinitive = 8 }

    // Longest ending in verb-tense.tsv; a word's last 1..MaxEnding letters are looked up, no scan over the list.
    private const int MaxEnding = 6;

    private readonly FrozenDictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> words;
    private readonly FrozenDictionary<string, Endings>.AlternateLookup<ReadOnlySpan<char>> endingTable;

    private VerbTenseReader()
    {
        var table = new Dictionary<string, Cue>(StringComparer.Ordinal);
        var endings = new Dictionary<Cue, List<string>>();
        foreach (var (line, c) in Lexicon.Read("verb-tense.tsv", 2))
        {
            if (!Enum.TryParse<Cue>(c[1], out var cue)) throw new FormatException($"verb-tense.tsv:{line}: unknown kind '{c[1]}'.");
            if (c[1].EndsWith("Ending", StringComparison.Ordinal))
            {
                if (!endings.TryGetValue(cue, out var list)) endings[cue] = list = [];
                list.Add(c[0]);
            }
            else table[c[0]] = cue;
        }
        words = table.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var byEnding = new Dictionary<string, Endings>(StringComparer.Ordinal);
        foreach (var (cue, list) in endings)
        {
            var flag = cue switch { Cue.FutureEnding => Endings.Future, Cue.PastEnding => Endings.Past, Cue.ParticipleEnding => Endings.Participle, _ => Endings.Infinitive };
            foreach (var e in list)
            {
                if (e.Length > MaxEnding) throw new FormatException($"verb-tense.tsv: ending '{e}' is longer than {MaxEnding} letters.");
                byEnding[e] = byEnding.GetValueOrDefault(e) | flag;
            }
        }
        endingTable = byEnding.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // Which kinds of ending the word has (its last letters, shorter than the word).
    private Endings EndingsOf(ReadOnlySpan<char> w)
    {
        var found = Endings.None;
        for (int length = 1; length <= MaxEnding && length < w.Length; length++)
            if (endingTable.TryGetValue(w[^length..], out var e)) found |= e;
        return found;
    }

    public Tense Read(Document document, in Sentence sentence, TextSpan expression)
    {
        var tokens = document.Tokens;
        int first = sentence.FirstToken, end = sentence.EndToken;
        int a = first;
        while (a < end && tokens[a].Span.End <= expression.Start) a++;
        int b = a;
        while (b < end && tokens[b].Span.Start < expression.End) b++;
        bool leftOpen = true, rightOpen = true;
        for (int d = 1; d <= Reach && (leftOpen || rightOpen); d++)
        {
            int l = a - d;
            if (leftOpen)
            {
                if (l < first || IsClauseBreak(document, tokens[l])) leftOpen = false;
                else if (Classify(document, l, first, end) is var t && t != Tense.Unknown) return t;
            }
            int r = b - 1 + d;
            if (rightOpen)
            {
                if (r >= end || IsClauseBreak(document, tokens[r])) rightOpen = false;
                else if (Classify(document, r, first, end) is var t && t != Tense.Unknown) return t;
            }
        }
        return Tense.Unknown;
    }

    private static bool IsClauseBreak(Document document, Token token)
    {
        if (token.Kind != TokenKind.Punctuation) return false;
        char c = document.Text[token.Span.Start];
        return c is ';' or ':' or '«' or '»' or '"' or '(' or ')' or '\u201C' or '\u201D' or '?' or '!' or '.';
    }

    /// <summary>The tense a token shows, or Unknown when it is no verb form this reader knows.</summary>
    internal Tense Classify(Document document, int t, int first, int end)
    {
        Span<char> buffer = stackalloc char[32];
        if (!Lower(document, t, buffer, out int n)) return Tense.Unknown;
        var w = buffer[..n];
        if (words.TryGetValue(w, out var cue))
        {
            switch (cue)
            {
                case Cue.Auxiliary: return HasAfter(document, t, end, Endings.Participle) ? Tense.Past : Tense.Present;
                case Cue.ConditionalAuxiliary: return HasAfter(document, t, end, Endings.Participle) ? Tense.Past : Tense.Future;
                case Cue.PastAuxiliary or Cue.PastGo or Cue.Past: return Tense.Past;
                case Cue.Go: return HasAfter(document, t, end, Endings.Infinitive) ? Tense.Future : Tense.Present;
                case Cue.Future: return Tense.Future;
                case Cue.NotVerb: return Tense.Unknown;
                case Cue.Planned:
                    {
                        // "est prévu", "sont programmées": a plan in the present is ahead; "était prévue" is past; alone, undecided
                        Span<char> aux = stackalloc char[32];
                        for (int k = t - 1; k >= first && k >= t - 3; k--)
                        {
                            if (!Lower(document, k, aux, out int m)) break;
                            if (!words.TryGetValue(aux[..m], out var c3)) continue;
                            if (c3 == Cue.Auxiliary) return Tense.Future;
                            if (c3 is Cue.PastAuxiliary or Cue.ConditionalAuxiliary) return Tense.Past;
                        }
                        return Tense.Unknown;
                    }
            }
        }
        if (n < 4 || !char.IsLower(document.Text[document.Tokens[t].Span.Start])) return Tense.Unknown;
        var endings = EndingsOf(w);
        if ((endings & Endings.Future) != 0) return Tense.Future;
        if (n >= 5 && (endings & Endings.Past) != 0) return Tense.Past;
        // a participle counts only with its auxiliary before it ("ont commencé", "s'était tenue")
        if ((endings & Endings.Participle) != 0)
        {
            Span<char> other = stackalloc char[32];
            for (int k = t - 1; k >= first && k >= t - 3; k--)
            {
                if (!Lower(document, k, other, out int m)) break;
                if (words.TryGetValue(other[..m], out var c2) && c2 is Cue.Auxiliary or Cue.PastAuxiliary or Cue.ConditionalAuxiliary) return Tense.Past;
            }
        }
        return Tense.Unknown;
    }

    /// <summary>
    /// For a finite verb at <paramref name="verb"/>: Future when it is a present auxiliary before a participle of a plan
    /// ("est prévu", "sont programmées"), Past when a past one ("était prévue"), else Unknown.
    /// </summary>
    internal Tense Planned(Document document, int verb, int end)
    {
        Span<char> buffer = stackalloc char[32];
        if (!Lower(document, verb, buffer, out int n) || !words.TryGetValue(buffer[..n], out var aux) || aux is not (Cue.Auxiliary or Cue.PastAuxiliary)) return Tense.Unknown;
        for (int k = verb + 1; k < end && k <= verb + 3; k++)
        {
            if (!Lower(document, k, buffer, out int m)) return Tense.Unknown;
            if (words.TryGetValue(buffer[..m], out var c) && c == Cue.Planned) return aux == Cue.Auxiliary ? Tense.Future : Tense.Past;
        }
        return Tense.Unknown;
    }

    /// <summary>
    /// True when the token at <paramref name="t"/> is a participle of a plan with no auxiliary in the three tokens before
    /// it ("le sommet prévu en juillet", "la réunion, programmée le 3 mai"): what it dates is planned, so ahead.
    /// </summary>
    internal bool PlannedAlone(Document document, int t, int first)
    {
        Span<char> buffer = stackalloc char[32];
        if (!Lower(document, t, buffer, out int n) || !words.TryGetValue(buffer[..n], out var cue) || cue != Cue.Planned) return false;
        for (int k = t - 1; k >= first && k >= t - 3; k--)
        {
            if (!Lower(document, k, buffer, out int m)) continue;
            if (words.TryGetValue(buffer[..m], out var c) && c is Cue.Auxiliary or Cue.PastAuxiliary or Cue.ConditionalAuxiliary) return false;
        }
        return true;
    }

    // Within two tokens after t (skipping "pas", "déjà", "ne"), a word with one of the endings.
    private bool HasAfter(Document document, int t, int end, Endings wanted)
    {
        Span<char> buffer = stackalloc char[32];
        for (int k = t + 1; k < end && k <= t + 3; k++)
        {
            if (!Lower(document, k, buffer, out int n)) return false;
            var w = buffer[..n];
            if (w is "pas" or "déjà" or "jamais" or "plus" or "toujours" or "bien" or "en" or "effet" or "aussi" or "donc" or "ensuite" or "finalement") continue;
            return n >= 2 && (EndingsOf(w) & wanted) != 0 && !words.TryGetValue(w, out _);
        }
        return false;
    }

    private static bool Lower(Document document, int t, Span<char> buffer, out int n)
    {
        n = 0;
        var token = document.Tokens[t];
        if (token.Kind != TokenKind.Word || token.Span.Length > buffer.Length) return false;
        var s = document[token.Span];
        for (int i = 0; i < s.Length; i++) buffer[i] = char.ToLowerInvariant(s[i]);
        n = s.Length;
        return true;
    }
}
