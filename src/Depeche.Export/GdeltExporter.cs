using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using Depeche.Linking;

namespace Depeche.Export;

/// <summary>
/// <c>gdelt</c>: one tab-separated row per story event in the 61 columns of the GDELT 2.0 events table, no header
/// (as GDELT's own files), so existing R/Python GDELT readers load it. Codes stay strings with their leading zeros
/// ("04"); <c>SQLDATE</c> is when the event happened (padded from its granularity: 2025-04 → 20250401), falling back to
/// the first report's publication date for undated events. docs/export.md lists the deviations (ISO alpha-3 instead
/// of FIPS country codes in the geo fields, root codes only, no tone).
/// </summary>
internal static class GdeltExporter
{
    /// <summary>GDELT 2.0 event table columns, in order.</summary>
    public static readonly string[] Columns =
    [
        "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
        "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
        "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
        "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
        "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    private static readonly Lazy<FrozenDictionary<string, double>> goldstein = new(LoadGoldstein);

    /// <summary>Goldstein score per CAMEO root code (<c>Data/goldstein-cameo-root.tsv</c>).</summary>
    public static FrozenDictionary<string, double> Goldstein => goldstein.Value;

    public static void Write(TextWriter output, IReadOnlyList<Story> stories, IReadOnlyDictionary<string, EventMention> mentions)
    {
        var row = new string[Columns.Length];
        long ordinal = 0;
        foreach (var story in stories)
        {
            ordinal++;
            var f = StoryFacts.Of(story, mentions);
            Array.Fill(row, "");
            var day = EventDay(f);
            row[0] = NumericId(story.Id, ordinal).ToString(CultureInfo.InvariantCulture);
            if (day is { } d)
            {
                row[1] = d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                row[2] = d.ToString("yyyyMM", CultureInfo.InvariantCulture);
                row[3] = d.Year.ToString(CultureInfo.InvariantCulture);
                row[4] = (d.Year + (d.DayOfYear - 1) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture);
            }
            var (source, target) = f.Roles();
            WriteActor(row, 5, source);
            WriteActor(row, 15, target);
            row[25] = f.Members.Exists(m => m.Event.Sentence == 0) ? "1" : "0";
            var category = f.Category;
            if (category?.CameoRoot is { } root)
            {
                row[26] = root;
                row[27] = root;
                row[28] = root;
                if (Goldstein.TryGetValue(root, out double g)) row[30] = g.ToString("0.0", CultureInfo.InvariantCulture);
            }
            if (category is not null) row[29] = ((int)category.Quad).ToString(CultureInfo.InvariantCulture);
            row[31] = f.Members.Count.ToString(CultureInfo.InvariantCulture);
            row[32] = Math.Max(1, f.Outlets.Count).ToString(CultureInfo.InvariantCulture);
            row[33] = f.Documents.ToString(CultureInfo.InvariantCulture);
            row[35] = "0";
            row[43] = "0";
            if (story.Location is not null || story.LocationCountry is not null)
            {
                row[51] = story.Location is null ? "1" : "4"; // 1 country, 4 world city (GDELT geo types)
                row[52] = story.Location ?? story.LocationCountry!;
                row[53] = story.LocationCountry ?? "";
                if (f.Coordinates() is { } ll)
                {
                    row[56] = ll.Lat.ToString("0.####", CultureInfo.InvariantCulture);
                    row[57] = ll.Lon.ToString("0.####", CultureInfo.InvariantCulture);
                }
            }
            else row[51] = "0";
            if (f.FirstPublished is { } p) row[59] = p.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000";
            row[60] = f.Members.Select(m => m.Url).OfType<string>().FirstOrDefault() ?? f.Members.FirstOrDefault()?.Document ?? "";
            for (int i = 0; i < row.Length; i++)
            {
                if (i > 0) output.Write('\t');
                output.Write(Clean(row[i]));
            }
            output.Write('\n');
        }
    }

    /// <summary>The day the event happened: the story's date padded to its first day, else the first report's publication date.</summary>
    internal static DateOnly? EventDay(StoryFacts f) => EventDate.Parse(f.Story.Date)?.First ?? f.FirstPublished;

    // GDELT ids are integers: the digits of a story id ("s42" → 42), else the row's ordinal
    private static long NumericId(string id, long ordinal)
    {
        int i = id.Length;
        while (i > 0 && char.IsAsciiDigit(id[i - 1])) i--;
        return i < id.Length && long.TryParse(id.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : ordinal;
    }

    private static void WriteActor(string[] row, int at, List<EventActor> actors)
    {
        if (actors.Count == 0) return;
        var a = actors[0];
        bool country = a.Code is { Length: 3 } code && code.All(char.IsAsciiLetterUpper);
        row[at] = a.Code ?? "";
        row[at + 1] = (a.Name ?? a.Code ?? "").ToUpperInvariant();
        row[at + 2] = country ? a.Code! : "";
    }

    // a tab or line break inside a field would shift the columns
    private static string Clean(string field) =>
        field.AsSpan().IndexOfAny("\t\r\n") < 0 ? field : field.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    private static FrozenDictionary<string, double> LoadGoldstein()
    {
        const string name = "goldstein-cameo-root.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from Depeche.Export.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 2 || cols[0].Length != 2 || !double.TryParse(cols[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double g))
                throw new FormatException($"{name}:{lineNumber}: expected 'cameo_root<TAB>goldstein<TAB>name'.");
            map[cols[0]] = g;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
