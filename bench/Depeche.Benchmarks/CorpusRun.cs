namespace Depeche.Benchmarks;

/// <summary>Whole-corpus throughput run (filled in by the segmentation benchmark work).</summary>
internal static class CorpusRun
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("corpus run: not yet written");
        return 2;
    }
}
