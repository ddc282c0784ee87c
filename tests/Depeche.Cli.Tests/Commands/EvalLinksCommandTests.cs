using System.Text.Json;

namespace Depeche.Cli.Tests.Commands;

public class EvalLinksCommandTests
{
    [Fact]
    public void Links_two_reports_of_one_meeting_and_keeps_the_next_meeting_apart()
    {
        var dir = Directory.CreateTempSubdirectory("depeche-links-");
        try
        {
            Write(dir, "premier", "2025-06-03", "Les ministres japonais et coréen se sont rencontrés mardi à Séoul pour parler de sécurité régionale.");
            Write(dir, "second", "2025-06-04", "Le ministre japonais a rencontré la veille à Séoul son homologue coréen, selon un communiqué.");
            Write(dir, "suivant", "2025-07-08", "Les ministres japonais et coréen se sont de nouveau rencontrés mardi à Séoul.");
            var output = Path.Combine(dir.FullName, "links.jsonl");
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            int code = Program.Run(["eval", "links", dir.FullName, "--out", output, "--seed", "3"], stdout, stderr);

            Assert.Equal(0, code);
            Assert.Equal("", stderr.ToString());
            Assert.StartsWith("documents 3  events 3  stories 2", stdout.ToString(), StringComparison.Ordinal);
            var events = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement)
                .ToDictionary(e => e.GetProperty("document").GetString()!, e => e);
            Assert.Equal(events["premier"].GetProperty("story").GetString(), events["second"].GetProperty("story").GetString());
            Assert.NotEqual(events["premier"].GetProperty("story").GetString(), events["suivant"].GetProperty("story").GetString());
            Assert.Equal("2025-06-03", events["second"].GetProperty("date").GetString());
            Assert.Equal("CONSULT", events["second"].GetProperty("type").GetString());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void Write(DirectoryInfo dir, string name, string published, string text)
    {
        File.WriteAllText(Path.Combine(dir.FullName, name + ".txt"), text + "\n");
        File.WriteAllText(Path.Combine(dir.FullName, name + ".gold.json"), $"{{\"published\": \"{published}\", \"events\": []}}\n");
    }
}
