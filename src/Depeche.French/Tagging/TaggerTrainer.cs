using System.Collections.Frozen;

namespace Depeche.French.Tagging;

/// <summary>Settings of <see cref="TaggerTrainer"/>. Defaults are the ones the shipped model was trained with.</summary>
public sealed record TaggerTrainingOptions
{
    /// <summary>Passes over the training sentences. Default 12.</summary>
    public int Epochs { get; init; } = 12;
    /// <summary>Seed of the sentence shuffle; the same seed and data give the same model bit for bit. Default 20260410.</summary>
    public int Seed { get; init; } = 20260410;
    /// <summary>log2 of the UPOS weight table's rows. Default 17.</summary>
    public int UposBits { get; init; } = 17;
    /// <summary>log2 of the morphology weight table's rows. Default 16.</summary>
    public int MorphBits { get; init; } = 16;
    /// <summary>
    /// Probability of hiding a word seen once in training behind an "unknown" word hash, so that the suffix and shape
    /// features learn what unknown words look like. Default 0.3.
    /// </summary>
    public double HapaxDropout { get; init; } = 0.3;
    /// <summary>Occurrences a word needs in training for its most frequent label to become a look-ahead feature. Default 2.</summary>
    public int DictionaryMinCount { get; init; } = 2;
}

/// <summary>
/// Trains a <see cref="TaggerModel"/>: averaged perceptrons (UPOS, then morphology given the predicted UPOS), greedy
/// left to right with the predicted previous labels as features, sentences shuffled with a fixed seed each epoch.
/// Single-threaded and deterministic.
/// </summary>
public static class TaggerTrainer
{
    // UPOS labels whose unknown words keep their form as lemma ("Kiev", "1998", "%").
    private static readonly FrozenSet<string> FormLemmaLabels = new[] { "PROPN", "NUM", "PUNCT", "SYM", "X" }.ToFrozenSet();

    /// <summary>
    /// Trains on <paramref name="train"/>; after each epoch prints the training accuracy and, for each
    /// <paramref name="dev"/> set, the averaged model's scores.
    /// </summary>
    public static TaggerModel Train(IReadOnlyList<GoldSentence> train, IReadOnlyList<(string Name, IReadOnlyList<GoldSentence> Sentences)> dev,
        TaggerTrainingOptions options, TextWriter log)
    {
        var labels = train.SelectMany(s => s.Labels).Distinct().Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var lemmatizer = TrainLemmatizer(train, labels, labelIndex);

        int uposStride = TaggerModel.Stride(labels.Length), morphStride = TaggerModel.Stride(TaggerModel.MorphOutputs);
        var upos = new Perceptron((1 << options.UposBits) * uposStride);
        var morph = new Perceptron((1 << options.MorphBits) * morphStride);
        int uposShift = 64 - options.UposBits, morphShift = 64 - options.MorphBits;

        var dictionary = DictionaryLabels(train, labelIndex, options.DictionaryMinCount);
        var functionWords = TaggerModel.WordLexicon(dictionary).GetAlternateLookup<ReadOnlySpan<char>>();
        var random = new Random(options.Seed);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in train) foreach (var f in s.Forms) { var low = f.ToLowerInvariant(); frequency[low] = frequency.GetValueOrDefault(low) + 1; }
        ulong unknownWord = TaggerFeatures.Fnv("<unknown>");
        var order = Enumerable.Range(0, train.Count).ToArray();
        Span<ulong> features = stackalloc ulong[TaggerFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[Math.Max(uposStride, morphStride)];
        var hashes = new TokenHashes[256];
        var gold = new int[256];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long tokens = 0, correct = 0;
            foreach (int index in order)
            {
                var sentence = train[index];
                int n = sentence.Forms.Length;
                if (hashes.Length < n) { hashes = new TokenHashes[n * 2]; gold = new int[n * 2]; }
                for (int i = 0; i < n; i++)
                {
                    TaggerFeatures.Hash(sentence.Forms[i], functionWords, out hashes[i]);
                    if (options.HapaxDropout > 0 && frequency[sentence.Forms[i].ToLowerInvariant()] == 1 && random.NextDouble() < options.HapaxDropout)
                        hashes[i].Word = hashes[i].Exact = unknownWord;
                    gold[i] = labelIndex[sentence.Labels[i]];
                }
                int prev1 = 0, prev2 = 0;
                var h = hashes.AsSpan(0, n);
                for (int i = 0; i < n; i++)
                {
                    // the features and arg max of tagging, over the float weights being trained
                    int count = TaggerFeatures.Upos(h, i, prev1, prev2, features);
                    upos.Score(features[..count], uposShift, uposStride, scores);
                    int predicted = TaggerModel.ArgMax<float>(scores[..labels.Length]);
                    upos.Tick();
                    if (predicted != gold[i]) upos.Update(features[..count], uposShift, uposStride, gold[i], predicted);
                    else correct++;
                    tokens++;

                    // morphology given the predicted label, as at tagging time
                    int all = TaggerFeatures.Morph(h, i, predicted, prev1, features);
                    morph.Score(features[..all], morphShift, morphStride, scores);
                    morph.Tick();
                    var want = sentence.Morph[i];
                    ReadOnlySpan<int> goldGroups = [(int)want.VerbForm, (int)want.Tense, (int)want.Mood, (int)want.Person, (int)want.Number, (int)want.Gender];
                    for (int g = 0; g < goldGroups.Length; g++)
                    {
                        int got = TaggerModel.Group<float>(scores, g);
                        if (got != goldGroups[g])
                            morph.Update(features[..all], morphShift, morphStride,
                                TaggerModel.MorphGroupOffset[g] + goldGroups[g], TaggerModel.MorphGroupOffset[g] + got);
                    }
                    prev2 = prev1;
                    prev1 = predicted + 1;
                }
            }
            log.Write($"epoch {epoch,2}: train UPOS {100.0 * correct / tokens:F2}");
            if (dev.Count > 0)
            {
                var averaged = Averaged(labels, options, upos, morph, lemmatizer, dictionary);
                foreach (var (name, sentences) in dev)
                    log.Write($" | {name} UPOS {100 * TaggerEvaluation.Evaluate(averaged, sentences).All.Upos:F2}");
            }
            log.WriteLine();
        }
        return Averaged(labels, options, upos, morph, lemmatizer, dictionary);
    }

    private static TaggerModel Averaged(string[] labels, TaggerTrainingOptions options, Perceptron upos, Perceptron morph, Lemmatizer lemmatizer,
        Dictionary<string, byte> dictionary) =>
        new(labels, options.UposBits, TaggerModel.Quantize(upos.Average()), options.MorphBits, TaggerModel.Quantize(morph.Average()), lemmatizer, dictionary);

    // Lower-case words seen at least minCount times → their most frequent label (ties: the lower label index).
    private static Dictionary<string, byte> DictionaryLabels(IReadOnlyList<GoldSentence> train, Dictionary<string, int> labelIndex, int minCount)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var s in train)
        {
            for (int i = 0; i < s.Forms.Length; i++)
            {
                string low = s.Forms[i].ToLowerInvariant();
                if (!counts.TryGetValue(low, out var c)) counts[low] = c = new int[labelIndex.Count];
                c[labelIndex[s.Labels[i]]]++;
            }
        }
        var result = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (word, c) in counts)
        {
            if (c.Sum() < minCount) continue;
            int best = 0;
            for (int l = 1; l < c.Length; l++) if (c[l] > c[best]) best = l;
            result[word] = (byte)best;
        }
        return result;
    }

    /// <summary>Weights plus the running sums that averaging needs (the "w - u/c" form: no per-weight timestamps).</summary>
    private sealed class Perceptron(int size)
    {
        public float[] Weights { get; } = new float[size];
        private readonly double[] sums = new double[size];
        private long clock = 1;

        public void Tick() => clock++;

        public void Score(ReadOnlySpan<ulong> features, int shift, int stride, Span<float> scores)
        {
            scores = scores[..stride];
            scores.Clear();
            foreach (ulong f in features)
            {
                var row = Weights.AsSpan((int)(f >> shift) * stride, stride);
                for (int c = 0; c < stride; c++) scores[c] += row[c];
            }
        }

        public void Update(ReadOnlySpan<ulong> features, int shift, int stride, int good, int bad)
        {
            foreach (ulong f in features)
            {
                int row = (int)(f >> shift) * stride;
                Weights[row + good] += 1;
                sums[row + good] += clock;
                Weights[row + bad] -= 1;
                sums[row + bad] -= clock;
            }
        }

        public float[] Average()
        {
            var average = new float[Weights.Length];
            for (int i = 0; i < average.Length; i++) average[i] = (float)(Weights[i] - sums[i] / clock);
            return average;
        }
    }

    private static Lemmatizer TrainLemmatizer(IReadOnlyList<GoldSentence> train, string[] labels, Dictionary<string, int> labelIndex)
    {
        var conventions = Conventions();
        var exact = new Dictionary<string, Dictionary<(int, string), int>>(StringComparer.Ordinal);
        var lower = new Dictionary<string, Dictionary<(int, string), int>>(StringComparer.Ordinal);
        var types = new HashSet<(string, int, string)>();
        foreach (var s in train)
        {
            for (int i = 0; i < s.Forms.Length; i++)
            {
                int label = labelIndex[s.Labels[i]];
                string low = s.Forms[i].ToLowerInvariant();
                string lemma = conventions.GetValueOrDefault((low, s.Labels[i]), s.Lemmas[i]);
                Count(exact, s.Forms[i], label, lemma);
                Count(lower, low, label, lemma);
                types.Add((low, label, lemma));
            }
        }
        var keeps = labels.Select(l => FormLemmaLabels.Contains(l)).ToArray();

        // rules from word types, not tokens: unknown words look like rare words, not like "est" or "a". A rule must
        // keep a prefix of the word ("est" → "être" teaches nothing) and give a lower-case lemma (an unknown common
        // word is lower-cased; "BT" → "BT" would teach "-t" → "-T"), and it is keyed only on suffixes that contain
        // what it strips ("viennent" → "venir" strips "iennent": not a rule for "-ennent", which would turn "prennent"
        // into "penir").
        var ruleCounts = new Dictionary<string, Dictionary<(int Strip, string Append), int>>(StringComparer.Ordinal);
        foreach (var (form, label, lemma) in types.OrderBy(t => t.Item1, StringComparer.Ordinal).ThenBy(t => t.Item2).ThenBy(t => t.Item3, StringComparer.Ordinal))
        {
            if (keeps[label] || lemma.Contains('+') || !lemma.Equals(lemma.ToLowerInvariant(), StringComparison.Ordinal)) continue;
            int p = 0;
            while (p < form.Length && p < lemma.Length && form[p] == lemma[p]) p++;
            if (p == 0) continue;
            var rule = (Strip: form.Length - p, Append: lemma[p..]);
            if (rule.Strip > byte.MaxValue) continue;
            for (int n = Math.Max(1, rule.Strip); n <= Math.Min(Lemmatizer.MaxSuffix, form.Length); n++)
                Add(ruleCounts, Lemmatizer.LabelKey(label) + form[^n..], rule);
        }
        var best = ruleCounts.ToDictionary(p => p.Key, p => Ranked(p.Value), StringComparer.Ordinal);
        // a longer suffix that rewrites like its shorter one adds nothing: lookup falls back to the shorter
        var rules = best.Where(p => p.Key.Length == 2 || !best.TryGetValue(p.Key.Remove(1, 1), out var shorter) || !SameRules(shorter, p.Value))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var lowerChoices = Choose(lower);
        // an exact-case entry that says what its lower-case entry says ("le", or "Le" → "le") is dropped: the lookup
        // falls back to lower case anyway, and the model loads faster
        var exactChoices = Choose(exact)
            .Where(p => !lowerChoices.TryGetValue(p.Key.ToLowerInvariant(), out var low) || !low.SequenceEqual(p.Value))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new Lemmatizer(exactChoices, lowerChoices, rules, keeps, Array.IndexOf(labels, "VERB"));
    }

    /// <summary>(lower-case form, UPOS) → lemma where the training treebanks disagree (Data/lemma-conventions.tsv).</summary>
    internal static Dictionary<(string Form, string Upos), string> Conventions() =>
        Resources.Lexicon.Read("lemma-conventions.tsv", 3).ToDictionary(
            r => (TaggedCorpus.Normalize(r.Columns[0]), r.Columns[1]), r => TaggedCorpus.Normalize(r.Columns[2]));

    /// <summary>Rules kept per suffix, most frequent first.</summary>
    internal const int RulesPerSuffix = 3;

    private static SuffixRule[] Ranked(Dictionary<(int Strip, string Append), int> counts) =>
        [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Strip).ThenBy(p => p.Key.Append, StringComparer.Ordinal)
            .Take(RulesPerSuffix).Select(p => new SuffixRule(p.Key.Strip, p.Key.Append, p.Value))];

    private static void Add(Dictionary<string, Dictionary<(int Strip, string Append), int>> ruleCounts, string key, (int Strip, string Append) rule)
    {
        if (!ruleCounts.TryGetValue(key, out var counts)) ruleCounts[key] = counts = [];
        counts[rule] = counts.GetValueOrDefault(rule) + 1;
    }

    private static bool SameRules(SuffixRule[] shorter, SuffixRule[] longer)
    {
        if (shorter.Length != longer.Length) return false;
        for (int i = 0; i < shorter.Length; i++)
        {
            if (shorter[i].Strip != longer[i].Strip || shorter[i].Append != longer[i].Append) return false;
            // the evidence threshold of the fallback must give the same answer
            if ((shorter[i].Count >= 2) != (longer[i].Count >= 2)) return false;
        }
        return true;
    }

    private static void Count(Dictionary<string, Dictionary<(int, string), int>> table, string form, int label, string lemma)
    {
        if (!table.TryGetValue(form, out var counts)) table[form] = counts = [];
        counts[(label, lemma)] = counts.GetValueOrDefault((label, lemma)) + 1;
    }

    // The most frequent lemma of each (form, label); ties go to the ordinally first lemma so that training is stable.
    private static Dictionary<string, LemmaChoice[]> Choose(Dictionary<string, Dictionary<(int Label, string Lemma), int>> table) =>
        table.ToDictionary(p => p.Key, p => p.Value
            .GroupBy(c => c.Key.Label)
            .OrderBy(g => g.Key)
            .Select(g => new LemmaChoice(g.Key, g.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Lemma, StringComparer.Ordinal).First().Key.Lemma))
            .ToArray(), StringComparer.Ordinal);
}
