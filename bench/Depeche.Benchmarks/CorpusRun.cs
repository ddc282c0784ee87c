using System.Diagnostics;
using System.Globalization;
using System.Text;
using Depeche.French;
using Depeche.French.Normalization;
using Depeche.French.Segmentation;

namespace Depeche.Benchmarks;

/// <summary>
/// Whole-corpus throughput: <c>dotnet run -c Release --project bench/Depeche.Benchmarks -- corpus [--mb N] [--runs N]
/// [--stage all|full|segmentation|stages] [--shared DIR]</c>. Rebuilds a corpus of at least N MB (default 5) from the UD French
/// sentences, then prints, for the best of the runs: the full <see cref="FrenchPipeline.Instance"/> on all cores
/// (Parallel) and on one thread, and segmentation alone (normaliser + tokenizer + splitter) likewise: wall-clock
/// MB/s and documents/s, and per core from the process CPU time (MB per CPU-second). Each figure is the best of the
/// runs after one uncounted pass; on a shared machine, take the best of several invocations too. <c>--stage stages</c>
/// times each stage of the pipeline on its own, one thread (where the time goes).
/// </summary>
internal static class CorpusRun
{
    private enum Stage { All, Full, Segmentation, Stages }

    public static int Run(string[] args)
    {
        double megabytes = 5;
        int runs = 3;
        var stage = Stage.All;
        string? shared = null;
        for (int k = 0; k < args.Length; k++)
        {
            string value = k + 1 < args.Length ? args[k + 1] : "";
            switch (args[k])
            {
                case "--mb" when double.TryParse(value, CultureInfo.InvariantCulture, out megabytes) && megabytes > 0: k++; break;
                case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out runs) && runs > 0: k++; break;
                case "--stage" when Enum.TryParse(value, ignoreCase: true, out stage): k++; break;
                case "--shared": shared = value; k++; break;
                default:
                    Console.Error.WriteLine($"corpus: unknown or bad argument '{args[k]}'. Usage: corpus [--mb N] [--runs N] [--stage all|full|segmentation|stages] [--shared DIR]");
                    return 2;
            }
        }
        var ud = BenchCorpus.FindUdFolder(shared);
        if (ud is null)
        {
            Console.Error.WriteLine("corpus: ../shared/peers/ud-french not found (give --shared DIR or set DEPECHE_SHARED).");
            return 2;
        }

        var documents = BenchCorpus.Build(ud, (long)(megabytes * 1024 * 1024));
        long bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
        long chars = documents.Sum(d => (long)d.Length);
        int cores = Environment.ProcessorCount;
        double mb = bytes / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus: {documents.Count} documents, {mb:F2} MB UTF-8 ({chars} chars), from {ud}; {cores} cores; best of {runs} runs"));

        // warm-up: lexicons loaded, methods tiered up
        foreach (var text in documents.Take(200)) { FrenchPipeline.Instance.Process(new Document("w", text)); Segment(text); }

        if (stage is Stage.All or Stage.Full)
        {
            Report("full pipeline, one thread", mb, documents.Count,
                Best(runs, () => { foreach (var text in documents) FrenchPipeline.Instance.Process(new Document("d", text)); }));
            Report("full pipeline, all cores", mb, documents.Count,
                Best(runs, () => Parallel.ForEach(documents, text => FrenchPipeline.Instance.Process(new Document("d", text)))));
        }
        if (stage is Stage.All or Stage.Segmentation)
        {
            Report("segmentation, one thread", mb, documents.Count, Best(runs, () => { foreach (var text in documents) Segment(text); }));
            Report("segmentation, all cores", mb, documents.Count, Best(runs, () => Parallel.ForEach(documents, text => Segment(text))));
        }
        if (stage is Stage.Stages) StageTimes(documents, mb, runs);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB; allocated {GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0):F0} MB in total; GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        return 0;
    }

    // Each stage timed on its own over the corpus, one thread, best of the runs: its share of the pipeline and its MB/s.
    private static void StageTimes(List<string> documents, double mb, int runs)
    {
        var stages = FrenchPipeline.Instance.Stages;
        var best = new double[stages.Count];
        Array.Fill(best, double.MaxValue);
        var clock = new Stopwatch();
        for (int r = 0; r < runs; r++)
        {
            var times = new double[stages.Count];
            foreach (var text in documents)
            {
                var d = new Document("d", text);
                for (int k = 0; k < stages.Count; k++)
                {
                    clock.Restart();
                    stages[k].Process(d);
                    times[k] += clock.Elapsed.TotalSeconds;
                }
            }
            for (int k = 0; k < stages.Count; k++) best[k] = Math.Min(best[k], times[k]);
        }
        double total = best.Sum();
        for (int k = 0; k < stages.Count; k++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stage {stages[k].GetType().Name,-18} {best[k],7:F3} s  {100 * best[k] / total,5:F1} %  {mb / best[k],8:F1} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stages together     {total,7:F3} s          {mb / total,8:F1} MB/s (one thread)"));
    }

    private static readonly TextNormalizer Normalizer = new();
    private static readonly Tokenizer Tokenizer = new();
    private static readonly SentenceSplitter Splitter = new();

    private static void Segment(string text)
    {
        var document = new Document("s", text);
        Normalizer.Process(document);
        Tokenizer.Process(document);
        Splitter.Process(document);
    }

    // Best wall time and best process CPU time over the runs, after one uncounted pass (code tiered up, caches warm).
    // CPU time is what a core actually spent: on a shared machine it stays meaningful when wall time does not.
    private static (double Wall, double Cpu) Best(int runs, Action run)
    {
        run();
        using var process = Process.GetCurrentProcess();
        double wall = double.MaxValue, cpu = double.MaxValue;
        for (int r = 0; r < runs; r++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            run();
            wall = Math.Min(wall, watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        return (wall, cpu);
    }

    private static void Report(string label, double mb, int documents, (double Wall, double Cpu) time) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-26} wall {time.Wall,6:F3} s {mb / time.Wall,7:F1} MB/s {documents / time.Wall,8:F0} documents/s | cpu {time.Cpu,6:F3} s {mb / time.Cpu,7:F1} MB/s per core {documents / time.Cpu,8:F0} documents/s per core"));
}
