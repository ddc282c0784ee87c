using System.IO.Compression;

namespace Depeche.French.Segmentation;

/// <summary>Where <see cref="SentenceSplitter"/> asks its <see cref="BoundaryModel"/> whether a sentence ends, inside a line.</summary>
public enum BoundaryCandidate : byte
{
    None,
    /// <summary>A capitalised word right after a word, a number or a closing bracket, no punctuation between ("… Indications thérapeutiques Angiox doit …").</summary>
    GluedCapital,
    /// <summary>Any token after ";".</summary>
    Semicolon,
    /// <summary>A capitalised word or a dash after ":".</summary>
    Colon,
    /// <summary>A spaced hyphen after a word that the list rules left alone.</summary>
    Dash,
    /// <summary>A capitalised word right after a capitalised word or one in capitals ("… ROYAUME-UNI Fabricant …"; mostly names).</summary>
    AfterCapital,
}

/// <summary>Decides a <see cref="BoundaryCandidate"/> from its features (the trained model, or the trainer reading gold).</summary>
internal interface IBoundaryJudge
{
    /// <summary>True when this judge decides candidates of <paramref name="kind"/> (the others are left to the rules).</summary>
    bool Decides(BoundaryCandidate kind);


    /// <summary>True when a sentence ends before token <paramref name="token"/>.</summary>
    bool Ends(BoundaryCandidate kind, ReadOnlySpan<ulong> features, int token);
}

/// <summary>
/// The trained sentence-boundary classifier: a binary averaged perceptron over hashed features
/// (<see cref="BoundaryFeatures"/>) that decides, inside a line, the candidate points the splitter's rules leave open.
/// One float weight per hashed feature; deciding a candidate is a few dozen additions, no allocation.
/// Trained by <c>depeche train segmenter</c> (see docs/segmentation.md).
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="Shared"/> loads the embedded model once, lazily.</remarks>
public sealed class BoundaryModel : IBoundaryJudge
{
    private const int Magic = 0x42535044; // "DPSB"
    private const int Version = 2;
    /// <summary>Name of the embedded model file in <c>Data/</c>.</summary>
    public const string ResourceName = "segmenter.bin";

    private static readonly Lazy<BoundaryModel?> shared = new(() =>
    {
        using var stream = typeof(BoundaryModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    });

    private readonly float[] weights;
    private readonly int shift;
    private readonly float[] thresholds;

    /// <param name="bits">log2 of the weight table's size.</param>
    /// <param name="weights">One weight per hashed feature.</param>
    /// <param name="thresholds">Per <see cref="BoundaryCandidate"/>: the score above which a sentence ends.</param>
    public BoundaryModel(int bits, float[] weights, float[] thresholds)
    {
        if (weights.Length != 1 << bits) throw new ArgumentException("The weight table does not match its size.", nameof(weights));
        if (thresholds.Length != 6) throw new ArgumentException("One threshold per candidate kind is needed.", nameof(thresholds));
        Bits = bits;
        this.weights = weights;
        this.thresholds = thresholds;
        shift = 64 - bits;
    }

    /// <summary>The model embedded in the assembly (null when none is embedded), loaded on first use.</summary>
    public static BoundaryModel? Shared => shared.Value;

    /// <summary>log2 of the weight table's size.</summary>
    public int Bits { get; }

    /// <summary>The score of a candidate: positive means a sentence ends.</summary>
    public float Score(ReadOnlySpan<ulong> features)
    {
        float score = 0;
        foreach (ulong f in features) score += weights[(int)(f >> shift)];
        return score;
    }

    /// <summary>A copy of this model with other decision thresholds (per <see cref="BoundaryCandidate"/>).</summary>
    public BoundaryModel WithThresholds(float[] newThresholds) => new(Bits, weights, newThresholds);

    bool IBoundaryJudge.Decides(BoundaryCandidate kind) => !float.IsPositiveInfinity(thresholds[(int)kind]);

    bool IBoundaryJudge.Ends(BoundaryCandidate kind, ReadOnlySpan<ulong> features, int token) => Score(features) > thresholds[(int)kind];

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static BoundaryModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(gzip);
        if (r.ReadInt32() != Magic || r.ReadInt32() != Version) throw new InvalidDataException("Not a Dépêche sentence-boundary model (or an older version).");
        if (r.ReadInt32() != BoundaryFeatures.Version)
            throw new InvalidDataException("The sentence-boundary model was trained on another feature set; retrain it with 'depeche train segmenter'.");
        int bits = r.ReadInt32();
        var thresholds = new float[r.ReadInt32()];
        for (int k = 0; k < thresholds.Length; k++) thresholds[k] = r.ReadSingle();
        var weights = new float[1 << bits];
        int count = r.ReadInt32();
        for (int k = 0, index = 0; k < count; k++)
        {
            index += r.ReadInt32(); // gaps between non-zero weights
            weights[index] = r.ReadSingle();
        }
        return new BoundaryModel(bits, weights, thresholds);
    }

    /// <summary>Writes the model: GZip over the thresholds and the non-zero weights.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip);
        w.Write(Magic);
        w.Write(Version);
        w.Write(BoundaryFeatures.Version);
        w.Write(Bits);
        w.Write(thresholds.Length);
        foreach (float t in thresholds) w.Write(t);
        int count = 0;
        foreach (float x in weights) if (x != 0) count++;
        w.Write(count);
        for (int k = 0, last = 0; k < weights.Length; k++)
        {
            if (weights[k] == 0) continue;
            w.Write(k - last);
            w.Write(weights[k]);
            last = k;
        }
    }
}
