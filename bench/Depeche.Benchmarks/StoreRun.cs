using System.Diagnostics;
using System.Globalization;
using Depeche.Cli.Commands;
using Depeche.French;
using Depeche.Storage;

namespace Depeche.Benchmarks;

/// <summary>
/// Event-store figures (docs/storage.md): <c>dotnet run -c Release --project bench/Depeche.Benchmarks -- store
/// writer [--docs N]</c> processes N generated dispatches (not timed), then times the one writer alone storing them into
/// a fresh SQLite file (documents/s by the clock and per CPU-second, bytes per 1,000 documents);
/// <c>store queries --db FILE [--queries N]</c> times <c>timeline</c> over the most frequent actor pairs of an existing
/// store (p50/p99) and reports its size per 1,000 documents.
/// </summary>
internal static class StoreRun
{
    public static int Run(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "";
        int docs = 5000, queries = 300;
        string? db = null;
        for (int k = 1; k < args.Length; k++)
        {
            string value = k + 1 < args.Length ? args[k + 1] : "";
            switch (args[k])
            {
                case "--docs" when int.TryParse(value, CultureInfo.InvariantCulture, out docs) && docs > 0: k++; break;
                case "--queries" when int.TryParse(value, CultureInfo.InvariantCulture, out queries) && queries > 0: k++; break;
                case "--db": db = value; k++; break;
                default: mode = ""; k = args.Length; break;
            }
        }
        return mode switch
        {
            "writer" => Writer(docs),
            "queries" when db is not null => Queries(db, queries),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("store: usage: store writer [--docs N] | store queries --db FILE [--queries N]");
        return 2;
    }

    private static int Writer(int count)
    {
        var generator = new DispatchGenerator(7);
        var dispatches = Enumerable.Range(0, count).Select(generator.Next).ToArray();
        var records = dispatches.AsParallel().AsOrdered().Select((d, i) =>
        {
            var doc = FrenchPipeline.Instance.Process(new Document($"bench-{i:D7}", d.Text, d.Published));
            return DocumentRecord.Create(doc, doc.Credits.Count > 0 ? doc.Credits[0] : null, d.Url, d.Title);
        }).ToArray();
        var dir = Directory.CreateTempSubdirectory("depeche-store-bench-").FullName;
        var path = Path.Combine(dir, "bench.db");
        try
        {
            using (var store = EventStores.Open(path, StoreLinking.Factory))
            {
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < records.Length; i += 500)
                    store.Store(records[i..Math.Min(records.Length, i + 500)]);
                clock.Stop();
                process.Refresh();
                double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
                var stats = store.Statistics();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"writer: {count} documents ({dispatches.Average(d => System.Text.Encoding.UTF8.GetByteCount(d.Text)):0} bytes of text each), {stats.Events} events, {stats.Stories} stories"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"writer: {count / clock.Elapsed.TotalSeconds:0} documents/s by the clock, {count / Math.Max(0.001, cpuSeconds):0} per CPU-second ({clock.Elapsed.TotalMilliseconds * 1000 / count:0} µs per document)"));
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            long bytes = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"writer: store size {bytes / (double)count * 1000 / 1048576:0.00} MB per 1,000 documents"));
        }
        finally { Directory.Delete(dir, recursive: true); }
        return 0;
    }

    private static void Measure(IEventStore store, string what, List<string[]> sets, int queries)
    {
        store.Timeline(sets[0]); // warm up
        var times = new List<double>(queries);
        long entries = 0;
        for (int q = 0; q < queries; q++)
        {
            var clock = Stopwatch.StartNew();
            entries += store.Timeline(sets[q % sets.Count]).Count;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"queries: {what}: {queries} queries, {entries / (double)queries:0} story events each; p50 {P(0.50):0.0} ms, p99 {P(0.99):0.0} ms, max {times[^1]:0.0} ms"));
    }

    private static int Queries(string db, int queries)
    {
        using var store = EventStores.Open(db, StoreLinking.Factory);
        var stats = store.Statistics();
        var codes = store.Actors().Where(a => a.Code is not null).Take(12).Select(a => a.Code!).ToArray();
        var pairs = new List<string[]>();
        for (int i = 0; i < codes.Length; i++)
            for (int j = i + 1; j < codes.Length; j++) pairs.Add([codes[i], codes[j]]);
        if (pairs.Count == 0) { Console.Error.WriteLine("store queries: the store has no actors."); return 2; }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queries: {stats.Documents} documents, {stats.Events} events, {stats.Stories} stories"));
        Measure(store, "timeline of two actors (the 12 most frequent, every pair)", pairs, queries);
        Measure(store, "timeline of one actor (the 4 most frequent)", [.. codes.Take(4).Select(c => new[] { c })], Math.Max(8, queries / 10));
        if (EventStores.BackendOf(db) == "sqlite")
        {
            var path = db.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? db[7..] : db;
            long bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queries: store size {bytes / 1048576.0:0} MB, {bytes / (double)stats.Documents * 1000 / 1048576:0.00} MB per 1,000 documents"));
        }
        return 0;
    }
}
