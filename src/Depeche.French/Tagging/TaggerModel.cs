using System.Buffers;
using System.Collections.Frozen;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using Depeche.French.Resources;
using Depeche.Text;

namespace Depeche.French.Tagging;

/// <summary>
/// The trained tagger: an averaged perceptron over hashed features choosing a UPOS label per surface token greedily
/// left to right, a second perceptron choosing the morphological features given that label, and a lemmatizer.
/// Weights live in flat arrays of 16-bit integers (one 64-byte row of scores per hashed feature, summed in 32 bits),
/// so tagging a token is a few dozen row additions with no allocation.
/// </summary>
/// <remarks>Immutable and thread-safe once loaded; <see cref="Shared"/> loads the embedded model once, lazily.</remarks>
public sealed class TaggerModel
{
    private const int Magic = 0x47545044; // "DPTG"
    private const int Version = 5;
    // Row width in weights: a 64-byte cache line of 16-bit weights, whatever the machine's vector size (8, 16 or 32).
    private const int RowAlign = 32;
    /// <summary>Name of the embedded model file in <c>Data/</c>.</summary>
    public const string ResourceName = "tagger.bin";

    /// <summary>Morphology outputs: one group of scores per feature (sizes count the absent value).</summary>
    internal static readonly int[] MorphGroupSize = [5, 5, 5, 4, 3, 3]; // VerbForm, Tense, Mood, Person, Number, Gender
    internal static readonly int[] MorphGroupOffset = [0, 5, 10, 15, 19, 22];
    internal const int MorphOutputs = 25;

    private static readonly Lazy<TaggerModel> shared = new(() =>
    {
        using var stream = typeof(TaggerModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The tagger model '{ResourceName}' is not embedded; train it with 'depeche train tagger'.");
        return Load(stream);
    });

    private readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> words;
    private readonly int uposShift, morphShift;

    internal TaggerModel(string[] labels, int uposBits, short[] uposWeights, int morphBits, short[] morphWeights, Lemmatizer lemmatizer,
        Dictionary<string, byte> dictionaryLabels)
    {
        DictionaryLabels = dictionaryLabels;
        Labels = labels;
        UposStride = Stride(labels.Length);
        MorphStride = Stride(MorphOutputs);
        if (uposWeights.Length != (1 << uposBits) * UposStride || morphWeights.Length != (1 << morphBits) * MorphStride)
            throw new ArgumentException("Weight tables do not match their sizes.");
        UposBits = uposBits;
        MorphBits = morphBits;
        UposWeights = uposWeights;
        MorphWeights = morphWeights;
        Lemmatizer = lemmatizer;
        uposShift = 64 - uposBits;
        morphShift = 64 - morphBits;
        LabelFirst = new Upos[labels.Length];
        LabelSecond = new Upos[labels.Length];
        for (int i = 0; i < labels.Length; i++) (LabelFirst[i], LabelSecond[i]) = ParseLabel(labels[i]);
        words = WordLexicon(dictionaryLabels).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The model embedded in the assembly, loaded on first use by whichever thread gets there first.</summary>
    public static TaggerModel Shared => shared.Value;

    /// <summary>UPOS labels ("NOUN", "ADP+DET"), index = class.</summary>
    public IReadOnlyList<string> Labels { get; }
    internal Upos[] LabelFirst { get; }
    internal Upos[] LabelSecond { get; }
    internal int UposBits { get; }
    internal int MorphBits { get; }
    internal int UposStride { get; }
    internal int MorphStride { get; }
    internal short[] UposWeights { get; }
    internal short[] MorphWeights { get; }
    internal Lemmatizer Lemmatizer { get; }
    /// <summary>Frequent training words (lower case) → their most frequent label.</summary>
    internal Dictionary<string, byte> DictionaryLabels { get; }

    /// <summary>Bytes held by the loaded model's weight tables (the lexicons add a few MB of strings).</summary>
    public long WeightBytes => (UposWeights.LongLength + MorphWeights.LongLength) * sizeof(short);

    /// <summary>Closed-class analyses of French function words (function-words.tsv) as feature hashes.</summary>
    internal static FrozenDictionary<string, ulong> FunctionWords => functionWordsLexicon.Value;

    private static readonly Lazy<FrozenDictionary<string, ulong>> functionWordsLexicon = new(() =>
        Lexicon.Read("function-words.tsv", 2).ToFrozenDictionary(
            r => Normalization.TextNormalizer.Normalize(r.Columns[0]).Text.ToLowerInvariant(),
            r => TaggerFeatures.Fnv(r.Columns[1]) | 0x100, StringComparer.Ordinal));

    /// <summary>
    /// Word → feature value: the function-word analysis hash in the high bits, the dictionary label + 1 in the low byte.
    /// </summary>
    /// <remarks>A plain dictionary, never written after construction: freezing it would cost more at load than it saves.</remarks>
    internal static Dictionary<string, ulong> WordLexicon(Dictionary<string, byte> dictionaryLabels)
    {
        var merged = new Dictionary<string, ulong>(FunctionWords.Count + dictionaryLabels.Count, StringComparer.Ordinal);
        foreach (var (word, hash) in FunctionWords) merged[word] = hash & ~0xFFUL;
        foreach (var (word, label) in dictionaryLabels) merged[word] = merged.GetValueOrDefault(word) | (uint)(label + 1);
        return merged;
    }

    internal static int Stride(int outputs) => (outputs + RowAlign - 1) / RowAlign * RowAlign;

    internal static (Upos, Upos) ParseLabel(string label)
    {
        int plus = label.IndexOf('+');
        if (plus < 0) return (Enum.Parse<Upos>(label), Upos.None);
        int next = label.IndexOf('+', plus + 1);
        return (Enum.Parse<Upos>(label[..plus]), Enum.Parse<Upos>(next < 0 ? label[(plus + 1)..] : label[(plus + 1)..next]));
    }

    internal void HashTokens(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> spans, Span<TokenHashes> hashes)
    {
        for (int i = 0; i < spans.Length; i++)
            TaggerFeatures.Hash(text.Slice(spans[i].Start, spans[i].Length), words, out hashes[i]);
    }


    /// <summary>
    /// Tags one sentence: <paramref name="spans"/> are its tokens as ranges of <paramref name="text"/> (the normalised
    /// view); <paramref name="tags"/> receives one tag per token.
    /// </summary>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> spans, Span<TokenTag> tags)
    {
        if (tags.Length < spans.Length) throw new ArgumentException("One tag slot per token is needed.", nameof(tags));
        var rented = ArrayPool<TokenHashes>.Shared.Rent(spans.Length);
        try
        {
            var hashes = rented.AsSpan(0, spans.Length);
            HashTokens(text, spans, hashes);
            Span<ulong> features = stackalloc ulong[TaggerFeatures.MaxFeatures];
            Span<int> scores = stackalloc int[Math.Max(UposStride, MorphStride)];
            int prev1 = 0, prev2 = 0;
            for (int i = 0; i < spans.Length; i++)
            {
                int label = PredictLabel(hashes, i, prev1, prev2, features, scores);
                var feats = PredictMorph(hashes, i, label, prev1, features, scores);
                var form = text.Slice(spans[i].Start, spans[i].Length);
                tags[i] = new TokenTag(LabelFirst[label], LabelSecond[label], feats, Lemmatizer.Lemmatize(form, label));
                prev2 = prev1;
                prev1 = label + 1;
            }
        }
        finally
        {
            ArrayPool<TokenHashes>.Shared.Return(rented);
        }
    }

    private int PredictLabel(ReadOnlySpan<TokenHashes> hashes, int i, int prev1, int prev2, Span<ulong> features, Span<int> scores)
    {
        int count = TaggerFeatures.Upos(hashes, i, prev1, prev2, features);
        var s = scores[..UposStride];
        Score(UposWeights, UposStride, uposShift, features[..count], s);
        return ArgMax(s[..Labels.Count]);
    }

    private MorphFeatures PredictMorph(ReadOnlySpan<TokenHashes> hashes, int i, int label, int prev1, Span<ulong> features, Span<int> scores)
    {
        int count = TaggerFeatures.Morph(hashes, i, label, prev1, features);
        var s = scores[..MorphStride];
        Score(MorphWeights, MorphStride, morphShift, features[..count], s);
        return Morph(s);
    }

    internal static MorphFeatures Morph<T>(ReadOnlySpan<T> s) where T : INumber<T> => new(
        (VerbForm)Group(s, 0), (Tense)Group(s, 1), (Mood)Group(s, 2), (Person)Group(s, 3), (Number)Group(s, 4), (Gender)Group(s, 5));

    internal static int Group<T>(ReadOnlySpan<T> scores, int group) where T : INumber<T> =>
        ArgMax(scores.Slice(MorphGroupOffset[group], MorphGroupSize[group]));

    // Sums the rows of the features: 16-bit weights widened and added in 32 bits (a row never overflows: < 48 × 32767).
    private static void Score(short[] weights, int stride, int shift, ReadOnlySpan<ulong> features, Span<int> scores)
    {
        scores.Clear();
        var acc = MemoryMarshal.Cast<int, Vector<int>>(scores);
        var rows = MemoryMarshal.Cast<short, Vector<short>>(weights.AsSpan());
        int vectors = stride / Vector<short>.Count;
        foreach (ulong f in features)
        {
            int row = (int)(f >> shift) * vectors;
            for (int v = 0; v < vectors; v++)
            {
                Vector.Widen(rows[row + v], out var low, out var high);
                acc[2 * v] += low;
                acc[2 * v + 1] += high;
            }
        }
    }

    internal static int ArgMax<T>(ReadOnlySpan<T> scores) where T : INumber<T>
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return best;
    }

    /// <summary>Reads a model written by <see cref="Save"/> (GZip-compressed, 16-bit weights).</summary>
    public static TaggerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(gzip, 1 << 16), System.Text.Encoding.UTF8);
        if (r.ReadInt32() != Magic || r.ReadInt32() != Version) throw new InvalidDataException("Not a Dépêche tagger model (or an older version).");
        var labels = new string[r.ReadInt32()];
        for (int i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        int uposBits = r.ReadInt32();
        var upos = ReadTable(r, 1 << uposBits, labels.Length, Stride(labels.Length));
        int morphBits = r.ReadInt32();
        var morph = ReadTable(r, 1 << morphBits, MorphOutputs, Stride(MorphOutputs));
        var exact = ReadLexicon(r);
        var lower = ReadLexicon(r);
        int ruleCount = r.ReadInt32();
        var rules = new Dictionary<string, SuffixRule[]>(ruleCount, StringComparer.Ordinal);
        for (int i = 0; i < ruleCount; i++)
        {
            string key = r.ReadString();
            var list = new SuffixRule[r.ReadByte()];
            for (int j = 0; j < list.Length; j++) list[j] = new SuffixRule(r.ReadByte(), r.ReadString(), r.Read7BitEncodedInt());
            rules.Add(key, list);
        }
        int verbLabel = Array.IndexOf(labels, "VERB");
        var keeps = new bool[labels.Length];
        for (int i = 0; i < keeps.Length; i++) keeps[i] = r.ReadBoolean();
        int dictionaryCount = r.ReadInt32();
        var dictionary = new Dictionary<string, byte>(dictionaryCount, StringComparer.Ordinal);
        for (int i = 0; i < dictionaryCount; i++) dictionary.Add(r.ReadString(), r.ReadByte());
        return new TaggerModel(labels, uposBits, upos, morphBits, morph,
            new Lemmatizer(exact, lower, rules, keeps, verbLabel),
            dictionary);
    }

    /// <summary>Writes the model: GZip over a binary layout of 16-bit weights, lexicons and rules.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, System.Text.Encoding.UTF8);
        w.Write(Magic);
        w.Write(Version);
        w.Write(Labels.Count);
        foreach (var l in Labels) w.Write(l);
        w.Write(UposBits);
        WriteTable(w, UposWeights, Labels.Count, UposStride);
        w.Write(MorphBits);
        WriteTable(w, MorphWeights, MorphOutputs, MorphStride);
        WriteLexicon(w, Lemmatizer.Exact);
        WriteLexicon(w, Lemmatizer.Lower);
        w.Write(Lemmatizer.Rules.Count);
        foreach (var (key, list) in Lemmatizer.Rules.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write((byte)list.Length);
            foreach (var rule in list)
            {
                w.Write((byte)rule.Strip);
                w.Write(rule.Append);
                w.Write7BitEncodedInt(rule.Count);
            }
        }
        foreach (bool keep in Lemmatizer.KeepsForm) w.Write(keep);
        w.Write(DictionaryLabels.Count);
        foreach (var (word, label) in DictionaryLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write(label);
        }
    }

    // Only the used columns of each row are stored (the padding to 32 is rebuilt at load): less to inflate.
    private static void WriteTable(BinaryWriter w, short[] weights, int outputs, int stride)
    {
        var packed = new short[weights.Length / stride * outputs];
        for (int row = 0, rows = weights.Length / stride; row < rows; row++)
            weights.AsSpan(row * stride, outputs).CopyTo(packed.AsSpan(row * outputs));
        w.Write(MemoryMarshal.AsBytes(packed.AsSpan()));
    }

    private static short[] ReadTable(BinaryReader r, int rows, int outputs, int stride)
    {
        var packed = new short[rows * outputs];
        var bytes = MemoryMarshal.AsBytes(packed.AsSpan());
        int read = 0;
        while (read < bytes.Length)
        {
            int n = r.BaseStream.Read(bytes[read..]);
            if (n == 0) throw new EndOfStreamException("Truncated tagger model.");
            read += n;
        }
        var weights = new short[rows * stride];
        for (int row = 0; row < rows; row++) packed.AsSpan(row * outputs, outputs).CopyTo(weights.AsSpan(row * stride));
        return weights;
    }

    /// <summary>16-bit weights from trained float weights, scaled so that the largest magnitude is 32767.</summary>
    internal static short[] Quantize(float[] weights)
    {
        float max = 0;
        foreach (float x in weights) max = Math.Max(max, Math.Abs(x));
        float scale = max > 0 ? short.MaxValue / max : 1;
        var q = new short[weights.Length];
        for (int i = 0; i < q.Length; i++) q[i] = (short)Math.Round(weights[i] * scale);
        return q;
    }

    private static void WriteLexicon(BinaryWriter w, Dictionary<string, LemmaChoice[]> lexicon)
    {
        w.Write(lexicon.Count);
        foreach (var (form, choices) in lexicon.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(form);
            w.Write((byte)choices.Length);
            foreach (var c in choices)
            {
                w.Write((byte)c.Label);
                // most lemmas are the form itself: one empty string instead of the word again
                w.Write(c.Lemma == form ? "" : c.Lemma);
            }
        }
    }

    private static Dictionary<string, LemmaChoice[]> ReadLexicon(BinaryReader r)
    {
        int count = r.ReadInt32();
        var lexicon = new Dictionary<string, LemmaChoice[]>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string form = r.ReadString();
            var choices = new LemmaChoice[r.ReadByte()];
            for (int j = 0; j < choices.Length; j++)
            {
                int label = r.ReadByte();
                string lemma = r.ReadString();
                choices[j] = new LemmaChoice(label, lemma.Length == 0 ? form : lemma);
            }
            lexicon.Add(form, choices);
        }
        return lexicon;
    }
}
