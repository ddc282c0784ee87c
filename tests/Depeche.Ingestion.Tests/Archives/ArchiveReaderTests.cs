using System.IO.Compression;
using System.Text;
using Depeche.Ingestion.Archives;

namespace Depeche.Ingestion.Tests.Archives;

// Dumps and pages written for these tests.
public sealed class ArchiveReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("depeche-archive-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Page =
        "<html><head><meta property=\"article:published_time\" content=\"2025-04-10T14:05:00+02:00\"></head><body><article><h1>Budget voté</h1>" +
        "<p>Le conseil municipal de Rennes a adopté le budget de l'année prochaine, après trois heures de débats animés, a indiqué la mairie.</p></article></body></html>";

    private static string Jsonl(params string[] lines) => string.Join("\n", lines) + "\n";

    private string Write(string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Jsonl_lines_become_items_and_a_malformed_line_is_reported_with_its_number()
    {
        var path = Write("dump.jsonl", Jsonl(
            "{\"url\":\"https://exemple.test/a\",\"published\":\"2025-04-10\",\"title\":\"A\",\"text\":\"Le maire a démissionné.\"}",
            "{\"url\": \"https://exemple.test/b\", \"text\": ",                                    // cut off
            "",                                                                                    // blank: skipped silently
            "{\"published\":\"2025-02-30\",\"text\":\"Une date qui n'existe pas.\"}",                // bad date
            "{\"title\":\"sans texte\"}",                                                           // neither text nor html
            "{\"html\":" + System.Text.Json.JsonSerializer.Serialize(Page) + "}"));
        var results = ArchiveReader.Read(path).ToList();
        Assert.Equal(5, results.Count);
        Assert.Equal("Le maire a démissionné.", results[0].Item!.Text);
        Assert.Equal("2025-04-10", results[0].Item!.Published!.ToString());
        Assert.Equal("dump-1", results[0].Item!.Name);
        Assert.StartsWith($"{path}:2: malformed JSON", results[1].Error);
        Assert.StartsWith($"{path}:4:", results[2].Error);
        Assert.Contains("neither \"text\" nor \"html\"", results[3].Error);
        var fromHtml = results[4].Item!;
        Assert.StartsWith("Budget voté\n\nLe conseil municipal", fromHtml.Text);
        Assert.Equal("2025-04-10T14:05:00+02:00", fromHtml.Published!.ToString()); // the page's date when the line gives none
        Assert.NotNull(fromHtml.Html);
    }

    [Fact]
    public void Subdirectories_are_read_on_request_and_name_their_documents_by_path()
    {
        Directory.CreateDirectory(Path.Combine(dir, "2025", "04"));
        Directory.CreateDirectory(Path.Combine(dir, "2025", "05"));
        Write("racine.txt", "Le maire a démissionné.");
        Write(Path.Combine("2025", "04", "note.txt"), "Le préfet est arrivé.");
        Write(Path.Combine("2025", "05", "note.txt"), "Le préfet est reparti.");
        Write(Path.Combine("2025", "05", "lisez-moi.md"), "pas une dépêche");

        Assert.Equal(["racine"], ArchiveReader.Read(dir).Select(r => r.Item!.Name));
        var all = ArchiveReader.Read(dir, recursive: true).ToList();
        Assert.Equal(["2025/04/note", "2025/05/note", "racine"], all.Select(r => r.Item!.Name));
        Assert.Equal("Le préfet est reparti.", all[1].Item!.Text);
        Assert.Equal(Path.Combine(dir, "2025", "05", "note.txt"), all[1].Position); // the file, for errors and sidecar dates
    }

    [Fact]
    public void Gzip_is_recognised_by_its_bytes()
    {
        var path = Path.Combine(dir, "dump.jsonl.gz");
        using (var file = File.Create(path))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes(Jsonl("{\"text\":\"Premier.\"}", "{\"text\":\"Second.\"}")));
        var texts = ArchiveReader.Read(path).Select(r => r.Item!.Text).ToList();
        Assert.Equal(["Premier.", "Second."], texts);
    }

    [Fact]
    public void Directory_gives_its_pages_and_texts_in_name_order_and_reports_bad_ones()
    {
        Write("b-page.html", Page);
        Write("a-note.txt", "Une dépêche en texte brut.");
        Write("c-empty.html", "");
        Write("d-ignored.png", "pas une entrée");
        var results = ArchiveReader.Read(dir).ToList();
        Assert.Equal(3, results.Count);
        Assert.Equal("a-note", results[0].Item!.Name);
        Assert.Equal("b-page", results[1].Item!.Name);
        Assert.Equal("2025-04-10", results[1].Item!.Published!.Date.ToString("yyyy-MM-dd"));
        Assert.Null(results[2].Item);
        Assert.Contains("c-empty.html", results[2].Error);
    }

    [Theory]
    [InlineData("{\"text\":\"Ligne JSON.\"}\n", "Ligne JSON.")]
    [InlineData("  <html><body><p>Une page lue sur l'entrée standard, avec assez de texte pour être un article.</p></body></html>", "Une page lue sur l'entrée standard")]
    [InlineData("Du texte brut.", "Du texte brut.")]
    public void Unnamed_input_is_sniffed(string content, string expected)
    {
        var results = ArchiveReader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(content)), "stdin", kind: null).ToList();
        Assert.Contains(expected, Assert.Single(results).Item!.Text);
    }

    [Fact]
    public void Missing_path_is_an_error_not_an_exception()
    {
        var result = Assert.Single(ArchiveReader.Read(Path.Combine(dir, "absent.jsonl")));
        Assert.Contains("no such file", result.Error);
    }
}
