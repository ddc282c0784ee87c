using System.Text;
using System.Text.Json;
using Depeche.Cli;
using Depeche.Cli.Commands;
using Depeche.Testing;

namespace Depeche.Cli.Tests.Commands;

public sealed class ExtractCommandTests : IDisposable
{
    private const string Dispatch = "Les délégations sont arrivées jeudi à Istanbul. Elles se sont parlé.\nAvec AFP\n";
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("depeche-cli-");

    public void Dispose() => dir.Delete(recursive: true);

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteText(string name, string text) => WriteFile(name, Encoding.UTF8.GetBytes(text));

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Prints_schema_json_for_one_file()
    {
        var (code, output, error) = Run("extract", WriteText("a.txt", Dispatch), "--published", "2025-04-10");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var document = json.RootElement.GetProperty("document");
        Assert.Equal("a", document.GetProperty("id").GetString());
        Assert.Equal("2025-04-10", document.GetProperty("published").GetString());
        Assert.Equal("AFP", document.GetProperty("credits")[0].GetString());
        foreach (var layer in new[] { "entities", "times", "quotes", "events" })
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty(layer).ValueKind);
    }

    [Fact]
    public void Tokens_flag_adds_sentences_with_original_offsets()
    {
        var (_, output, _) = Run("extract", WriteText("a.txt", Dispatch), "--tokens", "--text");
        using var json = JsonDocument.Parse(output);
        string text = json.RootElement.GetProperty("document").GetProperty("text").GetString()!;
        var sentences = json.RootElement.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(["sentence", "sentence", "credit"], sentences.Select(s => s.GetProperty("kind").GetString()));
        foreach (var s in sentences)
            Assert.Equal(s.GetProperty("text").GetString(), text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public void Bad_inputs_are_reported_and_the_rest_of_the_batch_is_processed()
    {
        WriteText("1-good.txt", Dispatch);
        WriteFile("2-empty.txt", []);
        WriteFile("3-binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14]);
        WriteFile("4-latin1.txt", [.. Encoding.UTF8.GetBytes("Le d"), 0xE9, .. Encoding.UTF8.GetBytes("put\u00e9.")]); // Latin-1 é
        WriteFile("5-utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Dispatch)]);
        var (code, output, error) = Run("extract", dir.FullName, "--format", "jsonl");
        Assert.Equal(1, code);
        Assert.Contains("2-empty.txt: empty file", error);
        Assert.Contains("3-binary.txt: binary file (NUL byte at offset 4)", error);
        Assert.Contains("4-latin1.txt: invalid UTF-8 at byte offset 4", error);
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("document").GetProperty("id").GetString());
        Assert.Equal(["1-good", "5-utf16"], ids); // input order kept, failures skipped
    }

    [Fact]
    public void Replace_mode_reads_invalid_bytes_as_replacement_characters()
    {
        var path = WriteFile("latin1.txt", [.. Encoding.UTF8.GetBytes("Le d"), 0xE9, .. Encoding.UTF8.GetBytes("put\u00e9 parle.")]);
        var (code, output, _) = Run("extract", path, "--invalid-bytes", "replace", "--text");
        Assert.Equal(0, code);
        Assert.Contains("Le d\uFFFDput", JsonDocument.Parse(output).RootElement.GetProperty("document").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("2025-02-30", "2025-02 has 28 days, not 30")]
    [InlineData("2025-13-01", "there is no month 13")]
    [InlineData("10/04/2025", "not a date in the form YYYY-MM-DD")]
    public void A_date_that_does_not_exist_is_a_usage_error(string value, string message)
    {
        var (code, output, error) = Run("extract", WriteText("a.txt", Dispatch), "--published", value);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Missing_file_fails_alone()
    {
        var (code, output, error) = Run("extract", Path.Combine(dir.FullName, "nope.txt"), WriteText("a.txt", Dispatch), "-f", "jsonl");
        Assert.Equal(1, code);
        Assert.Contains("no such file", error);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void No_input_is_a_usage_error() => Assert.Equal(2, Run("extract").Code);

    [Theory]
    [InlineData("events", "--bogus")]                // unknown option
    [InlineData("extract", "x.txt", "--format", "xml")] // value outside the choices
    [InlineData("events", "--limit", "abc")]          // not a number
    [InlineData("nonesuch")]                          // unknown command
    public void A_parse_error_is_a_usage_error_named_on_stderr(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("--help", error);
    }

    [Fact]
    public void Published_comes_from_a_gold_file_beside_the_text()
    {
        var path = WriteText("doc.txt", Dispatch);
        WriteText("doc.gold.json", """{"doc": "doc", "published": "2024-12-31"}""");
        using var json = JsonDocument.Parse(Run("extract", path).Out);
        Assert.Equal("2024-12-31", json.RootElement.GetProperty("document").GetProperty("published").GetString());
    }

    [Fact]
    public void Malformed_gold_file_fails_that_document_only()
    {
        WriteText("a.txt", Dispatch);
        WriteText("a.gold.json", "{ not json");
        WriteText("b.txt", Dispatch);
        var (code, output, error) = Run("extract", dir.FullName, "-f", "jsonl");
        Assert.Equal(1, code);
        Assert.Contains("malformed JSON", error);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Out_directory_gets_one_file_per_document()
    {
        WriteText("x.txt", Dispatch);
        WriteText("y.txt", Dispatch);
        var outDir = Path.Combine(dir.FullName, "out");
        var (code, _, _) = Run("extract", dir.FullName, "--out", outDir);
        Assert.Equal(0, code);
        Assert.Equal(["x.json", "y.json"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Several_documents_in_json_format_make_an_array()
    {
        WriteText("x.txt", Dispatch);
        WriteText("y.txt", Dispatch);
        using var json = JsonDocument.Parse(Run("extract", dir.FullName).Out);
        Assert.Equal(2, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void Large_file_is_read_in_sections_with_their_offsets()
    {
        // lowered limits stand in for the 16 MB threshold: the same code path, at test speed
        var text = string.Concat(Enumerable.Repeat("Le ministre est arrivé jeudi à Moscou.\n", 2000));
        var path = WriteText("big.txt", text);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var run = new ExtractRun(stdout, stderr) { Format = OutputFormat.Jsonl, WholeDocumentLimit = 10_000, SectionChars = 20_000 };
        Assert.Equal(0, run.Execute([path], null));
        var sections = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(sections.Count >= 4, $"expected several sections, got {sections.Count}");
        long expected = 0;
        foreach (var s in sections)
        {
            Assert.Equal(expected, s.GetProperty("section_offset").GetInt64());
            // each section is whole lines: the next starts where this one ends
            expected += s.GetProperty("section_length").GetInt64();
        }
        Assert.Equal(text.Length, expected);
    }
}
