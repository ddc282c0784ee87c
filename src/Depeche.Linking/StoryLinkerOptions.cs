namespace Depeche.Linking;

/// <summary>
/// Weights and threshold of <see cref="StoryLinker"/> (docs/linking.md explains each). The defaults were set on the
/// labelled linking set in <c>examples/linking/</c>.
/// </summary>
public sealed record StoryLinkerOptions
{
    /// <summary>A mention joins its best candidate story when the score reaches this.</summary>
    public double Threshold { get; init; } = 2.2;
    /// <summary>Prefix of new story ids (followed by a counter).</summary>
    public string IdPrefix { get; init; } = "s";
    /// <summary>Event families; <see cref="EventFamilies.Default"/> unless given.</summary>
    public EventFamilies? Families { get; init; }

    public double SameTypeAndMode { get; init; } = 1.0;
    public double SameFamily { get; init; } = 0.8;
    public double ModeMissing { get; init; } = 0.7;
    public double SameActors { get; init; } = 1.0;
    public double ActorSubset { get; init; } = 0.7;
    public double ActorOverlap { get; init; } = 0.4;
    public double SameDay { get; init; } = 1.0;
    public double SameCoarseDate { get; init; } = 0.6;
    public double NestedDate { get; init; } = 0.5;
    public double OverlappingDate { get; init; } = 0.3;
    public double NextDayReport { get; init; } = 0.2;
    public double ReportedNearby { get; init; } = 0.3;
    public double ReportedFarAway { get; init; } = -0.5;
    /// <summary>Days between an undated report's publication and the other side's date still deemed "nearby".</summary>
    public int NearbyDays { get; init; } = 7;
    public double SamePlace { get; init; } = 0.5;
    public double OtherVenueSameCountry { get; init; } = -0.2;
    public double OtherPlaceUnknownCountry { get; init; } = -0.3;
    public double OtherCountry { get; init; } = -1.5;
    public double SameStatus { get; init; } = 0.1;
    public double NegatedVersusAsserted { get; init; } = -0.5;
    /// <summary>At most this many undated stories per actor are compared (the most recent), to bound the work.</summary>
    public int UndatedCandidates { get; init; } = 256;
}
