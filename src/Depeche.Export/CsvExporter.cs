using System.Globalization;
using Depeche.Linking;

namespace Depeche.Export;

/// <summary>
/// <c>csv</c>: one row per story event with a header row; RFC 4180 (CRLF line ends; a field holding a comma, a quote
/// or a line break is quoted, its quotes doubled). Lists inside a field are separated by "; ".
/// </summary>
internal static class CsvExporter
{
    public static readonly string[] Header =
    [
        "story", "type", "mode", "quad", "cameo", "date", "actors", "location", "country", "status",
        "mentions", "documents", "outlets", "sources", "conflicts",
    ];

    public static void Write(TextWriter output, IReadOnlyList<Story> stories, IReadOnlyDictionary<string, EventMention> mentions)
    {
        WriteRow(output, Header);
        var row = new string[Header.Length];
        foreach (var story in stories)
        {
            var f = StoryFacts.Of(story, mentions);
            var category = f.Category;
            row[0] = story.Id;
            row[1] = story.Type;
            row[2] = f.Mode ?? "";
            row[3] = category?.QuadLabel ?? "";
            row[4] = category?.CameoRoot ?? "";
            row[5] = story.Date ?? "";
            row[6] = string.Join("; ", story.Actors);
            row[7] = story.Location ?? "";
            row[8] = story.LocationCountry ?? "";
            row[9] = story.Status.ToString().ToLowerInvariant();
            row[10] = f.Members.Count.ToString(CultureInfo.InvariantCulture);
            row[11] = f.Documents.ToString(CultureInfo.InvariantCulture);
            row[12] = string.Join("; ", f.Outlets);
            row[13] = string.Join("; ", f.Sources);
            row[14] = f.ConflictSummary();
            WriteRow(output, row);
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) output.Write(',');
            output.Write(Quote(fields[i]));
        }
        output.Write("\r\n");
    }

    /// <summary>RFC 4180 quoting: only when needed.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
