using Depeche.Text;

namespace Depeche;

/// <summary>Whether an event happened, will happen, did not, or only might.</summary>
public enum EventStatus : byte { Asserted, Future, Negated, Hypothetical }

/// <summary>An event argument: an actor code (ISO alpha-3) and/or a name, with the mention it came from.</summary>
public sealed record EventActor(string? Code, string? Name, string? Entity = null, TextSpan? Span = null);

/// <summary>Where an event took place; <see cref="Name"/> is null when only the country is known ("a été interdit" by a state's office: in that state).</summary>
public sealed record EventLocation(string? Name, string? Country, double? Latitude = null, double? Longitude = null, TextSpan? Span = null);

/// <summary>A PLOVER event with its arguments and the evidence it was read from.</summary>
public sealed class Event
{
    /// <summary>PLOVER category (CONSULT, SANCTION, …).</summary>
    public required string Type { get; init; }
    public string? Mode { get; init; }
    /// <summary>Parties of a symmetric event.</summary>
    public IReadOnlyList<EventActor> Actors { get; init; } = [];
    public IReadOnlyList<EventActor> Source { get; init; } = [];
    public IReadOnlyList<EventActor> Target { get; init; } = [];
    public EventLocation? Location { get; init; }
    public string? Date { get; init; }
    public EventStatus Status { get; init; }
    public required TextSpan Trigger { get; init; }
    /// <summary>Index of the sentence in <see cref="Document.Sentences"/> holding the trigger.</summary>
    public required int Sentence { get; init; }
    public IReadOnlyList<TextSpan> Evidence { get; init; } = [];
    public double Confidence { get; init; }
}
