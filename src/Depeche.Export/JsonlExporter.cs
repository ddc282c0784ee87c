using System.Text.Encodings.Web;
using System.Text.Json;
using Depeche.Linking;
using Depeche.Serialization;

namespace Depeche.Export;

/// <summary>
/// <c>jsonl</c>: one line per document-level mention, by document then position in the document: the SCHEMA.md event fields (as
/// DocumentJsonWriter writes them) plus <c>id</c>, <c>document</c>, <c>outlet</c>, <c>url</c>, <c>published</c>,
/// <c>sentence_text</c> and <c>story</c>. <c>score_links.py</c> reads it.
/// </summary>
internal static class JsonlExporter
{
    internal static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, IReadOnlyList<Story> stories, IReadOnlyDictionary<string, EventMention> mentions)
    {
        var rows = new List<(EventMention Mention, string Story)>();
        foreach (var story in stories)
            foreach (var key in story.Members)
                if (mentions.TryGetValue(key, out var m)) rows.Add((m, story.Id));
        rows.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Mention.Document, b.Mention.Document);
            return c != 0 ? c : a.Mention.Index.CompareTo(b.Mention.Index);
        });
        var buffer = new MemoryStream();
        foreach (var (m, story) in rows)
        {
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer, Options))
                WriteMention(w, m, story);
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            output.Write('\n');
        }
    }

    public static void WriteMention(Utf8JsonWriter w, EventMention m, string story)
    {
        var e = m.Event;
        w.WriteStartObject();
        w.WriteString("id", m.Key);
        w.WriteString("type", e.Type);
        if (e.Mode is not null) w.WriteString("mode", e.Mode);
        if (Plover.Categories.TryGetValue(e.Type, out var category))
        {
            w.WriteString("quad", category.QuadLabel);
            if (category.CameoRoot is not null) w.WriteString("cameo", category.CameoRoot);
        }
        DocumentJsonWriter.WriteActors(w, "actors", e.Actors, null);
        DocumentJsonWriter.WriteActors(w, "source", e.Source, null);
        DocumentJsonWriter.WriteActors(w, "target", e.Target, null);
        if (e.Location is { } loc)
        {
            w.WriteStartObject("location");
            if (loc.Name is not null) w.WriteString("name", loc.Name);
            if (loc.Country is not null) w.WriteString("country", loc.Country);
            if (loc.Latitude is { } lat) w.WriteNumber("lat", lat);
            if (loc.Longitude is { } lon) w.WriteNumber("lon", lon);
            if (loc.Span is { } span) { w.WriteNumber("start", span.Start); w.WriteNumber("end", span.End); }
            w.WriteEndObject();
        }
        if (e.Date is not null) w.WriteString("date", e.Date); else w.WriteNull("date");
        w.WriteString("status", e.Status.ToString().ToLowerInvariant());
        w.WriteStartObject("trigger");
        w.WriteNumber("start", e.Trigger.Start);
        w.WriteNumber("end", e.Trigger.End);
        w.WriteString("text", m.TriggerText);
        w.WriteEndObject();
        w.WriteNumber("sentence", e.Sentence);
        w.WriteStartArray("evidence");
        foreach (var span in e.Evidence)
        {
            w.WriteStartObject();
            w.WriteNumber("start", span.Start);
            w.WriteNumber("end", span.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
        w.WriteString("document", m.Document);
        if (m.Outlet is not null) w.WriteString("outlet", m.Outlet); else w.WriteNull("outlet");
        if (m.Url is not null) w.WriteString("url", m.Url); else w.WriteNull("url");
        if (m.Published is { } p) w.WriteString("published", p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else w.WriteNull("published");
        w.WriteString("sentence_text", m.SentenceText);
        w.WriteString("story", story);
        w.WriteEndObject();
    }
}
