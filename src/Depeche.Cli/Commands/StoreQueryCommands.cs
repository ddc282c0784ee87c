using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Depeche.Export;
using Depeche.Storage;

namespace Depeche.Cli.Commands;

/// <summary>Output layout of the store queries.</summary>
public enum QueryFormat
{
    /// <summary>Aligned columns for reading.</summary>
    Table,
    /// <summary>One JSON array.</summary>
    Json,
    /// <summary>One JSON object per line.</summary>
    Jsonl,
}

/// <summary>
/// <c>depeche events --db DB [--actor X]... [--type T] [--from D] [--to D] [--format jsonl|json|table]</c>: the
/// document-level events of a store; jsonl gives one line per event with the SCHEMA.md event fields as
/// <c>extract</c> writes them plus <c>document</c>, <c>key</c> and <c>story</c> (what score_links.py reads).
/// Exit codes: 0; 2 usage error or no store.
/// </summary>
internal static class EventsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = StoreOptions.Db();
        var actor = new Option<string[]>("--actor", "-a") { Description = "An actor code (RUS) or name (Tammy Bruce) that must take part; repeat for several (all must).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var type = new Option<string?>("--type", "-t") { Description = "PLOVER category (CONSULT, SANCTION…)." };
        var from = new Option<string?>("--from") { Description = "Events whose date ends on or after this day (YYYY-MM-DD); undated events are left out." };
        var to = new Option<string?>("--to") { Description = "Events whose date starts on or before this day (YYYY-MM-DD)." };
        var format = StoreOptions.Format(QueryFormat.Jsonl);
        var command = new Command("events", "List the stored document-level events, each with its document and story event (exit 0; 2 usage error or no store).")
        {
            db, actor, type, from, to, format,
        };
        command.SetAction(parse =>
        {
            DateOnly? fromDay = null, toDay = null;
            try
            {
                if (parse.GetValue(from) is { } f) fromDay = Depeche.Ingestion.Text.PublishedDate.Parse(f, "--from");
                if (parse.GetValue(to) is { } t) toDay = Depeche.Ingestion.Text.PublishedDate.Parse(t, "--to");
            }
            catch (Depeche.Ingestion.Text.InputException e) { stderr.WriteLine($"depeche events: {e.Message}"); return 2; }
            return StoreOptions.Query(parse, db, "events", stdout, stderr, store =>
            {
                var events = store.Events(new EventQuery { Actors = parse.GetValue(actor) ?? [], Type = parse.GetValue(type), From = fromDay, To = toDay });
                var fmt = parse.GetValue(format);
                if (fmt == QueryFormat.Table)
                {
                    var rows = events.Select(e => new[] { e.Key, e.Date ?? "", e.Type, e.Story ?? "", e.Outlet ?? "", e.TriggerText }).ToList();
                    Table.Write(stdout, ["event", "date", "type", "story", "outlet", "trigger"], rows);
                }
                else Json.Write(stdout, fmt, events.Select(Line).ToList());
                return 0;
            });
        });
        return command;
    }

    /// <summary>The stored event object with <c>document</c>, <c>key</c> and <c>story</c> first.</summary>
    internal static string Line(StoredEvent e) =>
        "{\"document\":" + JsonCodec.Quote(e.Document) + ",\"key\":" + JsonCodec.Quote(e.Key) + ",\"story\":" + JsonCodec.Quote(e.Story) + "," + e.Json[1..];
}

/// <summary><c>depeche timeline ACTOR... --db DB</c>: dated story events with every actor given, in date order, with sources and quotes.</summary>
internal static class TimelineCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var actors = new Argument<string[]>("actors") { Description = "Actor codes (RUS USA) or names; every one must take part.", Arity = ArgumentArity.OneOrMore };
        var db = StoreOptions.Db();
        var quotes = new Option<int>("--quotes") { Description = "Quotations shown per story event, from its reports.", DefaultValueFactory = _ => 3 };
        var format = StoreOptions.Format(QueryFormat.Table);
        var command = new Command("timeline", "Dated story events where all the actors given take part, in date order, with the outlets that reported them and quotations (exit 0; 2 usage error or no store).")
        {
            actors, db, quotes, format,
        };
        command.SetAction(parse => StoreOptions.Query(parse, db, "timeline", stdout, stderr, store =>
        {
            var entries = store.Timeline(parse.GetValue(actors) ?? [], Math.Max(0, parse.GetValue(quotes)));
            var fmt = parse.GetValue(format);
            if (fmt == QueryFormat.Table)
            {
                foreach (var e in entries)
                {
                    var s = e.Story;
                    stdout.WriteLine($"{s.Date}  {s.Type}  {string.Join(", ", s.Actors)}{(s.Location is null ? "" : "  @ " + s.Location)}  [{s.Id}, {e.Sources.Count} report{(e.Sources.Count == 1 ? "" : "s")}]");
                    foreach (var c in s.Conflicts)
                        stdout.WriteLine($"    disputed {c.Field}: {string.Join(" | ", c.Claims.Select(x => $"{x.Value} ({x.Mentions.Count})"))}");
                    foreach (var src in e.Sources)
                        stdout.WriteLine($"    - {src.Document}{(src.Outlet is null ? "" : " (" + src.Outlet + ")")}{(src.Published is null ? "" : ", " + src.Published)}: {Table.Shorten(src.SentenceText, 140)}");
                    foreach (var q in e.Quotes)
                        stdout.WriteLine($"    « {Table.Shorten(q.Text.Trim('«', '»', ' ', '"'), 140)} » — {q.Speaker ?? "?"} ({q.Document})");
                }
            }
            else Json.Write(stdout, fmt, entries, (w, e) =>
            {
                w.WriteStartObject();
                w.WritePropertyName("story");
                JsonCodec.WriteStory(w, e.Story);
                w.WriteStartArray("sources");
                foreach (var s in e.Sources)
                {
                    w.WriteStartObject();
                    w.WriteString("event", s.Key); w.WriteString("document", s.Document); w.WriteString("outlet", s.Outlet);
                    w.WriteString("url", s.Url); w.WriteString("published", s.Published); w.WriteString("trigger", s.TriggerText); w.WriteString("sentence", s.SentenceText);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("quotes");
                foreach (var q in e.Quotes) Json.WriteQuote(w, q);
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return 0;
        }));
        return command;
    }
}

/// <summary><c>depeche search "QUERY" --db DB</c>: full-text search over documents and quotations (accents and case folded).</summary>
internal static class SearchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var query = new Argument<string>("query") { Description = "Words that must all occur (accents and case do not matter: \"elysee\" finds \"Élysée\")." };
        var db = StoreOptions.Db();
        var limit = new Option<int>("--limit", "-n") { Description = "Most documents and most quotations listed.", DefaultValueFactory = _ => 20 };
        var format = StoreOptions.Format(QueryFormat.Table);
        var command = new Command("search", "Full-text search over stored documents and quotations, best matches first (exit 0; 2 usage error or no store).") { query, db, limit, format };
        command.SetAction(parse => StoreOptions.Query(parse, db, "search", stdout, stderr, store =>
        {
            var hits = store.Search(parse.GetValue(query) ?? "", Math.Max(1, parse.GetValue(limit)));
            var fmt = parse.GetValue(format);
            if (fmt == QueryFormat.Table)
                Table.Write(stdout, ["in", "document", "score", "text"], hits.Select(h => new[] { h.Kind, h.Document, h.Score.ToString("G3", CultureInfo.InvariantCulture), Table.Shorten(h.Snippet, 200) }).ToList());
            else Json.Write(stdout, fmt, hits, (w, h) =>
            {
                w.WriteStartObject();
                w.WriteString("in", h.Kind); w.WriteString("document", h.Document); w.WriteNumber("score", Math.Round(h.Score, 4)); w.WriteString("text", h.Snippet);
                w.WriteEndObject();
            });
            return 0;
        }));
        return command;
    }
}

/// <summary><c>depeche actors --db DB</c>: actors of stored events with counts and the roles they were seen in.</summary>
internal static class ActorsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = StoreOptions.Db();
        var format = StoreOptions.Format(QueryFormat.Table);
        var command = new Command("actors", "Actors of the stored events, most frequent first, with counts by role (actors, source, target) (exit 0; 2 usage error or no store).") { db, format };
        command.SetAction(parse => StoreOptions.Query(parse, db, "actors", stdout, stderr, store =>
        {
            var actors = store.Actors();
            var fmt = parse.GetValue(format);
            if (fmt == QueryFormat.Table)
                Table.Write(stdout, ["actor", "code", "events", "roles"], actors.Select(a => new[]
                {
                    a.Actor, a.Code ?? "", a.Events.ToString(CultureInfo.InvariantCulture),
                    string.Join(", ", a.Roles.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}")),
                }).ToList());
            else Json.Write(stdout, fmt, actors, (w, a) =>
            {
                w.WriteStartObject();
                w.WriteString("actor", a.Actor); w.WriteString("code", a.Code); w.WriteString("name", a.Name); w.WriteNumber("events", a.Events);
                w.WriteStartObject("roles");
                foreach (var r in a.Roles) w.WriteNumber(r.Key, r.Value);
                w.WriteEndObject();
                w.WriteEndObject();
            });
            return 0;
        }));
        return command;
    }
}

/// <summary><c>depeche quotes --db DB [--speaker NAME]</c>: stored quotations, of one speaker when given.</summary>
internal static class QuotesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = StoreOptions.Db();
        var speaker = new Option<string?>("--speaker", "-s") { Description = "Speaker name or part of it (accents and case do not matter)." };
        var limit = new Option<int>("--limit", "-n") { Description = "Most quotations listed.", DefaultValueFactory = _ => 1000 };
        var format = StoreOptions.Format(QueryFormat.Table);
        var command = new Command("quotes", "Stored quotations with speaker and document (exit 0; 2 usage error or no store).") { db, speaker, limit, format };
        command.SetAction(parse => StoreOptions.Query(parse, db, "quotes", stdout, stderr, store =>
        {
            var quotes = store.Quotes(parse.GetValue(speaker), Math.Max(1, parse.GetValue(limit)));
            var fmt = parse.GetValue(format);
            if (fmt == QueryFormat.Table)
                Table.Write(stdout, ["document", "speaker", "quote"], quotes.Select(q => new[] { q.Document, q.Speaker ?? "", Table.Shorten(q.Text, 160) }).ToList());
            else Json.Write(stdout, fmt, quotes, Json.WriteQuote);
            return 0;
        }));
        return command;
    }
}

/// <summary><c>depeche why EVENT --db DB</c>: the stored decision that linked an event mention (<c>DOCUMENT#INDEX</c>) to its story.</summary>
internal static class WhyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var key = new Argument<string>("event") { Description = "Event key as `events` prints it: DOCUMENT#INDEX (INDEX from 0 in the document's events)." };
        var db = StoreOptions.Db();
        var command = new Command("why", "Explain why an event joined its story event: the best candidate, the score and each feature's reason (exit 0; 1 no such event; 2 usage error or no store).") { key, db };
        command.SetAction(parse => StoreOptions.Query(parse, db, "why", stdout, stderr, store =>
        {
            var id = parse.GetValue(key) ?? "";
            var decision = store.Why(id);
            if (decision is null)
            {
                stderr.WriteLine($"depeche why: no event {id} in the store (keys are DOCUMENT#INDEX; see `depeche events --format table`).");
                return 1;
            }
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                JsonCodec.WriteDecision(w, decision);
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return 0;
        }));
        return command;
    }
}

/// <summary><c>depeche export --db DB --format jsonl|csv|plover|gdelt [--out FILE]</c>: story events and their mentions for other tools.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = StoreOptions.Db();
        var format = new Option<string>("--format", "-f") { Description = "jsonl (full records), csv (one row per story event), plover (PLOVER JSON) or gdelt (GDELT 2.0 event TSV).", Required = true };
        format.AcceptOnlyFromAmong([.. EventExporters.Formats]);
        var output = new Option<string?>("--out", "-o") { Description = "File to write (default: standard output)." };
        var command = new Command("export", "Export story events and their document-level mentions (exit 0; 1 export failed; 2 usage error or no store).") { db, format, output };
        command.SetAction(parse => StoreOptions.Query(parse, db, "export", stdout, stderr, store =>
        {
            var stories = store.Stories();
            var mentions = store.Mentions();
            var path = parse.GetValue(output);
            try
            {
                if (path is null) { EventExporters.Write(parse.GetValue(format)!, stdout, stories, mentions); stdout.Flush(); }
                else
                {
                    using var file = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
                    EventExporters.Write(parse.GetValue(format)!, file, stories, mentions);
                }
            }
            catch (Exception e) when (e is NotImplementedException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"depeche export: {e.Message}");
                return 1;
            }
            return 0;
        }));
        return command;
    }
}

/// <summary>Column output for the table format.</summary>
internal static class Table
{
    public static void Write(TextWriter w, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select(h => h.Length).ToArray();
        foreach (var row in rows)
            for (int i = 0; i < row.Length - 1; i++) widths[i] = Math.Min(40, Math.Max(widths[i], row[i].Length));
        void Line(string[] cells) => w.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : Shorten(c, widths[i]).PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var row in rows) Line(row);
    }

    public static string Shorten(string s, int max)
    {
        s = s.Replace('\n', ' ').Replace('\r', ' ');
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }
}

/// <summary>JSON output (array or lines) for the query commands.</summary>
internal static class Json
{
    private static readonly JsonWriterOptions options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write<T>(TextWriter stdout, QueryFormat format, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write) =>
        Write(stdout, format, items.Select(item =>
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, options)) write(w, item);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }).ToList());

    /// <summary>Objects already written as JSON text: one array (json) or one per line (jsonl).</summary>
    public static void Write(TextWriter stdout, QueryFormat format, IReadOnlyList<string> objects)
    {
        if (format == QueryFormat.Json) stdout.Write('[');
        for (int i = 0; i < objects.Count; i++)
        {
            if (format == QueryFormat.Json) stdout.Write(i == 0 ? "\n" : ",\n");
            stdout.Write(objects[i]);
            if (format == QueryFormat.Jsonl) stdout.Write('\n');
        }
        if (format == QueryFormat.Json) stdout.Write(objects.Count == 0 ? "]\n" : "\n]\n");
    }

    public static void WriteQuote(Utf8JsonWriter w, StoredQuote q)
    {
        w.WriteStartObject();
        w.WriteString("document", q.Document); w.WriteString("speaker", q.Speaker); w.WriteString("text", q.Text);
        w.WriteBoolean("direct", q.Direct); w.WriteString("verb", q.Verb); w.WriteString("date", q.Date);
        w.WriteEndObject();
    }
}
