using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Depeche.French;
using Depeche.Ingestion.Archives;
using Depeche.Ingestion.Language;
using Depeche.Ingestion.Text;
using Depeche.Storage;

namespace Depeche.Cli.Commands;

/// <summary>The <c>--db</c> option the store commands share, and opening the store it names.</summary>
internal static class StoreOptions
{
    public const string DefaultDb = "depeche.db";

    public static Option<string> Db() => new("--db")
    {
        Description = "The store: a SQLite file (created if missing; sqlite:PATH also works) or a PostgreSQL connection (postgres://user:pass@host:port/db or Host=…;Database=…). Default: depeche.db.",
        DefaultValueFactory = _ => DefaultDb,
    };

    /// <summary>The <c>--format</c> option of the query commands (table, json or jsonl).</summary>
    public static Option<QueryFormat> Format(QueryFormat fallback) => new("--format", "-f")
    {
        Description = fallback == QueryFormat.Table ? "table (default), json or jsonl." : "jsonl (default), json or table.",
        DefaultValueFactory = _ => fallback,
    };

    /// <summary>
    /// Runs a query command: opens the existing store named by <paramref name="db"/> (exit 2 when it cannot), runs
    /// <paramref name="query"/> on it (its exit code), then flushes standard output.
    /// </summary>
    public static int Query(ParseResult parse, Option<string> db, string command, TextWriter stdout, TextWriter stderr, Func<IEventStore, int> query)
    {
        using var store = Open(parse.GetValue(db)!, command, stderr, mustExist: true);
        if (store is null) return 2;
        int code = query(store);
        stdout.Flush();
        return code;
    }

    /// <summary>Opens the store, or reports why not (exit code 2 for the caller) and returns null.</summary>
    public static IEventStore? Open(string db, string command, TextWriter stderr, bool mustExist)
    {
        if (mustExist && EventStores.BackendOf(db) == "sqlite")
        {
            var path = db.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? db[7..] : db;
            if (!File.Exists(path))
            {
                stderr.WriteLine($"depeche {command}: no store at {path}; create one with `depeche ingest PATH... --db {path}`.");
                return null;
            }
        }
        try { return EventStores.Open(db, StoreLinking.Factory); }
        catch (Exception e) when (e is System.Data.Common.DbException or ArgumentException or UriFormatException or InvalidOperationException or IOException)
        {
            stderr.WriteLine($"depeche {command}: cannot open the store {db}: {e.Message}");
            return null;
        }
    }
}

/// <summary>
/// One <c>depeche ingest --db</c> run: a reader hashes each input and drops those already stored unchanged; the
/// pipeline runs on every core behind bounded channels; one writer links events and stores documents in input order,
/// in transactions of <see cref="BatchSize"/> documents (or fewer when the workers fall behind). A killed run keeps
/// every committed batch; re-running skips them by hash.
/// </summary>
internal sealed class StoreIngestRun(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Documents per transaction.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Publication date of inputs that give none (`--published`).</summary>
    public DateOnly? DefaultPublished { get; init; }

    /// <summary>Read directories' subdirectories too (documents named by their path below the directory).</summary>
    public bool Recursive { get; init; }
    /// <summary>Seconds between progress lines when stderr is not a terminal.</summary>
    public double PlainProgressSeconds { get; init; } = 10;
    /// <summary>Documents in flight between the reader and the writer (bounds memory).</summary>
    public int InFlight { get; init; } = 2048;

    private sealed record Work(long Sequence, IngestItem? Item, string? Error, DateOnly? Published, string Hash);
    private sealed record Done(long Sequence, DocumentRecord? Record, string? Error, string? Skipped);

    private long read, added, replaced, unchanged, notFrench, events;
    private readonly List<string> failures = [];
    // stderr is written by the reader (warnings) and the writer (failures, progress)
    private readonly object console = new();
    private readonly Dictionary<string, int> skippedLanguages = new(StringComparer.Ordinal);

    public int Execute(string[] paths, string db)
    {
        if (paths.Length == 0)
        {
            stderr.WriteLine("depeche ingest: no input; give one or more FILE, DIR, or - for standard input (see --help).");
            return 2;
        }
        using var store = StoreOptions.Open(db, "ingest", stderr, mustExist: false);
        if (store is null) return 2;
        var clock = Stopwatch.StartNew();
        var known = store.DocumentHashes();
        long? total = CountInputs(paths, Recursive);
        int workers = Math.Max(1, Environment.ProcessorCount);
        var work = Channel.CreateBounded<Work>(new BoundedChannelOptions(workers * 64) { SingleWriter = true });
        // room for every document in flight, so the workers keep going while the writer commits a batch
        var done = Channel.CreateBounded<Done>(new BoundedChannelOptions(InFlight) { SingleReader = true });
        using var inFlight = new SemaphoreSlim(InFlight);

        var reader = Task.Run(async () =>
        {
            long sequence = 0;
            try
            {
                foreach (var path in paths)
                    foreach (var result in ArchiveReader.Read(path, Recursive))
                    {
                        await inFlight.WaitAsync().ConfigureAwait(false);
                        if (result.Item is not { } item)
                        {
                            await work.Writer.WriteAsync(new Work(sequence++, null, result.Error ?? $"{result.Position}: unreadable.", null, "")).ConfigureAwait(false);
                            continue;
                        }
                        if (result.Error is not null) lock (console) stderr.WriteLine($"depeche ingest: {result.Error}");
                        DateOnly? published = item.Published?.Date;
                        string? error = null;
                        if (published is null && item.Html is null && item.Url is null && File.Exists(item.Position))
                        {
                            try { published = TextInputs.PublishedFromSidecar(item.Position); }
                            catch (InputException e) { error = e.Message; }
                        }
                        published ??= DefaultPublished;
                        string hash = DocumentRecord.ComputeHash(item.Text, published, item.Page?.Outlet, item.Url);
                        if (error is null && known.TryGetValue(item.Name, out var stored) && stored == hash)
                        {
                            Interlocked.Increment(ref unchanged);
                            Interlocked.Increment(ref read);
                            inFlight.Release();
                            continue;
                        }
                        await work.Writer.WriteAsync(new Work(sequence++, item, error, published, hash)).ConfigureAwait(false);
                    }
            }
            finally { work.Writer.Complete(); }
        });

        var processors = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var w in work.Reader.ReadAllAsync().ConfigureAwait(false))
                await done.Writer.WriteAsync(Process(w)).ConfigureAwait(false);
        })).ToArray();
        _ = Task.WhenAll(processors).ContinueWith(t => done.Writer.Complete(t.Exception), TaskScheduler.Default);

        var progress = new Progress(stderr, total, PlainProgressSeconds, clock, console);
        var pending = new SortedDictionary<long, Done>();
        var batch = new List<DocumentRecord>(BatchSize);
        long next = 0;
        var lastCommit = Stopwatch.StartNew();
        int code = 0;
        try
        {
            var readerDone = done.Reader;
            while (true)
            {
                bool more = readerDone.WaitToReadAsync().AsTask().GetAwaiter().GetResult();
                while (readerDone.TryRead(out var d)) pending[d.Sequence] = d;
                while (pending.Remove(next, out var d))
                {
                    next++;
                    Interlocked.Increment(ref read);
                    inFlight.Release();
                    if (d.Error is not null) { Fail(d.Error); continue; }
                    if (d.Skipped is not null) { notFrench++; skippedLanguages[d.Skipped] = skippedLanguages.GetValueOrDefault(d.Skipped) + 1; continue; }
                    batch.Add(d.Record!);
                    if (batch.Count >= BatchSize) Flush(store, batch, lastCommit);
                }
                if (batch.Count > 0 && (!more || lastCommit.ElapsedMilliseconds > 1000)) Flush(store, batch, lastCommit);
                progress.Report(Interlocked.Read(ref read), false);
                if (!more) break;
            }
            reader.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            stderr.WriteLine($"depeche ingest: the store failed ({e.Message}); committed batches are kept, re-run to resume.");
            code = 1;
        }
        progress.Report(Interlocked.Read(ref read), true);
        var stats = store.Statistics();
        double seconds = Math.Max(0.001, clock.Elapsed.TotalSeconds);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"depeche ingest: {read} documents read in {seconds:0.0} s ({read / seconds:0} docs/s): {added} added, {replaced} replaced, {unchanged} skipped unchanged, {notFrench} skipped not French, {failures.Count} failed; {events} events stored."));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  writer busy {writing.Elapsed.TotalSeconds:0.0} s of {seconds:0.0} s"));
        foreach (var (language, count) in skippedLanguages.OrderByDescending(p => p.Value)) stdout.WriteLine($"  skipped: {count} × {language}");
        foreach (var (reason, count) in failures.GroupBy(Reason).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2))
            stdout.WriteLine($"  failed: {count} × {reason}");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store {store.Backend}: {stats.Documents} documents, {stats.Events} events, {stats.Stories} story events, {stats.Quotes} quotations, {stats.Entities} entities."));
        stdout.Flush();
        return code != 0 ? code : failures.Count > 0 ? 1 : 0;
    }

    // "dump.jsonl:3: malformed JSON (…)" → "malformed JSON (…)": failures grouped by what went wrong, not where
    private static string Reason(string message)
    {
        int colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? message[(colon + 2)..] : message;
    }

    private readonly Stopwatch writing = new();

    private void Flush(IEventStore store, List<DocumentRecord> batch, Stopwatch lastCommit)
    {
        writing.Start();
        var result = store.Store(batch);
        writing.Stop();
        added += result.Added;
        replaced += result.Replaced;
        unchanged += result.Unchanged;
        events += result.Events;
        batch.Clear();
        lastCommit.Restart();
    }

    private void Fail(string message)
    {
        failures.Add(message);
        lock (console) stderr.WriteLine($"depeche ingest: {message}");
    }

    private static Done Process(Work w)
    {
        if (w.Item is not { } item) return new Done(w.Sequence, null, w.Error, null);
        if (w.Error is not null) return new Done(w.Sequence, null, w.Error, null);
        try
        {
            string? language = LanguageIdentifier.Identify(item.Text) ?? item.Page?.Language;
            // an unidentified language is processed: short or list-like French pages often go unidentified, and a
            // store that silently dropped them would be worse than one holding a few empty foreign documents
            if (language is not null && language != "fr") return new Done(w.Sequence, null, null, $"language {language}");
            var document = FrenchPipeline.Instance.Process(new Document(item.Name, item.Text, w.Published));
            return new Done(w.Sequence, DocumentRecord.Create(document, item.Page?.Outlet ?? FirstCredit(document), item.Url, item.Title, w.Hash), null, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Done(w.Sequence, null, $"{item.Position}: internal error while processing ({e.GetType().Name}: {e.Message}); please report it with the input.", null);
        }
    }

    // a dispatch's outlet is the agency it credits ("(AFP)") when no page metadata names one
    private static string? FirstCredit(Document document) => document.Credits.Count > 0 ? document.Credits[0] : null;

    /// <summary>Largest JSONL dump whose lines are counted for the ETA (a scan of the bytes, about 1 s per GB).</summary>
    private const long CountableDumpBytes = 4L << 30;

    // the number of documents when it can be known cheaply: text and page files count one each (directories are
    // expanded), uncompressed JSONL dumps one per non-empty line; feeds, compressed dumps and stdin make it unknown
    // (null: no ETA)
    private static long? CountInputs(string[] paths, bool recursive)
    {
        long count = 0;
        foreach (var path in paths)
        {
            if (path == "-") return null;
            IEnumerable<string> files = Directory.Exists(path) ? ArchiveReader.FilesIn(path, recursive) : [path];
            foreach (var file in files)
            {
                if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return null;
                var ext = Path.GetExtension(file).ToLowerInvariant();
                if (ext is ".txt" or ".html" or ".htm") count++;
                else if (ext is ".jsonl" or ".ndjson")
                {
                    if (CountLines(file) is not { } lines) return null;
                    count += lines;
                }
                else if (ext is ".xml" or ".rss" or ".atom") return null;
            }
        }
        return count;
    }

    private static long? CountLines(string file)
    {
        try
        {
            if (new FileInfo(file).Length > CountableDumpBytes) return null;
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var buffer = new byte[1 << 16];
            long lines = 0;
            bool content = false;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                foreach (byte b in buffer.AsSpan(0, n))
                {
                    if (b == (byte)'\n') { if (content) lines++; content = false; }
                    else if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t')) content = true;
                }
            return content ? lines + 1 : lines;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>A progress bar with rate and ETA on a terminal; a plain line every few seconds otherwise.</summary>
    private sealed class Progress(TextWriter stderr, long? total, double plainSeconds, Stopwatch clock, object console)
    {
        private readonly bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        private double last;
        private bool drawn;

        public void Report(long done, bool final)
        {
            double now = clock.Elapsed.TotalSeconds;
            double interval = terminal ? 0.25 : plainSeconds;
            if (!final && now - last < interval) return;
            if (final && !drawn) return;
            last = now;
            drawn = true;
            double rate = done / Math.Max(0.001, now);
            string eta = total is { } t && rate > 0 && t > done ? $" ETA {TimeSpan.FromSeconds((t - done) / rate):hh\\:mm\\:ss}" : "";
            string count = total is { } all ? $"{done:N0}/{all:N0}" : $"{done:N0}";
            lock (console) Draw(done, final, rate, eta, count);
        }

        private void Draw(long done, bool final, double rate, string eta, string count)
        {
            if (terminal)
            {
                string bar = "";
                if (total is { } all2 && all2 > 0)
                {
                    int filled = (int)Math.Min(30, 30 * done / all2);
                    bar = "[" + new string('#', filled) + new string('.', 30 - filled) + "] ";
                }
                stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r{bar}{count} docs {rate:N0} docs/s{eta}   "));
                if (final) stderr.WriteLine();
            }
            else stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"depeche ingest: {count} docs, {rate:N0} docs/s{eta}"));
        }
    }
}
