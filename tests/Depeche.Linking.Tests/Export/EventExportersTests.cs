using System.Text;
using System.Text.Json;
using Depeche.Export;
using Depeche.Linking;
using static Depeche.Linking.Tests.Mentions;

namespace Depeche.Linking.Tests.Export;

public class EventExportersTests
{
    // three reports of one meeting (one outlet with a comma and quotes in its name, one giving another venue), and a protest
    private static (List<Story> Stories, Dictionary<string, EventMention> Mentions) Sample()
    {
        var mentions = new[]
        {
            Make("a", 0, "CONSULT", "meet", [A("FRA", "Jean-Noël Barrot"), A("DZA")], date: "2025-03-11", place: "Alger", country: "DZA",
                published: "2025-03-11", outlet: "Le Courrier, \"du Rhône\"", url: "https://example.org/a", lat: 36.75, lon: 3.06),
            Make("b", 0, "CONSULT", "negotiate", [A("FRA"), A("DZA")], date: "2025-03-11", place: "Alger", country: "DZA",
                published: "2025-03-12", outlet: "L'Écho", url: "https://example.org/b", sentence: 2),
            Make("c", 0, "CONSULT", "meet", [A("FRA"), A("DZA")], date: "2025-03", place: "Oran", country: "DZA", published: "2025-03-14", outlet: "L'Écho"),
            Make("c", 1, "PROTEST", "demonstrate", source: [A("FRA", "CGT")], date: "2025-04", place: "Lyon", country: "FRA", published: "2025-04-20"),
        };
        var linker = new StoryLinker();
        foreach (var m in mentions) linker.Link(m);
        var stories = linker.Stories.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        return (stories, mentions.ToDictionary(m => m.Key));
    }

    private static string Export(string format)
    {
        var (stories, mentions) = Sample();
        var output = new StringWriter { NewLine = "\n" };
        EventExporters.Write(format, output, stories, mentions);
        return output.ToString();
    }

    [Fact]
    public void Jsonl_has_one_full_record_per_mention_with_document_and_story()
    {
        var lines = Export("jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var records = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a", "b", "c", "c"], records.Select(r => r.GetProperty("document").GetString()));
        var first = records[0];
        Assert.Equal("CONSULT", first.GetProperty("type").GetString());
        Assert.Equal("04", first.GetProperty("cameo").GetString()); // a string, leading zero kept
        Assert.Equal("VC", first.GetProperty("quad").GetString());
        Assert.Equal("2025-03-11", first.GetProperty("date").GetString());
        Assert.Equal("asserted", first.GetProperty("status").GetString());
        Assert.Equal("Alger", first.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("FRA", first.GetProperty("actors")[0].GetProperty("code").GetString());
        Assert.Equal("réunion", first.GetProperty("trigger").GetProperty("text").GetString());
        Assert.Equal("2025-03-11", first.GetProperty("published").GetString());
        Assert.Equal("https://example.org/a", first.GetProperty("url").GetString());
        Assert.Equal(records[0].GetProperty("story").GetString(), records[2].GetProperty("story").GetString());
        Assert.NotEqual(records[0].GetProperty("story").GetString(), records[3].GetProperty("story").GetString());
        Assert.Equal(JsonValueKind.Null, records[3].GetProperty("url").ValueKind);
    }

    [Fact]
    public void Csv_has_one_quoted_row_per_story()
    {
        string csv = Export("csv");
        Assert.Contains("\r\n", csv, StringComparison.Ordinal);
        var rows = ParseCsv(csv);
        Assert.Equal(3, rows.Count); // header + two stories
        Assert.Equal(["story", "type", "mode", "quad", "cameo", "date", "actors", "location", "country", "status",
            "mentions", "documents", "outlets", "sources", "conflicts"], rows[0]);
        Assert.All(rows, r => Assert.Equal(15, r.Count));
        var talks = rows.Single(r => r[1] == "CONSULT");
        Assert.Equal("04", talks[4]);
        Assert.Equal("2025-03-11", talks[5]);
        Assert.Equal("FRA; DZA", talks[6]);
        Assert.Equal("", talks[7]); // disputed venue
        Assert.Equal("DZA", talks[8]);
        Assert.Equal("3", talks[10]);
        Assert.Equal("3", talks[11]);
        Assert.Equal("Le Courrier, \"du Rhône\"; L'Écho", talks[12]);
        Assert.Equal("https://example.org/a; https://example.org/b; c", talks[13]);
        Assert.StartsWith("location: Alger (DZA) ×2 | Oran (DZA) ×1", talks[14], StringComparison.Ordinal);
        Assert.Contains("\"Le Courrier, \"\"du Rhône\"\"; L'Écho\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Plover_uses_the_plover_field_names()
    {
        var records = Export("plover").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, records.Count);
        var talks = records.Single(r => r.GetProperty("event_type").GetString() == "CONSULT");
        Assert.Equal("2025-03-11", talks.GetProperty("event_date").GetString());
        Assert.Equal("meet", talks.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Array, talks.GetProperty("context").ValueKind);
        Assert.Equal("Jean-Noël Barrot", talks.GetProperty("source").GetString());
        Assert.Equal("FRA", talks.GetProperty("source_actor").GetString());
        Assert.Equal("DZA", talks.GetProperty("target_actor").GetString());
        Assert.Equal("DZA", talks.GetProperty("target_country").GetString());
        Assert.Equal("04", talks.GetProperty("cameo_root").GetString());
        Assert.Equal(JsonValueKind.Null, talks.GetProperty("city").ValueKind);
        Assert.Equal(["a", "b", "c"], talks.GetProperty("story_ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, talks.GetProperty("mentions").GetArrayLength());
        Assert.Equal("location", talks.GetProperty("conflicts")[0].GetProperty("field").GetString());
        var protest = records.Single(r => r.GetProperty("event_type").GetString() == "PROTEST");
        Assert.Equal("Lyon", protest.GetProperty("city").GetString());
        Assert.Equal("CGT", protest.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, protest.GetProperty("target").ValueKind);
    }

    [Fact]
    public void Gdelt_rows_have_the_61_columns_in_order_with_codes_as_strings()
    {
        var rows = Export("gdelt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.Equal(2, rows.Count); // no header
        Assert.All(rows, r => Assert.Equal(61, r.Length));
        var talks = rows.Single(r => r[28] == "04");
        Assert.True(long.TryParse(talks[0], out _)); // GlobalEventID
        Assert.Equal("20250311", talks[1]); // when it happened, not when reported
        Assert.Equal("202503", talks[2]);
        Assert.Equal("2025", talks[3]);
        Assert.Equal("FRA", talks[5]);
        Assert.Equal("JEAN-NOËL BARROT", talks[6]);
        Assert.Equal("FRA", talks[7]);
        Assert.Equal("DZA", talks[15]);
        Assert.Equal("1", talks[25]); // lead sentence
        Assert.Equal("04", talks[26]);
        Assert.Equal("04", talks[27]);
        Assert.Equal("1", talks[29]); // verbal cooperation
        Assert.Equal("1.0", talks[30]); // Goldstein of CONSULT
        Assert.Equal("3", talks[31]); // mentions
        Assert.Equal("2", talks[32]); // outlets
        Assert.Equal("3", talks[33]); // articles
        Assert.Equal("1", talks[51]); // country-level: the venue is disputed
        Assert.Equal("DZA", talks[53]);
        Assert.Equal("20250311000000", talks[59]);
        Assert.Equal("https://example.org/a", talks[60]);

        var protest = rows.Single(r => r[28] == "14");
        Assert.Equal("20250401", protest[1]); // a month, padded to its first day
        Assert.Equal("-6.5", protest[30]);
        Assert.Equal("4", protest[29]);
        Assert.Equal("4", protest[51]);
        Assert.Equal("Lyon", protest[52]);
    }

    [Fact]
    public void Goldstein_table_covers_every_cameo_root_the_categories_use()
    {
        foreach (var c in Plover.Categories.Values)
            if (c.CameoRoot is not null) Assert.True(EventExporters.GoldsteinScale(c.CameoRoot) is not null, c.Name);
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => EventExporters.Write("xml", new StringWriter(), [], new Dictionary<string, EventMention>()));
        Assert.Contains("jsonl, csv, plover, gdelt", e.Message, StringComparison.Ordinal);
    }

    /// <summary>RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++; }
            else field.Append(c);
        }
        Assert.Empty(row);
        return rows;
    }
}
