using Depeche.Ingestion.Text;
using System.CommandLine;
using System.Text.Json;
using Depeche.French;
using Depeche.Ingestion.Archives;
using Depeche.Ingestion.Language;
using Depeche.Serialization;

namespace Depeche.Cli.Commands;

/// <summary>
/// <c>depeche ingest INPUT... [--db FILE]</c>: feeds, JSONL dumps, saved pages, text files, directories or stdin (gzip or
/// not) go through the pipeline on every core and into an event store (SQLite file or PostgreSQL), one writer, batched
/// transactions (see <see cref="StoreIngestRun"/>). With <c>--jsonl</c>, the former behaviour: one JSON line per item,
/// <c>{"source":{…},"document":{…}}</c>, nothing stored. Items identified as another language than French are skipped with their language (unidentified ones are processed); a malformed
/// line or page is reported on stderr with its position and the rest proceeds (exit code 1).
/// </summary>
internal static class IngestCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "RSS/Atom feeds (.xml .rss .atom), JSONL dumps ({\"url\",\"published\",\"title\",\"text\"|\"html\"} per line), .html pages, .txt files (a NAME.gold.json beside NAME.txt gives its publication date), directories of them, or - for standard input; any of them gzip-compressed.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = StoreOptions.Db();
        var batch = new Option<int>("--batch") { Description = "Documents per transaction (a killed run loses at most the batch in flight; re-running resumes).", DefaultValueFactory = _ => 500 };
        var jsonl = new Option<bool>("--jsonl") { Description = "Store nothing: write one JSON line per item (source metadata and, for French, the extraction) to stdout." };
        var withText = new Option<bool>("--text") { Description = "With --jsonl: include document.text in the output." };
        var published = new Option<string?>("--published", "-p")
        {
            Description = "Publication date (YYYY-MM-DD) for inputs that give none (no feed or page date, no NAME.gold.json beside NAME.txt); relative times resolve against it. Default: none (relative dates stay unresolved).",
        };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Read directories' subdirectories too; a document found in one is named by its path below the directory (\"2025/04/depeche-12\")." };
        var command = new Command("ingest", "Run the pipeline over feeds, dumps, pages and texts on every core and store documents, entities, times, quotations, events and linked story events (exit 0; 1 when some inputs failed; 2 usage error).")
        {
            inputs, db, batch, jsonl, withText, published, recursive,
        };
        command.SetAction(parse =>
        {
            DateOnly? fallback = null;
            if (parse.GetValue(published) is { } text)
            {
                try { fallback = PublishedDate.Parse(text, "--published"); }
                catch (InputException e) { stderr.WriteLine($"depeche ingest: {e.Message}"); return 2; }
            }
            return parse.GetValue(jsonl)
                ? Run(parse.GetValue(inputs) ?? [], parse.GetValue(withText), parse.GetValue(recursive), stdout, stderr)
                : new StoreIngestRun(stdout, stderr) { BatchSize = Math.Max(1, parse.GetValue(batch)), DefaultPublished = fallback, Recursive = parse.GetValue(recursive) }
                    .Execute(parse.GetValue(inputs) ?? [], parse.GetValue(db)!);
        });
        return command;
    }

    /// <summary>Writes one item as a JSON line: source metadata, and the extraction unless the text is in another language.</summary>
    internal static void WriteItem(Depeche.Ingestion.Archives.IngestItem item, JsonOutputOptions options, TextWriter stdout)
    {
        string? language = LanguageIdentifier.Identify(item.Text) ?? item.Page?.Language;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("source");
            json.WriteString("position", item.Position);
            json.WriteString("url", item.Url);
            json.WriteString("title", item.Title);
            json.WriteString("published", item.Published?.ToString());
            json.WriteString("published_source", item.Published?.SourceName);
            json.WriteString("language", language);
            if (item.Page is { } page)
            {
                json.WriteString("modified", page.Modified?.ToString());
                json.WriteString("author", page.Author);
                json.WriteString("outlet", page.Outlet);
                json.WriteStartArray("credits");
                foreach (var c in page.Credits) json.WriteStringValue(c);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            // an unidentified language is processed, as the store does (short French items often go unidentified)
            if (language is null or "fr")
            {
                var document = FrenchPipeline.Instance.Process(new Document(item.Name, item.Text, item.Published?.Date));
                json.WritePropertyName("document");
                json.WriteRawValue(DocumentJsonWriter.ToJson(document, options));
            }
            else
            {
                json.WriteNull("document");
                json.WriteString("skipped", $"language {language}");
            }
            json.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static int Run(string[] paths, bool withText, bool recursive, TextWriter stdout, TextWriter stderr)
    {
        int failures = 0;
        var options = new JsonOutputOptions { IncludeText = withText };
        foreach (var path in paths)
        {
            foreach (var result in ArchiveReader.Read(path, recursive))
            {
                if (result.Error is not null) stderr.WriteLine($"depeche ingest: {result.Error}");
                if (result.Item is not { } item)
                {
                    failures++;
                    continue;
                }
                WriteItem(item, options, stdout);
            }
        }
        stdout.Flush();
        return failures > 0 ? 1 : 0;
    }
}

/// <summary>
/// <c>depeche watch FEED...</c>: polls RSS/Atom feeds (conditional GET), fetches each new article page politely
/// (per-host delay, timeout, size cap), drops items already seen, and writes one JSON line per new item as
/// <c>ingest</c> does. Runs until interrupted, or once with <c>--once</c>.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var feeds = new Argument<string[]>("feeds") { Description = "Feed URLs (http or https).", Arity = ArgumentArity.OneOrMore };
        var interval = new Option<int>("--interval") { Description = "Seconds between polls.", DefaultValueFactory = _ => 300 };
        var delay = new Option<double>("--host-delay") { Description = "Least seconds between two requests to one host.", DefaultValueFactory = _ => 2 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed per request.", DefaultValueFactory = _ => 20 };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Largest feed or page read, in bytes.", DefaultValueFactory = _ => 5L * 1024 * 1024 };
        var once = new Option<bool>("--once") { Description = "Poll once and exit." };
        var withText = new Option<bool>("--text") { Description = "Include document.text in the output." };
        var command = new Command("watch", "Poll RSS/Atom feeds and write one JSON line per new article.")
        {
            feeds, interval, delay, timeout, maxBytes, once, withText,
        };
        command.SetAction(parse =>
        {
            var options = new Depeche.Ingestion.Feeds.WatchOptions
            {
                Interval = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(interval))),
                PerHostDelay = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(delay))),
                Timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
                MaxBytes = Math.Max(1024, parse.GetValue(maxBytes)),
            };
            var output = new JsonOutputOptions { IncludeText = parse.GetValue(withText) };
            using var http = new HttpClient();
            var watcher = new Depeche.Ingestion.Feeds.FeedWatcher(http, options);
            int failures = 0;
            void OnResult(Depeche.Ingestion.Archives.IngestResult r)
            {
                if (r.Error is not null) { stderr.WriteLine($"depeche watch: {r.Error}"); if (r.Item is null) failures++; }
                if (r.Item is { } item) { IngestCommand.WriteItem(item, output, stdout); stdout.Flush(); }
            }
            var urls = parse.GetValue(feeds) ?? [];
            if (parse.GetValue(once))
            {
                foreach (var r in watcher.PollAsync(urls).GetAwaiter().GetResult()) OnResult(r);
                return failures > 0 ? 1 : 0;
            }
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            watcher.RunAsync(urls, OnResult, stop.Token).GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }
}
