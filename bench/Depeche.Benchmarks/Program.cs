using BenchmarkDotNet.Running;

namespace Depeche.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Depeche.Benchmarks -- corpus [--shared DIR]</c>: whole-pipeline throughput
/// (MB/s per core, documents/s, peak memory) over a corpus rebuilt from the UD French sentences;
/// any other arguments go to BenchmarkDotNet (<c>--filter *Tokenizer*</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "corpus") return CorpusRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "quotes") return QuoteFinderBenchmark.Run();
        if (args.Length > 0 && args[0] == "entities") return EntityBenchmarks.Throughput();
        if (args.Length > 0 && args[0] == "store") return StoreRun.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
