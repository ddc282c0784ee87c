using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Depeche.French.Resources;
using Depeche.French.Tagging;
using Depeche.Text;

namespace Depeche.French.Segmentation;

/// <summary>
/// The hashed features of a sentence-boundary candidate (<see cref="BoundaryCandidate"/>): the two words before it in
/// lower case, their shapes and word classes (the tagger's most frequent UPOS for the word, from its training
/// dictionary), runs of capitalised words around the candidate, how far back the segment started, whether it already
/// holds a verb, how it opened, whether the candidate word repeats one of it, and the splitter's own lexicons (sentence
/// openers, words that cannot end a sentence). The candidate word's own form is not read (docs/segmentation.md).
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="Default"/> loads the lexicons and the tagger's dictionary once.</remarks>
internal sealed class BoundaryFeatures
{
    /// <summary>
    /// The version of the feature set, written into each model: a model trained on other features cannot be read
    /// (change it with any change below, then run <c>depeche train segmenter</c>).
    /// </summary>
    public const int Version = 2;
    /// <summary>The most features one candidate has.</summary>
    public const int MaxFeatures = 16;
    private const int MaxWord = 32;      // longer words are hashed whole but not looked up
    private const int VerbLookBack = 25; // tokens read back for a verb in the current segment

    private static readonly Lazy<BoundaryFeatures> shared = new(() =>
        new BoundaryFeatures(FrenchLexicons.SentenceOpeners, FrenchLexicons.NonFinalWords, TaggerModel.Shared));

    private readonly FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> openers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> nonFinal;
    // the tagger's dictionary keyed by the FNV hash of the lower-case form: a lookup hashes the token once, compares no
    // string (64-bit hashes of some 10^4 words do not collide in practice)
    private readonly Dictionary<ulong, Upos> dictionary;

    public BoundaryFeatures(FrozenDictionary<string, bool> sentenceOpeners, FrozenSet<string> nonFinalWords, TaggerModel tagger)
    {
        openers = sentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>();
        nonFinal = nonFinalWords.GetAlternateLookup<ReadOnlySpan<char>>();
        dictionary = new Dictionary<ulong, Upos>(tagger.DictionaryLabels.Count);
        foreach (var (word, label) in tagger.DictionaryLabels)
            if (word.Length <= MaxWord) dictionary[TaggerFeatures.Fnv(word)] = tagger.LabelFirst[label];
    }

    public static BoundaryFeatures Default => shared.Value;

    private enum Shape : byte { Absent, Lower, Capitalised, Capitals, Initial, Number, Comma, Stop, Colon, Semicolon, Dash, Opening, Closing, Other, Mixed }

    private struct Word
    {
        public ulong Lower;
        public Shape Shape;
        public Upos Upos;
        public ulong Suffix;
    }

    /// <summary>
    /// Writes the features of a sentence end before token <paramref name="i"/> (the segment began at token
    /// <paramref name="first"/>) into <paramref name="features"/> and returns their number. <paramref name="classes"/>
    /// (one byte per token, zero until known) caches the word classes read back for a verb across candidates.
    /// </summary>
    public int Extract(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int first, int i, BoundaryCandidate kind, Span<ulong> features,
        Span<byte> classes)
    {
        // the two words before the candidate; the capitalised word itself and the next one only through the capital
        // runs, the opener lexicon and the repetition below (their forms, shapes and classes: more false ends on the folds)
        Word w2 = Read(text, tokens, viewSpans, i - 2, first), w1 = Read(text, tokens, viewSpans, i - 1, first);
        ulong k = (ulong)kind << 56;
        int n = 0;
        features[n++] = F(1, k);
        features[n++] = F(3, k ^ w1.Lower);
        features[n++] = F(4, k ^ w2.Lower);
        features[n++] = F(7, k ^ w1.Suffix);
        features[n++] = F(9, k ^ Pack((byte)w2.Shape, (byte)w1.Shape));
        features[n++] = F(10, k ^ (byte)w1.Shape);
        features[n++] = F(11, k ^ (byte)w1.Upos);
        features[n++] = F(13, k ^ Pack((byte)w2.Upos, (byte)w1.Upos));

        int distance = Bucket(i - first);
        features[n++] = F(15, k ^ (ulong)distance);
        int before = 0, after = 0;
        for (int j = i - 1; j >= first && before < 4 && IsCapitalised(ShapeOf(text, ViewSpan(tokens, viewSpans, j))); j--) before++;
        for (int j = i; j < tokens.Length && after < 4 && IsCapitalised(ShapeOf(text, ViewSpan(tokens, viewSpans, j))); j++) after++;
        features[n++] = F(16, k ^ Pack((byte)before, (byte)after));

        bool verb = false, lowerWord = false;
        for (int j = Math.Max(first, i - VerbLookBack); j < i && !verb; j++)
        {
            var s = ViewSpan(tokens, viewSpans, j);
            var token = text.Slice(s.Start, s.Length);
            if (char.IsLower(token[0])) lowerWord = true;
            if (!char.IsLetter(token[0])) continue; // punctuation and numbers are no verbs
            if (classes[j] == 0) classes[j] = (byte)(Class(token) + 1);
            verb = (Upos)(classes[j] - 1) is Upos.VERB or Upos.AUX;
        }
        // "… Denise Jacquin n'est plus Denise Jacquin s'est éteinte …": a heading's name repeated by the text after it
        bool repeated = false;
        var current = text.Slice(ViewSpan(tokens, viewSpans, i).Start, ViewSpan(tokens, viewSpans, i).Length);
        for (int j = Math.Max(first, i - VerbLookBack); j < i - 1 && !repeated; j++)
        {
            var s = ViewSpan(tokens, viewSpans, j);
            repeated = text.Slice(s.Start, s.Length).SequenceEqual(current);
        }
        features[n++] = F(25, k ^ Pack(repeated ? (byte)1 : (byte)0, (byte)w1.Shape, (byte)distance));
        var head = Read(text, tokens, viewSpans, first, first);
        features[n++] = F(18, k ^ Pack(verb ? (byte)1 : (byte)0, lowerWord ? (byte)1 : (byte)0, (byte)distance));
        features[n++] = F(19, k ^ Pack(verb ? (byte)1 : (byte)0, (byte)w1.Shape));
        features[n++] = F(20, k ^ Pack((byte)head.Shape, (byte)head.Upos, (byte)distance));

        var s0 = ViewSpan(tokens, viewSpans, i);
        var s1 = ViewSpan(tokens, viewSpans, i - 1);
        byte opener = openers.TryGetValue(text.Slice(s0.Start, s0.Length), out bool needsLower) ? (needsLower ? (byte)1 : (byte)2) : (byte)0;
        byte final = nonFinal.Contains(text.Slice(s1.Start, s1.Length)) ? (byte)1 : (byte)0;
        features[n++] = F(21, k ^ Pack(opener, final));
        return n;
    }

    private Word Read(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int j, int first)
    {
        if (j < 0 || j >= tokens.Length || j < first) return default;
        var s = ViewSpan(tokens, viewSpans, j);
        var token = text.Slice(s.Start, s.Length);
        Span<char> lower = stackalloc char[MaxWord];
        int length = Math.Min(token.Length, MaxWord);
        for (int c = 0; c < length; c++) lower[c] = char.ToLowerInvariant(token[c]);
        var low = lower[..length];
        var word = new Word
        {
            Lower = TaggerFeatures.Fnv(low),
            Shape = ShapeOf(text, s),
            Suffix = TaggerFeatures.Fnv(low.Length <= 3 ? low : low[^3..]),
        };
        if (token.Length <= MaxWord && dictionary.TryGetValue(word.Lower, out var upos)) word.Upos = upos;
        return word;
    }

    private Upos Class(ReadOnlySpan<char> token)
    {
        if (token.Length > MaxWord) return Upos.None;
        ulong hash = 14695981039346656037UL; // TaggerFeatures.Fnv of the lower-case form, without a buffer
        foreach (char c in token) hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        return dictionary.TryGetValue(hash, out var upos) ? upos : Upos.None;
    }

    private static bool IsCapitalised(Shape shape) => shape is Shape.Capitalised or Shape.Capitals or Shape.Initial;

    private static Shape ShapeOf(ReadOnlySpan<char> text, TextSpan span)
    {
        var t = text.Slice(span.Start, span.Length);
        char c = t[0];
        if (t.Length == 1)
        {
            switch (c)
            {
                case ',': return Shape.Comma;
                case '.' or '!' or '?' or '…': return Shape.Stop;
                case ':': return Shape.Colon;
                case ';': return Shape.Semicolon;
                case '-' or '–' or '—': return Shape.Dash;
                case '(' or '[' or '«' or '“': return Shape.Opening;
                case ')' or ']' or '»' or '”' or '"': return Shape.Closing;
            }
        }
        if (char.IsDigit(c)) return Shape.Number;
        if (char.IsLower(c)) return Shape.Lower;
        if (char.IsUpper(c))
        {
            if (t.Length == 1 || (t.Length == 2 && t[1] == '.')) return Shape.Initial;
            bool lower = false, upper = false;
            for (int k = 1; k < t.Length; k++) { lower |= char.IsLower(t[k]); upper |= char.IsUpper(t[k]); }
            if (!lower) return Shape.Capitals;
            return upper ? Shape.Mixed : Shape.Capitalised;
        }
        return Shape.Other;
    }

    // segment lengths so far: 1, 2, 3, 4, 5-6, 7-9, 10-14, 15-24, 25+
    private static int Bucket(int d) => d switch { <= 4 => d, <= 6 => 5, <= 9 => 6, <= 14 => 7, <= 24 => 8, _ => 9 };

    private static TextSpan ViewSpan(Token[] tokens, TextSpan[]? viewSpans, int k) => viewSpans?[k] ?? tokens[k].Span;

    private static ulong Pack(byte a, byte b, byte c = 0, byte d = 0) => a | (ulong)b << 8 | (ulong)c << 16 | (ulong)d << 24;

    // the tagger's feature hash (the model files depend on it: change both together)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong F(int template, ulong value) => Tagging.TaggerFeatures.F(template, value);
}
