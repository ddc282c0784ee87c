namespace Depeche.Linking;

/// <summary>One value of a field as reported, and the mentions that report it.</summary>
public sealed record Claim(string Value, IReadOnlyList<string> Mentions);

/// <summary>
/// A field on which the reports of one story disagree (two venues, two dates of the same granularity…): every
/// claim is kept side by side, none is silently dropped.
/// </summary>
public sealed record Conflict(string Field, IReadOnlyList<Claim> Claims);

/// <summary>
/// A story event: one real-world event and every document-level mention linked to it, with the fields the reports
/// agree on and the ones they dispute.
/// </summary>
public sealed class Story
{
    /// <summary>Store-wide id of the story (stable once assigned).</summary>
    public required string Id { get; init; }

    /// <summary>PLOVER category shared by every member.</summary>
    public required string Type { get; init; }

    /// <summary>Keys (<see cref="EventMention.Key"/>) of the member mentions, in the order they joined.</summary>
    public List<string> Members { get; } = [];

    /// <summary>Agreed actor codes or names (union of the members' parties).</summary>
    public List<string> Actors { get; } = [];

    /// <summary>Agreed date: the most precise value compatible with every member's date; null when none is dated.</summary>
    public string? Date { get; set; }

    /// <summary>Agreed place name, null when unknown or disputed (see <see cref="Conflicts"/>).</summary>
    public string? Location { get; set; }

    /// <summary>Country (alpha-3) of the agreed place.</summary>
    public string? LocationCountry { get; set; }

    /// <summary>Status most members give (asserted, future…).</summary>
    public EventStatus Status { get; set; }

    /// <summary>Fields the members disagree on.</summary>
    public List<Conflict> Conflicts { get; } = [];
}
