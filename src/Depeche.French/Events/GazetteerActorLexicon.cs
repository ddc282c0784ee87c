using System.Collections.Frozen;
using Depeche.French.Entities;
using Depeche.French.Resources;

namespace Depeche.French.Events;

/// <summary>
/// Demonyms from the entity gazetteer ("Russes", "américaine") and compound prefixes from
/// <c>demonym-prefixes.tsv</c> ("russo-", "franco-"); places (cities, regions, countries) with their coordinates.
/// Immutable and thread-safe.
/// </summary>
public sealed class GazetteerActorLexicon : IActorLexicon
{
    private static readonly Lazy<GazetteerActorLexicon> french = new(() => new GazetteerActorLexicon(Gazetteer.Default,
        Lexicon.Read("demonym-prefixes.tsv", 2).ToFrozenDictionary(r => NameFolding.Fold(r.Columns[0]), r => r.Columns[1], StringComparer.Ordinal)));

    /// <summary>The French lexicon over the default gazetteer.</summary>
    public static GazetteerActorLexicon French => french.Value;

    private readonly Gazetteer gazetteer;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> prefixes;

    public GazetteerActorLexicon(Gazetteer gazetteer, FrozenDictionary<string, string> prefixes)
    {
        this.gazetteer = gazetteer;
        this.prefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGetDemonym(ReadOnlySpan<char> word, out string code)
    {
        Span<char> folded = stackalloc char[NameFolding.MaxLength(Math.Min(word.Length, 64))];
        int n = NameFolding.Fold(word[..Math.Min(word.Length, 64)], folded);
        if (gazetteer.Demonyms.TryGetValue(folded[..n], out var demonym)) { code = demonym.Country; return true; }
        if (prefixes.TryGetValue(folded[..n], out var country)) { code = country; return true; }
        code = "";
        return false;
    }

    public bool TryGetPlace(string name, out EventLocation location)
    {
        location = null!;
        if (gazetteer.Find(name) is not { } entry || entry.Type != EntityType.LOC) return false;
        location = new EventLocation(entry.Name, entry.Country, entry.Latitude, entry.Longitude);
        return true;
    }
}
