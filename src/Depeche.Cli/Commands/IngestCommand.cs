using System.CommandLine;
using System.Text.Json;
using Depeche.French;
using Depeche.Ingestion.Archives;
using Depeche.Ingestion.Language;
using Depeche.Serialization;

namespace Depeche.Cli.Commands;

/// <summary>
/// <c>depeche ingest INPUT...</c>: feeds, JSONL dumps, saved pages, text files, directories or stdin (gzip or not) in;
/// one JSON line per item out: <c>{"source":{…},"document":{…}}</c>. French items go through the pipeline; others keep
/// their metadata, <c>"document": null</c> and <c>"skipped": "language xx"</c>. A malformed line or page is reported on
/// stderr with its position and the rest proceeds (exit code 1).
/// </summary>
internal static class IngestCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "RSS/Atom feeds (.xml .rss .atom), JSONL dumps ({\"url\",\"published\",\"title\",\"text\"|\"html\"} per line), .html pages, .txt files, directories of them, or - for standard input; any of them gzip-compressed.",
            Arity = ArgumentArity.OneOrMore,
        };
        var withText = new Option<bool>("--text") { Description = "Include document.text in the output." };
        var command = new Command("ingest", "Read feeds, dumps, pages and texts; write one JSON line per item (source metadata and, for French, the extraction).")
        {
            inputs, withText,
        };
        command.SetAction(parse => Run(parse.GetValue(inputs) ?? [], parse.GetValue(withText), stdout, stderr));
        return command;
    }

    private static int Run(string[] paths, bool withText, TextWriter stdout, TextWriter stderr)
    {
        int failures = 0;
        var options = new JsonOutputOptions { IncludeText = withText };
        foreach (var path in paths)
        {
            foreach (var result in ArchiveReader.Read(path))
            {
                if (result.Item is not { } item)
                {
                    failures++;
                    stderr.WriteLine($"depeche ingest: {result.Error}");
                    continue;
                }
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
                    if (language == "fr")
                    {
                        var document = FrenchPipeline.Instance.Process(new Document(item.Name, item.Text, item.Published?.Date));
                        json.WritePropertyName("document");
                        json.WriteRawValue(DocumentJsonWriter.ToJson(document, options));
                    }
                    else
                    {
                        json.WriteNull("document");
                        json.WriteString("skipped", language is null ? "language unknown" : $"language {language}");
                    }
                    json.WriteEndObject();
                }
                stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
        }
        stdout.Flush();
        return failures > 0 ? 1 : 0;
    }
}
