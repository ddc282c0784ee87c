using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Depeche.French.Normalization;
using Depeche.French.Quotes;
using Depeche.French.Segmentation;

namespace Depeche.Benchmarks;

/// <summary>
/// The quotation stage alone over a corpus of prepared documents (normalised, tokenised, split beforehand): the
/// development dispatches of <c>../shared/eval/dev</c> and the UD French training/development sentences grouped 30 to a
/// document. <c>dotnet run -c Release --project bench/Depeche.Benchmarks -- quotes</c> prints MB/s on one core;
/// <c>-- --filter *QuoteFinder*</c> runs BenchmarkDotNet.
/// </summary>
[MemoryDiagnoser]
public class QuoteFinderBenchmark
{
    private readonly QuoteFinder finder = new();
    private Document[] documents = [];

    /// <summary>UTF-8 bytes of the corpus text.</summary>
    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        documents = [.. Corpus().Select(Prepare)];
        Bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        Console.WriteLine($"// quote corpus: {documents.Length} documents, {Bytes / 1e6:F2} MB");
    }

    [Benchmark]
    public int FindQuotes()
    {
        int found = 0;
        foreach (var d in documents)
        {
            finder.Process(d);
            found += d.Quotes.Length;
        }
        return found;
    }

    /// <summary>
    /// Stopwatch run on one thread: warm up, then the best of ten passes, timed by the wall clock and by the process's
    /// CPU time (the CPU figure is the per-core speed even when other work shares the machine).
    /// </summary>
    public static int Run()
    {
        const int Repeats = 8; // passes per measurement: the CPU clock ticks in 10 ms steps
        var bench = new QuoteFinderBenchmark();
        bench.Setup();
        if (bench.documents.Length == 0) { Console.Error.WriteLine("no corpus: ../shared is absent (set DEPECHE_SHARED)"); return 2; }
        int quotes = bench.FindQuotes();
        double best = double.MaxValue, bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < 10; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (int r = 0; r < Repeats; r++) bench.FindQuotes();
            best = Math.Min(best, watch.Elapsed.TotalSeconds / Repeats);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds / Repeats);
        }
        Console.WriteLine($"quote stage: {quotes} quotations, {bench.Bytes / 1e6:F2} MB: wall {best * 1000:F1} ms = {bench.Bytes / 1e6 / best:F1} MB/s; "
            + $"CPU {bestCpu * 1000:F1} ms = {bench.Bytes / 1e6 / Math.Max(bestCpu, 1e-6):F1} MB/s per core (load average {LoadAverage()})");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static Document Prepare(Document d)
    {
        new TextNormalizer().Process(d);
        new Tokenizer().Process(d);
        new SentenceSplitter().Process(d);
        return d;
    }

    private static IEnumerable<Document> Corpus()
    {
        var shared = FindShared();
        if (shared is null) yield break;
        foreach (var file in Directory.GetFiles(Path.Combine(shared, "eval", "dev"), "*.txt").Order())
            yield return new Document(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file), new DateOnly(2025, 4, 10));
        foreach (var name in (string[])["fr_gsd-ud-dev.conllu", "fr_sequoia-ud-train.conllu", "fr_sequoia-ud-dev.conllu"])
        {
            var path = Path.Combine(shared, "peers", "ud-french", name);
            if (!File.Exists(path)) continue;
            var batch = new List<string>();
            int n = 0;
            foreach (var line in File.ReadLines(path))
            {
                if (!line.StartsWith("# text = ", StringComparison.Ordinal)) continue;
                batch.Add(line[9..]);
                if (batch.Count == 30) { yield return new Document($"{name}-{n++}", string.Join(" ", batch), new DateOnly(2025, 4, 10)); batch.Clear(); }
            }
            if (batch.Count > 0) yield return new Document($"{name}-{n}", string.Join(" ", batch), new DateOnly(2025, 4, 10));
        }
    }

    private static string? FindShared()
    {
        var env = Environment.GetEnvironmentVariable("DEPECHE_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Depeche.slnx")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared");
                return Directory.Exists(Path.Combine(shared, "eval")) ? Path.GetFullPath(shared) : null;
            }
        return null;
    }
}
