using System.Text.Encodings.Web;
using System.Text.Json;
using Depeche.Linking;
using Depeche.Text;

namespace Depeche.Storage;

/// <summary>
/// Reads back what the store keeps as JSON: events (the SCHEMA.md event object, rebuilt into a <see cref="Event"/>),
/// stories and link decisions. Thread-safe (stateless).
/// </summary>
public static class JsonCodec
{
    private static readonly JsonWriterOptions options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Rebuilds the event a SCHEMA.md event object describes (spans, actors, location, evidence).</summary>
    public static Event ReadEvent(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        var evidence = new List<TextSpan>();
        if (e.TryGetProperty("evidence", out var ev))
            foreach (var span in ev.EnumerateArray()) evidence.Add(Span(span));
        EventLocation? location = null;
        if (e.TryGetProperty("location", out var loc))
            location = new EventLocation(Str(loc, "name"), Str(loc, "country"),
                loc.TryGetProperty("lat", out var lat) ? lat.GetDouble() : null,
                loc.TryGetProperty("lon", out var lon) ? lon.GetDouble() : null,
                loc.TryGetProperty("start", out _) ? Span(loc) : null);
        return new Event
        {
            Type = e.GetProperty("type").GetString()!,
            Mode = Str(e, "mode"),
            Actors = Actors(e, "actors"),
            Source = Actors(e, "source"),
            Target = Actors(e, "target"),
            Location = location,
            Date = Str(e, "date"),
            Status = Enum.Parse<EventStatus>(e.GetProperty("status").GetString()!, ignoreCase: true),
            Trigger = Span(e.GetProperty("trigger")),
            Sentence = e.GetProperty("sentence").GetInt32(),
            Evidence = evidence,
            Confidence = e.TryGetProperty("confidence", out var c) ? c.GetDouble() : 0,
        };
    }

    private static List<EventActor> Actors(JsonElement e, string name)
    {
        var list = new List<EventActor>();
        if (!e.TryGetProperty(name, out var array)) return list;
        foreach (var a in array.EnumerateArray())
            list.Add(new EventActor(Str(a, "code"), Str(a, "name"), Str(a, "entity"), a.TryGetProperty("mention", out var m) ? Span(m) : null));
        return list;
    }

    private static TextSpan Span(JsonElement e) => new(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32());

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, options)) write(w);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A story as one JSON object (id, type, members, actors, date, location, status, conflicts).</summary>
    public static string WriteStory(Story story) => Write(w => WriteStory(w, story));

    /// <summary>Writes <paramref name="story"/> as one JSON object.</summary>
    public static void WriteStory(Utf8JsonWriter w, Story story)
    {
        w.WriteStartObject();
        w.WriteString("id", story.Id);
        w.WriteString("type", story.Type);
        WriteStrings(w, "members", story.Members);
        WriteStrings(w, "actors", story.Actors);
        if (story.Date is not null) w.WriteString("date", story.Date); else w.WriteNull("date");
        if (story.Location is not null) w.WriteString("location", story.Location);
        if (story.LocationCountry is not null) w.WriteString("location_country", story.LocationCountry);
        w.WriteString("status", story.Status.ToString().ToLowerInvariant());
        w.WriteStartArray("conflicts");
        foreach (var c in story.Conflicts)
        {
            w.WriteStartObject();
            w.WriteString("field", c.Field);
            w.WriteStartArray("claims");
            foreach (var claim in c.Claims)
            {
                w.WriteStartObject();
                w.WriteString("value", claim.Value);
                WriteStrings(w, "mentions", claim.Mentions);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads a story written by <see cref="WriteStory(Story)"/>.</summary>
    public static Story ReadStory(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        var story = new Story
        {
            Id = e.GetProperty("id").GetString()!,
            Type = e.GetProperty("type").GetString()!,
            Date = Str(e, "date"),
            Location = Str(e, "location"),
            LocationCountry = Str(e, "location_country"),
            Status = Enum.Parse<EventStatus>(e.GetProperty("status").GetString()!, ignoreCase: true),
        };
        foreach (var m in e.GetProperty("members").EnumerateArray()) story.Members.Add(m.GetString()!);
        foreach (var a in e.GetProperty("actors").EnumerateArray()) story.Actors.Add(a.GetString()!);
        foreach (var c in e.GetProperty("conflicts").EnumerateArray())
        {
            var claims = new List<Claim>();
            foreach (var claim in c.GetProperty("claims").EnumerateArray())
                claims.Add(new Claim(claim.GetProperty("value").GetString()!, [.. claim.GetProperty("mentions").EnumerateArray().Select(x => x.GetString()!)]));
            story.Conflicts.Add(new Conflict(c.GetProperty("field").GetString()!, claims));
        }
        return story;
    }

    /// <summary>A link decision as one JSON object.</summary>
    public static string WriteDecision(LinkDecision d) => Write(w => WriteDecision(w, d));

    /// <summary>Writes <paramref name="d"/> as one JSON object.</summary>
    public static void WriteDecision(Utf8JsonWriter w, LinkDecision d)
    {
        w.WriteStartObject();
        w.WriteString("mention", d.Mention);
        w.WriteString("story", d.Story);
        w.WriteBoolean("new_story", d.NewStory);
        w.WriteNumber("score", Math.Round(d.Score, 4));
        if (d.ComparedWith is not null) w.WriteString("compared_with", d.ComparedWith); else w.WriteNull("compared_with");
        w.WriteStartArray("reasons");
        foreach (var r in d.Reasons)
        {
            w.WriteStartObject();
            w.WriteString("feature", r.Feature);
            w.WriteNumber("weight", Math.Round(r.Weight, 4));
            w.WriteString("explanation", r.Explanation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads a decision written by <see cref="WriteDecision(LinkDecision)"/>.</summary>
    public static LinkDecision ReadDecision(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        var reasons = new List<LinkReason>();
        foreach (var r in e.GetProperty("reasons").EnumerateArray())
            reasons.Add(new LinkReason(r.GetProperty("feature").GetString()!, r.GetProperty("weight").GetDouble(), r.GetProperty("explanation").GetString()!));
        return new LinkDecision(e.GetProperty("mention").GetString()!, e.GetProperty("story").GetString()!, e.GetProperty("new_story").GetBoolean(),
            e.GetProperty("score").GetDouble(), Str(e, "compared_with"), reasons);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>A JSON string literal for <paramref name="value"/> (null → <c>null</c>).</summary>
    public static string Quote(string? value) => value is null ? "null" : Write(w => w.WriteStringValue(value));
}
