using System.Globalization;
using System.Text.Json;
using Depeche.Linking;

namespace Depeche.Export;

/// <summary>
/// <c>plover</c>: one JSON object per line and per story event with the PLOVER / POLECAT field names
/// (<c>event_id</c>, <c>event_date</c>, <c>event_type</c>, <c>mode</c>, <c>context</c>, <c>source</c>,
/// <c>source_actor</c>, <c>source_country</c>, <c>target</c>…, <c>city</c>, <c>country</c>, <c>latitude</c>,
/// <c>longitude</c>, <c>story_ids</c>, <c>publication_date</c>) plus the quad class, the CAMEO root and the mentions
/// it was read from. docs/export.md gives the mapping.
/// </summary>
internal static class PloverExporter
{
    public static void Write(TextWriter output, IReadOnlyList<Story> stories, IReadOnlyDictionary<string, EventMention> mentions)
    {
        var buffer = new MemoryStream();
        foreach (var story in stories)
        {
            var f = StoryFacts.Of(story, mentions);
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer, JsonlExporter.Options))
                WriteStory(w, f);
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            output.Write('\n');
        }
    }

    private static void WriteStory(Utf8JsonWriter w, StoryFacts f)
    {
        var story = f.Story;
        w.WriteStartObject();
        w.WriteString("event_id", story.Id);
        if (story.Date is not null) w.WriteString("event_date", story.Date); else w.WriteNull("event_date");
        w.WriteString("event_type", story.Type);
        if (f.Mode is { } mode) w.WriteString("mode", mode); else w.WriteNull("mode");
        w.WriteStartArray("context");
        w.WriteEndArray();
        if (f.Category is { } c)
        {
            w.WriteString("quad_class", c.QuadLabel);
            if (c.CameoRoot is not null) w.WriteString("cameo_root", c.CameoRoot); else w.WriteNull("cameo_root");
        }
        var (source, target) = f.Roles();
        WriteActor(w, "source", source);
        WriteActor(w, "target", target);
        w.WriteString("status", story.Status.ToString().ToLowerInvariant());
        if (story.Location is not null) w.WriteString("city", story.Location); else w.WriteNull("city");
        if (story.LocationCountry is not null) w.WriteString("country", story.LocationCountry); else w.WriteNull("country");
        if (f.Coordinates() is { } ll) { w.WriteNumber("latitude", ll.Lat); w.WriteNumber("longitude", ll.Lon); }
        else { w.WriteNull("latitude"); w.WriteNull("longitude"); }
        w.WriteStartArray("story_ids");
        foreach (var d in f.Members.Select(m => m.Document).Distinct(StringComparer.Ordinal)) w.WriteStringValue(d);
        w.WriteEndArray();
        if (f.FirstPublished is { } p) w.WriteString("publication_date", p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else w.WriteNull("publication_date");
        w.WriteString("language", "fr");
        w.WriteNumber("num_mentions", f.Members.Count);
        w.WriteNumber("num_documents", f.Documents);
        w.WriteStartArray("outlets");
        foreach (var o in f.Outlets) w.WriteStringValue(o);
        w.WriteEndArray();
        w.WriteStartArray("conflicts");
        foreach (var conflict in story.Conflicts)
        {
            w.WriteStartObject();
            w.WriteString("field", conflict.Field);
            w.WriteStartArray("claims");
            foreach (var claim in conflict.Claims)
            {
                w.WriteStartObject();
                w.WriteString("value", claim.Value);
                w.WriteStartArray("mentions");
                foreach (var m in claim.Mentions) w.WriteStringValue(m);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("mentions");
        foreach (var m in f.Members)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Key);
            w.WriteString("story_id", m.Document);
            if (m.Outlet is not null) w.WriteString("outlet", m.Outlet);
            if (m.Url is not null) w.WriteString("url", m.Url);
            if (m.Published is { } mp) w.WriteString("publication_date", mp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("sentence_number", m.Event.Sentence + 1);
            w.WriteString("event_text", m.SentenceText);
            w.WriteString("trigger", m.TriggerText);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // PLOVER: "source" is the actor as named, "source_actor" its code, "source_country" its country
    private static void WriteActor(Utf8JsonWriter w, string role, List<EventActor> actors)
    {
        string Join(Func<EventActor, string?> pick) => string.Join("; ", actors.Select(pick).OfType<string>().Distinct(StringComparer.Ordinal));
        if (actors.Count == 0)
        {
            w.WriteNull(role);
            w.WriteNull(role + "_actor");
            w.WriteNull(role + "_country");
            return;
        }
        w.WriteString(role, Join(a => a.Name ?? a.Code));
        w.WriteString(role + "_actor", Join(a => a.Code ?? a.Name));
        string countries = Join(a => a.Code is { Length: 3 } code && code.All(char.IsAsciiLetterUpper) ? code : null);
        if (countries.Length > 0) w.WriteString(role + "_country", countries); else w.WriteNull(role + "_country");
    }
}
