using System.Text.Json;

namespace Depeche.Cli.Tests.Commands;

// `depeche ingest`: dumps written for this test.
public sealed class IngestTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("depeche-ingest-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void French_items_are_extracted_others_flagged_and_bad_lines_reported()
    {
        var path = Path.Combine(dir, "dump.jsonl");
        File.WriteAllLines(path,
        [
            "{\"url\":\"https://exemple.test/a\",\"published\":\"2025-04-10\",\"text\":\"Le conseil municipal de Rennes a adopté le budget pour la ville, a indiqué la mairie dans un communiqué publié jeudi.\"}",
            "{\"text\":\"The city council adopted the budget on Thursday, and the mayor said that it was a good day for the city.\"}",
            "pas du JSON",
        ]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["ingest", path, "--jsonl"], stdout, stderr);
        Assert.Equal(1, code);
        Assert.Contains("dump.jsonl:3: malformed JSON", stderr.ToString());
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("fr", first.RootElement.GetProperty("source").GetProperty("language").GetString());
        Assert.Equal("given", first.RootElement.GetProperty("source").GetProperty("published_source").GetString());
        Assert.Equal("2025-04-10", first.RootElement.GetProperty("document").GetProperty("document").GetProperty("published").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("document").ValueKind);
        Assert.Equal("language en", second.RootElement.GetProperty("skipped").GetString());
    }

    [Fact]
    public void Recursive_reads_subfolders_and_keeps_same_named_files_apart()
    {
        foreach (var month in new[] { "03", "04" })
        {
            Directory.CreateDirectory(Path.Combine(dir, month));
            File.WriteAllText(Path.Combine(dir, month, "conseil.txt"), $"Le conseil municipal de Rennes a adopté le budget du mois {month}, a indiqué la mairie.");
        }
        var stdout = new StringWriter();
        Assert.Equal(0, Program.Run(["ingest", dir, "--jsonl"], stdout, new StringWriter()));
        Assert.Equal("", stdout.ToString()); // no file at the top level

        stdout = new StringWriter();
        Assert.Equal(0, Program.Run(["ingest", dir, "--recursive", "--jsonl"], stdout, new StringWriter()));
        var ids = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("document").GetProperty("document").GetProperty("id").GetString());
        Assert.Equal(["03/conseil", "04/conseil"], ids);
    }
}
