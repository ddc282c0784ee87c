using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Depeche.French.Tagging;
using Depeche.Text;

namespace Depeche.Benchmarks;

/// <summary>
/// Tagger speed on one core: the UD French test sentences (gold tokens, ~44k) tagged with the shipped model.
/// One operation = one token, so BenchmarkDotNet's "Mean" is the time per token (1 / tokens per second).
/// <c>dotnet run -c Release --project bench/Depeche.Benchmarks -- --filter *TaggerBenchmarks*</c>
/// </summary>
[MemoryDiagnoser]
public class TaggerBenchmarks
{
    private const int Tokens = 43_603; // tokens of the three test files; checked in setup
    private TaggerModel model = null!;
    private (string Text, TextSpan[] Spans)[] sentences = [];
    private TokenTag[] tags = [];

    [GlobalSetup]
    public void Setup()
    {
        long before = GC.GetTotalMemory(true);
        var clock = Stopwatch.StartNew();
        model = TaggerModel.Shared;
        double loadMs = clock.Elapsed.TotalMilliseconds;
        long after = GC.GetTotalMemory(true);
        Console.WriteLine($"// tagger model: loaded in {loadMs:F0} ms, {(after - before) / 1048576.0:F1} MB managed heap ({model.WeightBytes / 1048576.0:F1} MB weights)");

        string ud = Path.Combine(Shared.Root(), "peers", "ud-french");
        var list = new List<(string, TextSpan[])>();
        int count = 0;
        foreach (var file in new[] { "fr_sequoia-ud-test.conllu", "fr_gsd-ud-test.conllu", "fr_pud-ud-test.conllu" })
        {
            foreach (var s in TaggedCorpus.Read(Path.Combine(ud, file)))
            {
                var spans = new TextSpan[s.Forms.Length];
                var text = new System.Text.StringBuilder();
                for (int i = 0; i < spans.Length; i++)
                {
                    spans[i] = new TextSpan(text.Length, text.Length + s.Forms[i].Length);
                    text.Append(s.Forms[i]).Append(' ');
                }
                list.Add((text.ToString(), spans));
                count += spans.Length;
            }
        }
        if (count != Tokens) throw new InvalidOperationException($"expected {Tokens} tokens, read {count}: update the constant");
        sentences = [.. list];
        tags = new TokenTag[sentences.Max(s => s.Spans.Length)];

        // CPU time rather than wall clock: on a shared machine the wall clock counts other processes' turns too
        Tag();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        const int Passes = 10;
        for (int pass = 0; pass < Passes; pass++) Tag();
        process.Refresh();
        double seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"// tagger: {Passes * (double)Tokens / seconds:N0} tokens per CPU-second ({seconds / Passes / Tokens * 1e9:F0} ns CPU per token)");
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Tag one token (UPOS + morphology + lemma)")]
    public void Tag()
    {
        foreach (var (text, spans) in sentences) model.Tag(text, spans, tags);
    }
}

/// <summary>Finds <c>../shared</c> beside the repository (or <c>DEPECHE_SHARED</c>).</summary>
internal static class Shared
{
    public static string Root()
    {
        var env = Environment.GetEnvironmentVariable("DEPECHE_SHARED");
        if (!string.IsNullOrEmpty(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Depeche.slnx")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        throw new DirectoryNotFoundException("../shared not found beside the repository; set DEPECHE_SHARED.");
    }
}
