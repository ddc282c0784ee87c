using System.Text;
using BenchmarkDotNet.Attributes;
using Depeche.Corpora;
using Depeche.French;
using Depeche.French.Times;

namespace Depeche.Benchmarks;

/// <summary>
/// The time stage alone (<see cref="TimeTagger"/>) over documents already normalised, tokenised and split: the dev
/// dispatches of ../shared/eval/dev plus the French-GSD dev sentences regrouped into documents of 40 sentences.
/// Throughput: <c>CorpusMegabytes</c> (printed at setup, UTF-8) divided by the mean time of one <c>TagCorpus</c> call.
/// Run: <c>dotnet run -c Release --project bench/Depeche.Benchmarks -- --filter *TimeTagger*</c>.
/// </summary>
[MemoryDiagnoser]
public class TimeTaggerBenchmark
{
    private Document[] documents = [];
    private readonly TimeTagger tagger = new();

    /// <summary>Size of the corpus in megabytes of UTF-8 text.</summary>
    public double CorpusMegabytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string shared = SharedFolder() ?? throw new InvalidOperationException("../shared not found beside the repository (set DEPECHE_SHARED).");
        var texts = new List<(string Text, DateOnly? Published)>();
        foreach (var path in Directory.GetFiles(Path.Combine(shared, "eval", "dev"), "*.txt").Order(StringComparer.Ordinal))
            texts.Add((File.ReadAllText(path), new DateOnly(2020, 1, 15)));
        var gsd = Path.Combine(shared, "peers", "ud-french", "fr_gsd-ud-dev.conllu");
        if (File.Exists(gsd))
        {
            var buffer = new StringBuilder();
            int n = 0;
            foreach (var sentence in ConlluReader.ReadFile(gsd))
            {
                buffer.Append(sentence.Text).Append(' ');
                if (++n % 40 == 0) { texts.Add((buffer.ToString(), new DateOnly(2020, 1, 15))); buffer.Clear(); }
            }
            if (buffer.Length > 0) texts.Add((buffer.ToString(), new DateOnly(2020, 1, 15)));
        }
        // everything before the time stage, once
        var prefix = FrenchPipeline.CreateBuilder().Build();
        documents = [.. texts.Select((t, i) => prefix.Process(new Document($"d{i}", t.Text, t.Published)))];
        CorpusMegabytes = texts.Sum(t => Encoding.UTF8.GetByteCount(t.Text)) / 1e6;
        Console.WriteLine($"// time-stage corpus: {documents.Length} documents, {CorpusMegabytes:0.000} MB; {documents.Sum(d => d.Times.Length)} time expressions");
    }

    [Benchmark]
    public int TagCorpus()
    {
        int found = 0;
        foreach (var d in documents)
        {
            tagger.Process(d);
            found += d.Times.Length;
        }
        return found;
    }

    private static string? SharedFolder()
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
