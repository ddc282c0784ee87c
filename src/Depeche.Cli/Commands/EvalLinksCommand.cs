using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Depeche.Export;
using Depeche.French;
using Depeche.Ingestion.Text;
using Depeche.Linking;

namespace Depeche.Cli.Commands;

/// <summary>
/// <c>depeche eval links DIR... --out EVENTS.jsonl</c>: extracts every text, feeds all events to the
/// <see cref="StoryLinker"/> in a shuffled but deterministic order (<c>--seed</c>; or whole documents in publication
/// order, <c>--by-published</c>), and writes the <c>jsonl</c> export
/// that <c>../shared/eval/score_links.py</c> scores. Stands in for <c>depeche ingest</c> + <c>depeche events</c> until
/// the store is there (scripts/eval-links.sh).
/// </summary>
internal static class EvalLinksCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Directories of NAME.txt (+ NAME.gold.json for the publication date and outlet) or files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--out", "-o") { Description = "JSONL file to write (one line per event, with its story).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffled linking order of all events (0: document order, events of a document together).", DefaultValueFactory = _ => 1 };
        var byPublication = new Option<bool>("--by-published") { Description = "Link whole documents in publication order (as a store fed by news feeds would), instead of shuffling events." };
        var format = new Option<string>("--format", "-f") { Description = "Export format: jsonl (what score_links.py reads), csv, plover or gdelt.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong([.. EventExporters.Formats]);
        var decisions = new Option<FileInfo?>("--decisions") { Description = "Also write every linking decision with its reasons (JSONL)." };
        var command = new Command("links", "Link the events of a folder across documents (story events) and write them as JSONL for score_links.py.")
        {
            inputs, output, seed, byPublication, format, decisions,
        };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(byPublication) ? -1 : parse.GetValue(seed), parse.GetValue(format)!, parse.GetValue(decisions), stdout, stderr));
        return command;
    }

    private static int Run(string[] paths, FileInfo output, int seed, string format, FileInfo? decisionsFile, TextWriter stdout, TextWriter stderr)
    {
        int failures = 0;
        var inputs = TextInputs.Expand(paths, missing => { stderr.WriteLine($"depeche eval links: {missing}: no such file or directory."); failures++; });
        var mentions = new List<EventMention>();
        foreach (var input in inputs)
        {
            if (input.Path is null) continue;
            var published = TextInputs.PublishedFromSidecar(input.Path);
            var text = TextDecoder.Decode(File.ReadAllBytes(input.Path), input.Path, InvalidBytes.Replace);
            var document = FrenchPipeline.Instance.Process(new Document(input.Name, text, published));
            mentions.AddRange(EventMentions.From(document, OutletFromSidecar(input.Path)));
        }
        var order = mentions.ToArray();
        if (seed > 0) new Random(seed).Shuffle(order);
        else if (seed < 0) order = [.. mentions.OrderBy(m => m.Published ?? DateOnly.MaxValue).ThenBy(m => m.Document, StringComparer.Ordinal).ThenBy(m => m.Index)];

        var linker = new StoryLinker();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var decisions = new List<LinkDecision>(order.Length);
        foreach (var m in order) decisions.Add(linker.Link(m));
        watch.Stop();

        var stories = linker.Stories.Values.OrderBy(s => s.Id.Length).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var byKey = mentions.ToDictionary(m => m.Key, StringComparer.Ordinal);
        using (var writer = new StreamWriter(output.FullName, false, new System.Text.UTF8Encoding(false)))
            EventExporters.Write(format, writer, stories, byKey);
        if (decisionsFile is not null) WriteDecisions(decisionsFile, decisions);

        int multi = stories.Count(s => s.Members.Select(k => byKey[k].Document).Distinct().Count() > 1);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"documents {inputs.Count}  events {mentions.Count}  stories {stories.Count}  multi-document {multi}  conflicts {stories.Sum(s => s.Conflicts.Count)}  linking {watch.Elapsed.TotalMilliseconds:0.0} ms"));
        return failures > 0 ? 1 : 0;
    }

    // the labelled set's gold files name their outlet ("outlet": "Le Courrier du Rhône"); others have none
    private static string? OutletFromSidecar(string path)
    {
        var gold = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", TextInputs.NameOf(path) + ".gold.json");
        if (!File.Exists(gold)) return null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(gold));
            return json.RootElement.TryGetProperty("outlet", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    private static void WriteDecisions(FileInfo file, List<LinkDecision> decisions)
    {
        using var stream = File.Create(file.FullName);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var d in decisions)
        {
            w.Reset();
            JsonSerializer.Serialize(w, d);
            w.Flush();
            stream.WriteByte((byte)'\n');
        }
    }
}
