using System.Runtime.CompilerServices;

namespace Depeche.French.Tagging;

/// <summary>The hashes of one token that the tagger's features combine: computed once per token, no allocation.</summary>
internal struct TokenHashes
{
    public ulong Word;    // lower case, digits as 0 ("1998" → "0000")
    public ulong Exact;   // as written (capitals kept): "Paris" vs "paris"
    public ulong S1, S2, S3, S4, S5;
    public ulong P1, P2, P3;
    public ulong Shape;   // "Xx", "dd,d", "x-x"
    public ulong Lexicon; // closed-class analysis from function-words.tsv, 0 when absent
    public ulong Dict;    // most frequent training label of a frequent word + 1, 0 when none
    public TokenFlags Flags;
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    Capitalized = 1,
    AllCaps = 2,
    HasDigit = 4,
    HasHyphen = 8,
    NoLetter = 16,
}

/// <summary>
/// Feature templates of the tagger, shared by training and tagging so that both see exactly the same features.
/// A feature is a 64-bit hash of its template and values; a weight table of 2^bits rows takes its top bits as row.
/// </summary>
/// <remarks>Pure functions; thread-safe.</remarks>
internal static class TaggerFeatures
{
    /// <summary>Upper bound on the features of one token for either model.</summary>
    public const int MaxFeatures = 48;

    // Hashes standing for the words before the first and after the last token of a sentence.
    private const ulong Start = 0x5354415254UL, End = 0x454E44UL;

    public static void Hash(ReadOnlySpan<char> form, Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> lexicon, out TokenHashes h)
    {
        h = default;
        const ulong Offset = 14695981039346656037UL, Prime = 1099511628211UL;
        ulong word = Offset, exact = Offset, shape = Offset;
        char lastShape = '\0';
        int shapeRun = 0;
        bool anyLetter = false, allUpper = true;
        TokenFlags flags = TokenFlags.None;
        Span<char> lower = stackalloc char[64];
        int n = form.Length;
        for (int k = 0; k < n; k++)
        {
            char c = form[k];
            char l = char.ToLowerInvariant(c);
            char s;
            if (char.IsDigit(c)) { l = '0'; s = 'd'; flags |= TokenFlags.HasDigit; }
            else if (char.IsLetter(c))
            {
                anyLetter = true;
                if (char.IsUpper(c)) { s = 'X'; if (k == 0) flags |= TokenFlags.Capitalized; }
                else { s = 'x'; allUpper = false; }
            }
            else { s = c; if (c == '-') flags |= TokenFlags.HasHyphen; }
            if (k < lower.Length) lower[k] = l;
            word = (word ^ l) * Prime;
            exact = (exact ^ c) * Prime;
            // runs of the same shape character count up to two: "Xxx" for every capitalised word of 3+ letters
            if (s == lastShape) shapeRun++; else { shapeRun = 1; lastShape = s; }
            if (shapeRun <= 2) shape = (shape ^ s) * Prime;
        }
        if (!anyLetter) flags |= TokenFlags.NoLetter;
        else if (allUpper && n > 1) flags |= TokenFlags.AllCaps;
        h.Word = word;
        h.Exact = exact;
        h.Shape = shape;
        h.Flags = flags;
        var low = lower[..Math.Min(n, lower.Length)];
        h.S1 = Suffix(low, 1); h.S2 = Suffix(low, 2); h.S3 = Suffix(low, 3); h.S4 = Suffix(low, 4); h.S5 = Suffix(low, 5);
        h.P1 = Prefix(low, 1); h.P2 = Prefix(low, 2); h.P3 = Prefix(low, 3);
        if (n <= lower.Length && lexicon.TryGetValue(low, out var lex))
        {
            // low byte: dictionary label; the rest: hash of the function-word analysis
            h.Lexicon = lex & ~0xFFUL;
            h.Dict = lex & 0xFF;
        }
    }

    private static ulong Suffix(ReadOnlySpan<char> s, int n) => Fnv(s.Length <= n ? s : s[^n..]);
    private static ulong Prefix(ReadOnlySpan<char> s, int n) => Fnv(s.Length <= n ? s : s[..n]);

    public static ulong Fnv(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    /// <summary>A feature's hash: its template number mixed into its value (shared with the sentence-boundary features).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong F(int template, ulong value)
    {
        // splitmix64 finaliser: spreads similar inputs over the whole 64 bits, so the top bits make a good row
        ulong z = value + (ulong)template * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pair(ulong a, ulong b) => a * 0x100000001B3UL ^ (b + 0x7F4A7C15UL);

    /// <summary>
    /// Writes the UPOS features of token <paramref name="i"/> given the labels already chosen for the two tokens
    /// before it (label + 1, 0 at the sentence start); returns how many were written.
    /// </summary>
    public static int Upos(ReadOnlySpan<TokenHashes> t, int i, int prev1, int prev2, Span<ulong> f)
    {
        ref readonly var w = ref t[i];
        ulong wm1 = i > 0 ? t[i - 1].Word : Start, wm2 = i > 1 ? t[i - 2].Word : Start;
        ulong wp1 = i + 1 < t.Length ? t[i + 1].Word : End, wp2 = i + 2 < t.Length ? t[i + 2].Word : End;
        ulong sm1 = i > 0 ? t[i - 1].S3 : Start, sp1 = i + 1 < t.Length ? t[i + 1].S3 : End;
        ulong shm1 = i > 0 ? t[i - 1].Shape : Start, shp1 = i + 1 < t.Length ? t[i + 1].Shape : End;
        ulong lexm1 = i > 0 ? t[i - 1].Lexicon : Start, lexp1 = i + 1 < t.Length ? t[i + 1].Lexicon : End;
        ulong flags = (ulong)w.Flags | (i == 0 ? 0x100UL : 0);
        int k = 0;
        f[k++] = F(0, 0);
        f[k++] = F(1, w.Word);
        f[k++] = F(2, w.S1);
        f[k++] = F(3, w.S2);
        f[k++] = F(4, w.S3);
        f[k++] = F(5, w.S4);
        f[k++] = F(6, w.S5);
        f[k++] = F(7, w.P1);
        f[k++] = F(8, w.P2);
        f[k++] = F(9, w.P3);
        f[k++] = F(10, w.Shape);
        f[k++] = F(11, flags);
        f[k++] = F(12, wm1);
        f[k++] = F(13, wp1);
        f[k++] = F(14, wm2);
        f[k++] = F(15, wp2);
        f[k++] = F(16, sm1);
        f[k++] = F(17, sp1);
        f[k++] = F(18, (ulong)prev1);
        f[k++] = F(19, ((ulong)(uint)prev2 << 8) | (uint)prev1);
        f[k++] = F(20, Pair((ulong)prev1, w.Word));
        f[k++] = F(21, Pair((ulong)prev1, w.S3));
        f[k++] = F(22, Pair(w.Word, wp1));
        f[k++] = F(23, Pair(wm1, w.Word));
        f[k++] = F(24, Pair(shm1, w.Shape));
        f[k++] = F(25, Pair(w.Shape, shp1));
        f[k++] = F(26, w.Lexicon);
        f[k++] = F(27, Pair(lexm1, w.Lexicon));
        f[k++] = F(28, Pair(w.Lexicon, lexp1));
        f[k++] = F(29, Pair((ulong)prev1, wp1));
        f[k++] = F(30, Pair(flags, (ulong)prev1));
        // "Paris" and "paris" differ where capitals carry meaning (proper nouns after the first word)
        if ((w.Flags & TokenFlags.Capitalized) != 0 && i > 0) f[k++] = F(31, w.Exact);
        // what the next words usually are: a cheap look ahead at labels not chosen yet
        ulong dp1 = i + 1 < t.Length ? t[i + 1].Dict : 0xFE, dp2 = i + 2 < t.Length ? t[i + 2].Dict : 0xFE;
        f[k++] = F(36, dp1);
        f[k++] = F(37, dp1 << 8 | dp2);
        f[k++] = F(38, Pair((ulong)prev1, dp1));
        f[k++] = F(39, Pair(w.Dict, dp1));
        return k;
    }

    /// <summary>Writes the features of the morphology model for token <paramref name="i"/>, given its chosen UPOS label.</summary>
    public static int Morph(ReadOnlySpan<TokenHashes> t, int i, int label, int prev1, Span<ulong> f)
    {
        ref readonly var w = ref t[i];
        ulong u = (ulong)label + 1;
        ulong wm1 = i > 0 ? t[i - 1].Word : Start, wp1 = i + 1 < t.Length ? t[i + 1].Word : End;
        ulong s1m1 = i > 0 ? t[i - 1].S1 : Start, s1p1 = i + 1 < t.Length ? t[i + 1].S1 : End;
        ulong s3m1 = i > 0 ? t[i - 1].S3 : Start;
        ulong wm2 = i > 1 ? t[i - 2].Word : Start;
        int k = 0;
        f[k++] = F(0, 0);
        f[k++] = F(1, w.Word);
        f[k++] = F(2, w.S1);
        f[k++] = F(3, w.S2);
        f[k++] = F(4, w.S3);
        f[k++] = F(5, w.S4);
        f[k++] = F(6, w.S5);
        f[k++] = F(11, (ulong)w.Flags);
        f[k++] = F(12, wm1);
        f[k++] = F(13, wp1);
        f[k++] = F(16, s3m1);
        f[k++] = F(40, u);
        f[k++] = F(41, Pair(u, w.Word));
        f[k++] = F(42, Pair(u, w.S1));
        f[k++] = F(43, Pair(u, w.S2));
        f[k++] = F(44, Pair(u, w.S3));
        f[k++] = F(45, Pair(u, w.S4));
        f[k++] = F(46, Pair(u, w.S5));
        f[k++] = F(47, Pair(u, wm1));
        f[k++] = F(48, Pair(u, wp1));
        f[k++] = F(49, Pair(u, s1m1));
        f[k++] = F(50, Pair(u, s1p1));
        f[k++] = F(51, Pair(u, (ulong)prev1));
        f[k++] = F(52, Pair(Pair(u, wm1), w.S2));
        f[k++] = F(53, Pair(u, wm2));
        return k;
    }
}
