using Depeche.Linking;
using Depeche.Text;

namespace Depeche.Linking.Tests;

/// <summary>Builds document-level mentions for the tests, as a store would hand them to the linker.</summary>
internal static class Mentions
{
    public static EventActor A(string code, string? name = null) => new(code, name);
    public static EventActor Named(string name) => new(null, name);

    public static EventMention Make(
        string document, int index, string type, string? mode = null,
        EventActor[]? actors = null, EventActor[]? source = null, EventActor[]? target = null,
        string? date = null, string? place = null, string? country = null, string? published = null,
        EventStatus status = EventStatus.Asserted, string? outlet = null, string? url = null,
        double? lat = null, double? lon = null, int sentence = 0)
    {
        var e = new Event
        {
            Type = type,
            Mode = mode,
            Actors = actors ?? [],
            Source = source ?? [],
            Target = target ?? [],
            Date = date,
            Location = place is null && country is null ? null : new EventLocation(place, country, lat, lon),
            Status = status,
            Trigger = new TextSpan(0, 5),
            Sentence = sentence,
            Confidence = 0.9,
        };
        return new EventMention(EventMention.MakeKey(document, index), document, index, outlet, url,
            published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
            e, "réunion", $"Phrase de {document} sur {type}.");
    }

    /// <summary>A CONSULT meeting between France and Algeria.</summary>
    public static EventMention Talks(string document, string? date, string? place = "Alger", string? published = null, string mode = "meet", int index = 0) =>
        Make(document, index, "CONSULT", mode, [A("FRA"), A("DZA")], date: date, place: place, country: place is null ? null : place == "Paris" ? "FRA" : "DZA",
            published: published ?? date);
}
