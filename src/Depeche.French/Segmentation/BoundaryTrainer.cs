using Depeche.French.Normalization;
using Depeche.Pipeline;
using Depeche.Text;

namespace Depeche.French.Segmentation;

/// <summary>Settings of <see cref="BoundaryTrainer"/>. Defaults are the ones the shipped model was trained with.</summary>
public sealed record BoundaryTrainingOptions
{
    /// <summary>Passes over the candidates. Default 10.</summary>
    public int Epochs { get; init; } = 10;
    /// <summary>Seed of the candidate shuffle; the same seed and data give the same model bit for bit. Default 20261128.</summary>
    public int Seed { get; init; } = 20261128;
    /// <summary>log2 of the weight table's size. Default 18.</summary>
    public int Bits { get; init; } = 18;
    /// <summary>Perceptrons trained with consecutive seeds and averaged (less dependence on the shuffle). Default 5.</summary>
    public int Models { get; init; } = 5;
    /// <summary>
    /// Per <see cref="BoundaryCandidate"/> (None, GluedCapital, Semicolon, Colon, Dash, AfterCapital): the score above which a sentence
    /// ends; <see cref="float.PositiveInfinity"/> leaves that kind to the rules.
    /// </summary>
    public float[] Thresholds { get; init; } = [float.PositiveInfinity, 0, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity];
}

/// <summary>A text with its gold sentence ends (character offsets where a sentence ends).</summary>
public sealed record BoundaryExample(string Name, string Text, IReadOnlySet<int> Ends);

/// <summary>
/// Trains a <see cref="BoundaryModel"/>: runs the rule splitter over each text, and at every candidate the rules leave
/// open records the features and whether a gold sentence ends there (the splitter then follows the gold decision, so
/// that "since the last end" features see gold segments); then an averaged perceptron over those candidates, shuffled
/// with a fixed seed each epoch. Single-threaded and deterministic.
/// </summary>
public static class BoundaryTrainer
{
    public static BoundaryModel Train(IReadOnlyList<BoundaryExample> texts, BoundaryTrainingOptions options, TextWriter log)
    {
        var instances = new List<(BoundaryCandidate Kind, ulong[] Features, bool Ends)>();
        foreach (var example in texts) Collect(example, options.Thresholds, instances);
        var kinds = instances.GroupBy(x => x.Kind).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count(x => x.Ends)}/{g.Count()}");
        log.WriteLine($"candidates (ends/all): {string.Join(", ", kinds)}");

        int size = 1 << options.Bits;
        var ensemble = new float[size];
        for (int m = 0; m < options.Models; m++)
        {
            var averaged = TrainOne(instances, options, options.Seed + m, log);
            for (int k = 0; k < size; k++) ensemble[k] += averaged[k] / options.Models;
        }
        return new BoundaryModel(options.Bits, ensemble, options.Thresholds);
    }

    private static float[] TrainOne(List<(BoundaryCandidate Kind, ulong[] Features, bool Ends)> instances, BoundaryTrainingOptions options, int seed, TextWriter log)
    {
        int size = 1 << options.Bits, shift = 64 - options.Bits;
        var weights = new float[size];
        var sums = new double[size];
        long clock = 1;
        var random = new Random(seed);
        var order = Enumerable.Range(0, instances.Count).ToArray();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0;
            foreach (int index in order)
            {
                var (_, features, ends) = instances[index];
                float score = 0;
                foreach (ulong f in features) score += weights[(int)(f >> shift)];
                clock++;
                if (score > 0 == ends) continue;
                errors++;
                float step = ends ? 1 : -1;
                foreach (ulong f in features)
                {
                    int row = (int)(f >> shift);
                    weights[row] += step;
                    sums[row] += step * clock;
                }
            }
            log.WriteLine($"epoch {epoch,2}: {errors} training errors of {instances.Count}");
        }
        var averaged = new float[size];
        for (int k = 0; k < size; k++) averaged[k] = (float)(weights[k] - sums[k] / clock);
        return averaged;
    }

    private static void Collect(BoundaryExample example, float[] thresholds, List<(BoundaryCandidate, ulong[], bool)> instances)
    {
        var document = new Document(example.Name, example.Text);
        new TextNormalizer().Process(document);
        new Tokenizer().Process(document);
        new SentenceSplitter(new GoldJudge(document, example.Ends, thresholds, instances)).Process(document);
    }

    // Records each candidate of the kinds the model will decide with its gold answer, and answers with it.
    private sealed class GoldJudge(Document document, IReadOnlySet<int> ends, float[] thresholds, List<(BoundaryCandidate, ulong[], bool)> instances)
        : IBoundaryJudge
    {
        public bool Decides(BoundaryCandidate kind) => !float.IsPositiveInfinity(thresholds[(int)kind]);

        public bool Ends(BoundaryCandidate kind, ReadOnlySpan<ulong> features, int token)
        {
            bool gold = ends.Contains(document.Tokens[token - 1].Span.End);
            instances.Add((kind, features.ToArray(), gold));
            return gold;
        }
    }
}
