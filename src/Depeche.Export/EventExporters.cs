using Depeche.Linking;

namespace Depeche.Export;

/// <summary>
/// Writes story events and their document-level mentions in the formats analysts' tools read: <c>jsonl</c> (one
/// full record per mention, SCHEMA.md fields plus <c>document</c> and <c>story</c>), <c>csv</c> (one row per story),
/// <c>plover</c> (PLOVER JSON field names) and <c>gdelt</c> (GDELT 2.0 event table columns, tab-separated).
/// docs/export.md describes every field. Thread-safe (stateless).
/// </summary>
public static class EventExporters
{
    /// <summary>Format names accepted by <see cref="Write"/>.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["jsonl", "csv", "plover", "gdelt"];

    /// <summary>Goldstein score of a CAMEO root code ("04" → 1.0), from <c>Data/goldstein-cameo-root.tsv</c>; null when unknown.</summary>
    public static double? GoldsteinScale(string cameoRoot) => GdeltExporter.Goldstein.TryGetValue(cameoRoot, out double g) ? g : null;

    /// <summary>Writes <paramref name="stories"/> (and the mentions they reference) to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">Unknown format.</exception>
    public static void Write(string format, TextWriter output, IReadOnlyList<Story> stories, IReadOnlyDictionary<string, EventMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(mentions);
        switch (format?.ToLowerInvariant())
        {
            case "jsonl": JsonlExporter.Write(output, stories, mentions); break;
            case "csv": CsvExporter.Write(output, stories, mentions); break;
            case "plover": PloverExporter.Write(output, stories, mentions); break;
            case "gdelt": GdeltExporter.Write(output, stories, mentions); break;
            default:
                throw new ArgumentException($"unknown export format '{format}'; expected one of: {string.Join(", ", Formats)}.", nameof(format));
        }
    }
}

/// <summary>What the per-story formats need about a story's members.</summary>
internal sealed class StoryFacts
{
    public required Story Story { get; init; }
    public required List<EventMention> Members { get; init; }

    public static StoryFacts Of(Story story, IReadOnlyDictionary<string, EventMention> mentions)
    {
        var members = new List<EventMention>(story.Members.Count);
        foreach (var key in story.Members)
            if (mentions.TryGetValue(key, out var m)) members.Add(m);
        return new StoryFacts { Story = story, Members = members };
    }

    public int Documents => Members.Select(m => m.Document).Distinct(StringComparer.Ordinal).Count();

    public List<string> Outlets => [.. Members.Select(m => m.Outlet).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>Each document once: its URL when known, else its name.</summary>
    public List<string> Sources => [.. Members.Select(m => m.Url ?? m.Document).Distinct(StringComparer.Ordinal)];

    public DateOnly? FirstPublished => Members.Select(m => m.Published).Where(p => p is not null).Min();

    /// <summary>The mode most members give (first on a tie), null when none does.</summary>
    public string? Mode => Members.Where(m => m.Event.Mode is not null && m.Event.Type == Story.Type)
        .GroupBy(m => m.Event.Mode!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    public PloverCategory? Category => Plover.Categories.TryGetValue(Story.Type, out var c) ? c : null;

    /// <summary>Source and target actors for directed events (from the members that give them); the first two parties otherwise.</summary>
    public (List<EventActor> Source, List<EventActor> Target) Roles()
    {
        var source = Distinct(Members.SelectMany(m => m.Event.Source));
        var target = Distinct(Members.SelectMany(m => m.Event.Target));
        if (source.Count > 0 || target.Count > 0) return (source, target);
        var parties = Distinct(Members.SelectMany(m => m.Event.Actors));
        return (parties.Take(1).ToList(), parties.Skip(1).Take(1).ToList());
    }

    private static List<EventActor> Distinct(IEnumerable<EventActor> actors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<EventActor>();
        foreach (var a in actors)
        {
            var key = a.Code ?? a.Name;
            if (key is not null && seen.Add(key)) list.Add(a);
        }
        return list;
    }

    /// <summary>Coordinates of the agreed place, when a member gives them.</summary>
    public (double Lat, double Lon)? Coordinates()
    {
        foreach (var m in Members)
            if (m.Event.Location is { Latitude: { } lat, Longitude: { } lon } loc
                && (Story.Location is null || string.Equals(loc.Name, Story.Location, StringComparison.OrdinalIgnoreCase)))
                return (lat, lon);
        return null;
    }

    /// <summary>"location: Istanbul (TUR) ×2 | Ankara (TUR) ×1; date: …".</summary>
    public string ConflictSummary() => string.Join("; ", Story.Conflicts.Select(c =>
        $"{c.Field}: {string.Join(" | ", c.Claims.Select(cl => $"{cl.Value} ×{cl.Mentions.Count}"))}"));
}
