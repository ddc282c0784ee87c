using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Depeche.Cli.Tests.Commands;

// `depeche ingest --db` and the store queries, on dispatches written for these tests.
public sealed class StoreCommandsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("depeche-store-cli-").FullName;
    private string Db => Path.Combine(dir, "store.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // two outlets on one meeting, each with a gold file beside it giving only the publication date
    private string WriteDispatches()
    {
        var input = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
        File.WriteAllText(Path.Combine(input, "afp.txt"),
            "Des diplomates russes et américains se sont réunis jeudi à Istanbul pour des pourparlers sur le fonctionnement de leurs ambassades. « Nous avons avancé », a déclaré Tammy Bruce, porte-parole du département d'État.\n");
        File.WriteAllText(Path.Combine(input, "afp.gold.json"), "{\"published\": \"2025-04-11\"}");
        File.WriteAllText(Path.Combine(input, "reuters.txt"),
            "La Russie et les États-Unis ont tenu jeudi une réunion à Istanbul consacrée à leurs missions diplomatiques, selon Moscou.\n");
        File.WriteAllText(Path.Combine(input, "reuters.gold.json"), "{\"published\": \"2025-04-11\"}");
        return input;
    }

    [Fact]
    public void Ingest_stores_events_with_sidecar_dates_and_a_second_run_skips_everything()
    {
        var input = WriteDispatches();
        var (code, output, error) = Run("ingest", input, "--db", Db);
        Assert.True(code == 0, error);
        Assert.Contains("2 added", output);
        var lines = Run("events", "--db", Db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["afp", "reuters"], events.Select(e => e.GetProperty("document").GetString()));
        // "jeudi" resolved against the sidecar's 2025-04-11: a Friday, so the day before
        Assert.All(events, e => Assert.Equal("2025-04-10", e.GetProperty("date").GetString()));
        Assert.All(events, e => Assert.Equal("CONSULT", e.GetProperty("type").GetString()));
        Assert.Single(events.Select(e => e.GetProperty("story").GetString()).Distinct());
        Assert.Equal("afp#0", events[0].GetProperty("key").GetString());

        var again = Run("ingest", input, "--db", Db);
        Assert.Equal(0, again.Code);
        Assert.Contains("0 added, 0 replaced, 2 skipped unchanged", again.Out);
    }

    [Fact]
    public void Published_dates_inputs_without_one_and_a_date_that_does_not_exist_is_a_usage_error()
    {
        var input = Directory.CreateDirectory(Path.Combine(dir, "bare")).FullName;
        File.WriteAllText(Path.Combine(input, "note.txt"), "Les ministres polonais et lituanien se sont rencontrés mardi à Vilnius.\n");
        Assert.Equal(2, Run("ingest", input, "--db", Db, "--published", "2025-02-30").Code);
        Assert.False(File.Exists(Db));
        var (code, _, error) = Run("ingest", input, "--db", Db, "--published", "2025-05-08");
        Assert.True(code == 0, error);
        var e = JsonDocument.Parse(Run("events", "--db", Db).Out).RootElement;
        Assert.Equal("2025-05-06", e.GetProperty("date").GetString()); // the Tuesday before Thursday 8 May
    }

    [Fact]
    public void Queries_answer_from_the_store()
    {
        Assert.Equal(0, Run("ingest", WriteDispatches(), "--db", Db).Code);
        var table = Run("events", "--db", Db, "--actor", "RUS", "--actor", "usa", "--type", "CONSULT", "--from", "2025-04-01", "--to", "2025-04-30", "--format", "table");
        Assert.Equal(0, table.Code);
        Assert.Equal(3, table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + 2
        Assert.Equal("[]\n", Run("events", "--db", Db, "--from", "2025-05-01", "--format", "json").Out);

        var timeline = Run("timeline", "RUS", "USA", "--db", Db);
        Assert.Equal(0, timeline.Code);
        Assert.StartsWith("2025-04-10  CONSULT", timeline.Out);
        Assert.Contains("- afp", timeline.Out);
        Assert.Contains("- reuters", timeline.Out);
        Assert.Contains("Nous avons avancé", timeline.Out);

        var search = Run("search", "etats-unis istanbul", "--db", Db, "--format", "jsonl");
        var hit = JsonDocument.Parse(search.Out.Split('\n')[0]).RootElement;
        Assert.Equal("reuters", hit.GetProperty("document").GetString());
        Assert.Contains("[États]-Unis", hit.GetProperty("text").GetString()); // "États-Unis" is searched as two words

        Assert.Contains("Tammy Bruce", Run("quotes", "--db", Db, "--speaker", "tammy").Out);
        Assert.Equal("", Run("quotes", "--db", Db, "--speaker", "Lavrov", "--format", "jsonl").Out);
        Assert.Matches(@"(?m)^RUS\s+.*\s2\s+actors 2", Run("actors", "--db", Db).Out);
    }

    [Fact]
    public void Why_prints_the_decision_and_exit_codes_tell_missing_events_and_stores()
    {
        Assert.Equal(0, Run("ingest", WriteDispatches(), "--db", Db).Code);
        var why = Run("why", "reuters#0", "--db", Db);
        Assert.Equal(0, why.Code);
        using var decision = JsonDocument.Parse(why.Out);
        Assert.Equal("reuters#0", decision.RootElement.GetProperty("mention").GetString());
        Assert.False(decision.RootElement.GetProperty("new_story").GetBoolean());
        Assert.Equal(1, Run("why", "reuters#5", "--db", Db).Code);
        var missing = Run("events", "--db", Path.Combine(dir, "none.db"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("no store at", missing.Err);
        Assert.False(File.Exists(Path.Combine(dir, "none.db"))); // a query never creates a store
        Assert.Equal(2, Run("events", "--db", Db, "--from", "2025-02-30").Code);
        var badFormat = Run("export", "--db", Db, "--format", "xml"); // System.CommandLine's own parse error: exit 1
        Assert.NotEqual(0, badFormat.Code);
        Assert.Contains("xml", badFormat.Err);
        Assert.NotEqual(0, Run("ingest", "--db", Db).Code); // no input: a parse error
    }

    [SkippableFact]
    public void The_store_gives_back_the_events_extract_prints_for_the_dev_folder()
    {
        var dev = Depeche.Testing.SharedData.Require("eval/dev");
        Assert.Equal(0, Run("ingest", dev, "--db", Db).Code);
        var stored = Run("events", "--db", Db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var extracted = Run("extract", dev, "--format", "jsonl").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var doc in extracted)
        {
            var name = doc.GetProperty("document").GetProperty("id").GetString();
            var events = doc.GetProperty("events").EnumerateArray().ToList();
            var mine = stored.Where(e => e.GetProperty("document").GetString() == name).ToList();
            Assert.Equal(events.Count, mine.Count);
            for (int i = 0; i < events.Count; i++)
                foreach (var field in events[i].EnumerateObject()) // every SCHEMA.md field as extract writes it
                    Assert.Equal(field.Value.GetRawText(), mine[i].GetProperty(field.Name).GetRawText());
        }
        Assert.True(stored.Count > 10, "the dev folder has events");
    }

    [Fact]
    public void Generate_is_deterministic_per_seed()
    {
        string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b"), c = Path.Combine(dir, "c");
        Assert.Equal(0, Run("generate", "--count", "30", "--out", a).Code);
        Assert.Equal(0, Run("generate", "--count", "30", "--out", b).Code);
        Assert.Equal(0, Run("generate", "--count", "30", "--out", c, "--seed", "2").Code);
        var first = File.ReadAllText(Path.Combine(a, "dispatches-0001.jsonl"));
        Assert.Equal(first, File.ReadAllText(Path.Combine(b, "dispatches-0001.jsonl")));
        Assert.NotEqual(first, File.ReadAllText(Path.Combine(c, "dispatches-0001.jsonl")));
        // and from one process to the next (a per-process hash seed would pass the in-process comparison above)
        string d = Path.Combine(dir, "d");
        using (var child = Process.Start(new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "generate", "--count", "30", "--out", d]) { RedirectStandardOutput = true })!)
        {
            child.StandardOutput.ReadToEnd();
            child.WaitForExit();
        }
        Assert.Equal(first, File.ReadAllText(Path.Combine(d, "dispatches-0001.jsonl")));
        var lines = first.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(30, lines.Length);
        Assert.All(lines, l => Assert.InRange(JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!.Length, 1500, 3000));
    }

    [SkippableFact]
    public void A_killed_ingest_leaves_a_consistent_store_and_a_rerun_resumes()
    {
        var corpus = Path.Combine(dir, "corpus");
        Assert.Equal(0, Run("generate", "--count", "1000", "--out", corpus).Code);
        var cli = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [cli, "ingest", corpus, "--db", Db, "--batch", "20"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        long stored = 0;
        using (var child = Process.Start(start)!)
        {
            var clock = Stopwatch.StartNew();
            while (stored < 20 && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(50);
                stored = File.Exists(Db) ? CountDocuments() : 0;
            }
            Skip.If(child.HasExited, "the ingest finished before it could be killed (machine too fast for 1,000 documents)");
            child.Kill(entireProcessTree: true); // SIGKILL: no chance to finish the batch in flight
            child.WaitForExit();
        }
        stored = CountDocuments();
        Assert.InRange(stored, 20, 999);
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var check = c.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
            // every stored document has its events, every event its story: batches are all or nothing
            check.CommandText = "SELECT count(*) FROM event_mentions e LEFT JOIN stories s ON s.id = e.story WHERE s.id IS NULL";
            Assert.Equal(0L, check.ExecuteScalar());
        }
        var rerun = Run("ingest", corpus, "--db", Db);
        Assert.Equal(0, rerun.Code);
        Assert.Contains($"{stored} skipped unchanged", rerun.Out);
        Assert.Equal(1000, CountDocuments());
    }

    private long CountDocuments()
    {
        using var c = new SqliteConnection($"Data Source={Db};Pooling=False;Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM documents";
        try { return (long)cmd.ExecuteScalar()!; }
        catch (SqliteException) { return 0; } // not created yet
    }
}
