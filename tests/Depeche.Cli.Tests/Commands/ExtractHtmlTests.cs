using System.Text.Json;

namespace Depeche.Cli.Tests.Commands;

// `depeche extract page.html`: pages written for this test.
public sealed class ExtractHtmlTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("depeche-html-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Page =
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Budget - Le Quotidien de Test</title>" +
        "<meta property=\"article:published_time\" content=\"2025-04-10T14:05:00+02:00\"></head><body>" +
        "<nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav><article><h1>Rennes vote son budget</h1>" +
        "<p>Le conseil municipal de Rennes a adopté jeudi soir le budget de l'année prochaine, après trois heures de débats, a indiqué la mairie.</p>" +
        "<p>« Nous avons tenu nos engagements », a déclaré la maire devant les élus, selon un communiqué publié vendredi.</p></article>" +
        "<div class=\"share\">Partager sur Facebook</div></body></html>";

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Html_page_becomes_a_document_dated_by_the_page()
    {
        var path = Path.Combine(dir, "budget.html");
        File.WriteAllText(path, Page);
        var (code, output, _) = Run("extract", path, "--text");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var document = json.RootElement.GetProperty("document");
        Assert.Equal("2025-04-10", document.GetProperty("published").GetString());
        var text = document.GetProperty("text").GetString()!;
        Assert.StartsWith("Rennes vote son budget\n\nLe conseil municipal", text);
        Assert.DoesNotContain("Accueil", text);
        Assert.DoesNotContain("Partager", text);
    }

    [Fact]
    public void Published_option_overrides_the_page_date()
    {
        var path = Path.Combine(dir, "budget.html");
        File.WriteAllText(path, Page);
        var (_, output, _) = Run("extract", path, "--published", "2025-05-01");
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2025-05-01", json.RootElement.GetProperty("document").GetProperty("published").GetString());
    }

    [Fact]
    public void A_page_without_text_is_reported_and_the_batch_goes_on()
    {
        var empty = Path.Combine(dir, "a-empty.html");
        File.WriteAllText(empty, "<html><head><script>var x = 1;</script></head><body><div></div></body></html>");
        var good = Path.Combine(dir, "b-budget.html");
        File.WriteAllText(good, Page);
        var (code, output, errors) = Run("extract", empty, good);
        Assert.Equal(1, code);
        Assert.Contains("a-empty.html", errors);
        Assert.Contains("\"b-budget\"", output);
    }
}
