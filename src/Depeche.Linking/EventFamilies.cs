using System.Collections.Frozen;
using System.Reflection;

namespace Depeche.Linking;

/// <summary>How two (type, mode) pairs relate for linking.</summary>
public enum TypeMatch : byte
{
    /// <summary>They cannot describe one real event.</summary>
    Incompatible,
    /// <summary>Same type, one of them has no mode.</summary>
    ModeMissing,
    /// <summary>Different modes or types of one family (a meeting reported as talks; a strike reported as fighting).</summary>
    Family,
    /// <summary>Same type and mode.</summary>
    Same,
}

/// <summary>
/// Which event types and modes may describe the same real event (<c>Data/event-families.tsv</c>), and the index group
/// of each type (types sharing a family share a group). Immutable and thread-safe.
/// </summary>
public sealed class EventFamilies
{
    private readonly FrozenDictionary<string, string> families; // "TYPE\tmode" or "TYPE\t*" → family
    private readonly FrozenDictionary<string, string> groups;   // TYPE → index group
    private readonly FrozenSet<string> placeBound;               // types whose reports in two places are two events

    private static readonly Lazy<EventFamilies> standard = new(() => Parse(ReadResource("event-families.tsv"), "event-families.tsv"));

    /// <summary>The families shipped with Dépêche.</summary>
    public static EventFamilies Default => standard.Value;

    private EventFamilies(FrozenDictionary<string, string> families, FrozenDictionary<string, string> groups, FrozenSet<string> placeBound)
    {
        this.families = families;
        this.groups = groups;
        this.placeBound = placeBound;
    }

    /// <summary>Parses the TSV format of <c>event-families.tsv</c>; a bad line fails with <c>file:line</c>.</summary>
    public static EventFamilies Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var placeRule = new Dictionary<string, bool>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length != 4 || cols[0].Length == 0 || cols[1].Length == 0 || cols[2].Length == 0 || cols[3] is not ("conflict" or "distinct"))
                throw new FormatException($"{fileName}:{lineNumber}: expected 'type<TAB>mode<TAB>family<TAB>conflict|distinct'.");
            placeRule.TryAdd(cols[0], cols[3] == "distinct");
            if (!map.TryAdd(cols[0] + "\t" + cols[1], cols[2]))
                throw new FormatException($"{fileName}:{lineNumber}: duplicate entry {cols[0]} {cols[1]}.");
        }
        // types that share a family share an index group (union-find over the family names)
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x) x = p;
            return x;
        }
        var firstTypeOfFamily = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, family) in map)
        {
            string type = key[..key.IndexOf('\t', StringComparison.Ordinal)];
            parent.TryAdd(type, type);
            if (firstTypeOfFamily.TryGetValue(family, out var other))
            {
                string a = Find(type), b = Find(other);
                if (a != b) parent[string.CompareOrdinal(a, b) < 0 ? b : a] = string.CompareOrdinal(a, b) < 0 ? a : b;
            }
            else firstTypeOfFamily[family] = type;
        }
        var groups = parent.Keys.ToDictionary(t => t, Find, StringComparer.Ordinal);
        return new EventFamilies(map.ToFrozenDictionary(StringComparer.Ordinal), groups.ToFrozenDictionary(StringComparer.Ordinal),
            placeRule.Where(p => p.Value).Select(p => p.Key).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The family of a (type, mode) pair.</summary>
    public string Family(string type, string? mode)
    {
        if (mode is not null && families.TryGetValue(type + "\t" + mode, out var f)) return f;
        if (families.TryGetValue(type + "\t*", out f)) return f;
        return mode is null ? type : type + ":" + mode;
    }

    /// <summary>The index group of a type: candidates for linking are looked up within it.</summary>
    public string Group(string type) => groups.TryGetValue(type, out var g) ? g : type;

    /// <summary>True when reports of <paramref name="type"/> in two different places are two events (protests, arrests).</summary>
    public bool PlaceBound(string type) => placeBound.Contains(type);

    /// <summary>How (type1, mode1) and (type2, mode2) relate.</summary>
    public TypeMatch Match(string type1, string? mode1, string type2, string? mode2)
    {
        if (type1 == type2 && mode1 == mode2) return TypeMatch.Same;
        if (type1 == type2 && (mode1 is null || mode2 is null)) return TypeMatch.ModeMissing;
        if (Family(type1, mode1) == Family(type2, mode2)) return TypeMatch.Family;
        return TypeMatch.Incompatible;
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from Depeche.Linking.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
