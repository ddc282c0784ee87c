using System.Text;
using BenchmarkDotNet.Attributes;
using Depeche.French;
using Depeche.French.Actors;
using Depeche.French.Entities;

namespace Depeche.Benchmarks;

/// <summary>
/// The entity stages (recogniser, grouper, actor resolver) over a corpus of French text already tokenised and split:
/// the dev dispatches of <c>../shared/eval/dev</c> and the sentences of UD French-GSD dev, cut into documents of about
/// 3,000 characters. Throughput in MB/s (UTF-8) = <see cref="CorpusBytes"/> / mean time, printed at setup.
/// <c>dotnet run -c Release --project bench/Depeche.Benchmarks -- --filter *EntityBenchmarks*</c>
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class EntityBenchmarks
{
    private const int DocumentChars = 3000;
    private Document[] documents = [];
    private readonly EntityRecognizer recognizer = new();
    private readonly EntityGrouper grouper = new();
    private readonly ActorResolver resolver = new();

    /// <summary>UTF-8 size of the corpus.</summary>
    public long CorpusBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var texts = CorpusTexts();
        var prepare = new Pipeline.PipelineBuilder()
            .Add(new French.Normalization.TextNormalizer())
            .Add(new French.Segmentation.Tokenizer())
            .Add(new French.Segmentation.SentenceSplitter())
            .Build();
        documents = [.. texts.Select((t, i) => prepare.Process(new Document("b" + i, t, new DateOnly(2025, 4, 10))))];
        CorpusBytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        foreach (var d in documents) { recognizer.Process(d); grouper.Process(d); }
        Console.WriteLine($"// entity corpus: {documents.Length} documents, {CorpusBytes / 1e6:0.000} MB; MB/s = {CorpusBytes / 1e6:0.000} / mean seconds");
    }

    [Benchmark]
    public int EntityStages()
    {
        int n = 0;
        foreach (var d in documents)
        {
            recognizer.Process(d);
            grouper.Process(d);
            resolver.Process(d);
            n += d.Entities.Length;
        }
        return n;
    }

    [Benchmark]
    public int RecognizerOnly()
    {
        int n = 0;
        foreach (var d in documents)
        {
            recognizer.Process(d);
            n += d.Mentions.Length;
        }
        return n;
    }

    [Benchmark]
    public int GrouperOnly()
    {
        int n = 0;
        foreach (var d in documents)
        {
            grouper.Process(d);
            n += d.Entities.Length;
        }
        return n;
    }

    [Benchmark]
    public int ResolverOnly()
    {
        int n = 0;
        foreach (var d in documents)
        {
            foreach (var e in d.Entities) { e.Country = null; e.Role = null; } // as the grouper leaves them
            resolver.Process(d);
            n += d.Collectives.Length;
        }
        return n;
    }

    /// <summary>
    /// <c>dotnet run -c Release --project bench/Depeche.Benchmarks -- entities</c>: a quick single-thread throughput
    /// figure (MB/s, best and median of 30 passes) for each entity stage, robust to a busy machine.
    /// </summary>
    private const int Passes = 30;

    public static int Throughput()
    {
        var b = new EntityBenchmarks();
        b.Setup();
        foreach (var (name, run) in new (string, Func<int>)[]
                 { ("EntityRecognizer", b.RecognizerOnly), ("EntityGrouper", b.GrouperOnly), ("ActorResolver", b.ResolverOnly), ("all entity stages", b.EntityStages) })
        {
            for (int w = 0; w < 40; w++) run(); // past tiered JIT compilation
            var seconds = new List<double>();
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            for (int r = 0; r < Passes; r++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                run();
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / Passes;
            seconds.Sort();
            // CPU time per pass is the per-core figure on a shared machine; wall-clock best and median for reference
            Console.WriteLine(System.FormattableString.Invariant(
                $"{name,-20} {b.CorpusBytes / 1e6 / cpu,7:0.0} MB/s per core (CPU time)   wall best {b.CorpusBytes / 1e6 / seconds[0],7:0.0}   median {b.CorpusBytes / 1e6 / seconds[seconds.Count / 2],7:0.0} MB/s"));
        }
        return 0;
    }

    private static List<string> CorpusTexts()
    {
        var shared = FindShared();
        var pieces = new List<string>();
        if (shared is not null)
        {
            foreach (var f in Directory.GetFiles(Path.Combine(shared, "eval", "dev"), "*.txt").Order()) pieces.Add(File.ReadAllText(f));
            var gsd = Path.Combine(shared, "peers", "ud-french", "fr_gsd-ud-dev.conllu");
            if (File.Exists(gsd))
                foreach (var line in File.ReadLines(gsd))
                    if (line.StartsWith("# text = ", StringComparison.Ordinal)) pieces.Add(line[9..]);
        }
        if (pieces.Count == 0)
            pieces.Add("De nouveaux pourparlers entre Russes et Américains ont commencé jeudi à Istanbul, selon l'agence Ria Novosti. " +
                       "La porte-parole du département d'État américain, Tammy Bruce, a précisé mardi que Vladimir Poutine et Donald Trump s'étaient parlé.");
        var documents = new List<string>();
        var current = new StringBuilder();
        for (int round = 0; round < (pieces.Count < 100 ? 200 : 1); round++)
        {
            foreach (var p in pieces)
            {
                current.Append(p).Append(p.EndsWith('\n') ? "" : " ");
                if (current.Length >= DocumentChars) { documents.Add(current.ToString()); current.Clear(); }
            }
        }
        if (current.Length > 0) documents.Add(current.ToString());
        return documents;
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Depeche.slnx")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared");
                return Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }
        return null;
    }
}
