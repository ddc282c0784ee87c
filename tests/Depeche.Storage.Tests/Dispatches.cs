using Depeche.Text;

namespace Depeche.Storage.Tests;

/// <summary>Hand-built documents for the store tests: text written for them, layers placed by finding words in it.</summary>
internal static class Dispatches
{
    public sealed record EventSpec(string Trigger, string Type, string? Date, string[] Actors, string? Place = null);

    public static Document Make(string name, string text, string? published, EventSpec[] events, (string Quote, string Speaker)[]? quotes = null)
    {
        var doc = new Document(name, text, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        doc.Sentences = [new Sentence(new TextSpan(0, text.Length), 0, 0, SegmentKind.Sentence)];
        doc.Credits.Add("AFP");
        var entities = new List<Entity>();
        var mentions = new List<EntityMention>();
        foreach (var (quote, speaker) in quotes ?? [])
        {
            int at = text.IndexOf(speaker, StringComparison.Ordinal);
            mentions.Add(new EntityMention(new TextSpan(at, at + speaker.Length), EntityType.PER, MentionKind.Name, entities.Count));
            entities.Add(new Entity { Id = $"e{entities.Count + 1}", Type = EntityType.PER, Name = speaker, Mentions = [mentions.Count - 1] });
        }
        doc.Mentions = [.. mentions];
        doc.Entities = [.. entities];
        doc.Quotes = [.. (quotes ?? []).Select(q =>
        {
            int at = text.IndexOf(q.Quote, StringComparison.Ordinal);
            return new Quote { Span = new TextSpan(at, at + q.Quote.Length), Direct = true, Speaker = new Speaker { Name = q.Speaker }, Verb = "déclarer" };
        })];
        doc.Times = [];
        doc.Events = [.. events.Select(e =>
        {
            int at = text.IndexOf(e.Trigger, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"trigger '{e.Trigger}' is not in the text of {name}");
            var trigger = new TextSpan(at, at + e.Trigger.Length);
            EventLocation? place = null;
            if (e.Place is { } p)
            {
                int pa = text.IndexOf(p, StringComparison.Ordinal);
                place = new EventLocation(p, "TUR", 41.01, 28.97, pa >= 0 ? new TextSpan(pa, pa + p.Length) : null);
            }
            return new Event
            {
                Type = e.Type,
                Actors = [.. e.Actors.Select(a => new EventActor(a, a == "RUS" ? "Russie" : a == "USA" ? "États-Unis" : null))],
                Date = e.Date,
                Location = place,
                Trigger = trigger,
                Sentence = 0,
                Evidence = [trigger],
                Confidence = 0.8,
            };
        })];
        return doc;
    }

    public static readonly string IstanbulAfp =
        "Des diplomates russes et américains se sont réunis jeudi à Istanbul pour des pourparlers sur le fonctionnement des ambassades. " +
        "« Nous avons avancé », a déclaré Tammy Bruce, porte-parole du département d'État, devant la presse à l'Élysée du Bosphore.";
    public static readonly string IstanbulReuters =
        "La Russie et les États-Unis ont tenu jeudi une réunion à Istanbul consacrée à leurs missions diplomatiques, selon Moscou. " +
        "Le cœur des discussions portait sur les visas.";
    public static readonly string MayMeeting =
        "Un mois plus tard, Russes et Américains se sont retrouvés pour une nouvelle réunion, cette fois à Riyad.";

    public static Document Afp() => Make("afp-istanbul", IstanbulAfp, "2025-04-11",
        [new("pourparlers", "CONSULT", "2025-04-10", ["RUS", "USA"], "Istanbul")], [("« Nous avons avancé »", "Tammy Bruce")]);
    public static Document Reuters() => Make("reuters-istanbul", IstanbulReuters, "2025-04-11",
        [new("réunion", "CONSULT", "2025-04-10", ["RUS", "USA"], "Istanbul")]);
    public static Document May() => Make("lemonde-riyad", MayMeeting, "2025-05-12",
        [new("réunion", "CONSULT", "2025-05", ["RUS", "USA"], "Riyad")]);
}
