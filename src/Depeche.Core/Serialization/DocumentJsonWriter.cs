using System.Text.Encodings.Web;
using System.Text.Json;
using Depeche.Text;

namespace Depeche.Serialization;

/// <summary>
/// Writes a <see cref="Document"/> as the per-document JSON of the evaluation schema (SCHEMA.md), with offsets.
/// Thread-safe (stateless).
/// </summary>
public static partial class DocumentJsonWriter
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Writer options matching <paramref name="options"/> (relaxed escaping keeps French readable).</summary>
    public static JsonWriterOptions WriterOptions(JsonOutputOptions options) => options.Indented ? Pretty : Compact;

    /// <summary>Serialises <paramref name="document"/> to a UTF-8 JSON string.</summary>
    public static string ToJson(Document document, JsonOutputOptions? options = null)
    {
        options ??= new JsonOutputOptions();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(options)))
            Write(writer, document, options);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes <paramref name="document"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Document document, JsonOutputOptions options)
    {
        writer.WriteStartObject();
        WriteDocument(writer, document, options);
        if (options.IncludeTokens)
        {
            WriteSentences(writer, document);
            WriteTokens(writer, document);
        }
        WriteEntities(writer, document);
        WriteTimes(writer, document);
        WriteQuotes(writer, document, "quotes", direct: true);
        WriteQuotes(writer, document, "reported", direct: false);
        WriteEvents(writer, document);
        writer.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter w, Document d, JsonOutputOptions options)
    {
        w.WriteStartObject("document");
        w.WriteString("id", d.Id);
        if (d.Published is { } published) w.WriteString("published", published.ToString("yyyy-MM-dd"));
        else w.WriteNull("published");
        w.WriteStartArray("credits");
        foreach (var credit in d.Credits) w.WriteStringValue(credit);
        w.WriteEndArray();
        if (options.IncludeText) w.WriteString("text", d.Text);
        w.WriteEndObject();
    }

    private static void WriteSentences(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray("sentences");
        foreach (var s in d.Sentences)
        {
            w.WriteStartObject();
            WriteSpan(w, s.Span);
            w.WriteString("kind", s.Kind.ToString().ToLowerInvariant());
            w.WriteNumber("firstToken", s.FirstToken);
            w.WriteNumber("tokenCount", s.TokenCount);
            w.WriteString("text", d[s.Span]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteTokens(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray("tokens");
        for (int i = 0; i < d.Tokens.Length; i++)
        {
            var t = d.Tokens[i];
            w.WriteStartObject();
            WriteSpan(w, t.Span);
            w.WriteString("text", d[t.Span]);
            w.WriteString("kind", t.Kind.ToString().ToLowerInvariant());
            if (i < d.Tags.Length) WriteTag(w, d.Tags[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteTag(Utf8JsonWriter w, TokenTag tag)
    {
        w.WriteString("upos", tag.Label);
        w.WriteString("lemma", tag.Lemma);
        if (tag.Feats != default) w.WriteString("feats", tag.Feats.ToString());
    }

    private static void WriteEntities(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray("entities");
        foreach (var e in d.Entities)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("type", e.Type.ToString());
            w.WriteString("name", e.Name);
            if (e.Country is not null) w.WriteString("country", e.Country);
            if (e.Role is not null) w.WriteString("role", e.Role);
            w.WriteStartArray("mentions");
            foreach (int m in e.Mentions)
            {
                var mention = d.Mentions[m];
                w.WriteStartObject();
                WriteSpan(w, mention.Span);
                w.WriteString("text", d[mention.Span]);
                w.WriteString("kind", mention.Kind.ToString().ToLowerInvariant());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteTimes(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray("times");
        foreach (var t in d.Times)
        {
            w.WriteStartObject();
            WriteSpan(w, t.Span);
            w.WriteString("text", d[t.Span]);
            w.WriteString("type", t.Type.ToString().ToUpperInvariant());
            if (t.Value is not null) w.WriteString("value", t.Value); else w.WriteNull("value");
            if (t.Begin is not null || t.End is not null)
            {
                // a range's ends go in their own object: "end" at the top level is the span's offset
                w.WriteStartObject("range");
                if (t.Begin is not null) w.WriteString("begin", t.Begin);
                if (t.End is not null) w.WriteString("end", t.End);
                w.WriteEndObject();
            }
            if (t.ToleranceDays is { } tol) w.WriteNumber("tolerance_days", tol);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    // "quotes": quotations in marks (what the gold lists); "reported": reported speech ("X a affirmé que …")
    private static void WriteQuotes(Utf8JsonWriter w, Document d, string name, bool direct)
    {
        w.WriteStartArray(name);
        foreach (var q in d.Quotes)
        {
            if (q.Direct != direct) continue;
            w.WriteStartObject();
            WriteSpan(w, q.Span);
            w.WriteString("text", d[q.Span]);
            w.WriteBoolean("direct", q.Direct);
            if (q.Parts.Count > 1)
            {
                w.WriteStartArray("parts");
                foreach (var part in q.Parts) { w.WriteStartObject(); WriteSpan(w, part); w.WriteString("text", d[part]); w.WriteEndObject(); }
                w.WriteEndArray();
            }
            if (q.Speaker is { } s)
            {
                w.WriteStartObject("speaker");
                if (s.Entity is not null) w.WriteString("entity", s.Entity);
                if (s.Name is not null) w.WriteString("name", s.Name);
                if (s.Description is not null) w.WriteString("description", s.Description);
                if (s.Country is not null) w.WriteString("country", s.Country);
                if (s.Span is { } span) WriteSpanObject(w, "mention", span, d);
                w.WriteEndObject();
            }
            if (q.Verb is not null) w.WriteString("verb", q.Verb);
            if (q.VerbSpan is { } verbSpan) WriteSpanObject(w, "verb_span", verbSpan, d);
            if (q.Date is not null) w.WriteString("date", q.Date);
            if (q.Medium is not null) w.WriteString("medium", q.Medium);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteEvents(Utf8JsonWriter w, Document d)
    {
        w.WriteStartArray("events");
        foreach (var e in d.Events)
        {
            w.WriteStartObject();
            w.WriteString("type", e.Type);
            if (e.Mode is not null) w.WriteString("mode", e.Mode);
            if (Plover.Categories.TryGetValue(e.Type, out var category))
            {
                w.WriteString("quad", category.QuadLabel);
                if (category.CameoRoot is not null) w.WriteString("cameo", category.CameoRoot);
            }
            WriteActors(w, "actors", e.Actors, d);
            WriteActors(w, "source", e.Source, d);
            WriteActors(w, "target", e.Target, d);
            if (e.Location is { } loc)
            {
                w.WriteStartObject("location");
                if (loc.Name is not null) w.WriteString("name", loc.Name);
                if (loc.Country is not null) w.WriteString("country", loc.Country);
                if (loc.Latitude is { } lat) w.WriteNumber("lat", lat);
                if (loc.Longitude is { } lon) w.WriteNumber("lon", lon);
                if (loc.Span is { } span) WriteSpan(w, span);
                w.WriteEndObject();
            }
            if (e.Date is not null) w.WriteString("date", e.Date); else w.WriteNull("date");
            w.WriteString("status", e.Status.ToString().ToLowerInvariant());
            WriteSpanObject(w, "trigger", e.Trigger, d);
            w.WriteNumber("sentence", e.Sentence);
            w.WriteStartArray("evidence");
            foreach (var span in e.Evidence)
            {
                w.WriteStartObject();
                WriteSpan(w, span);
                w.WriteString("text", d[span]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// Writes event parties as SCHEMA.md does (<c>code</c>, <c>name</c>, <c>entity</c>, <c>mention</c>); nothing when there
    /// are none. The mention carries its text when <paramref name="d"/> (the document it points into) is given.
    /// </summary>
    public static void WriteActors(Utf8JsonWriter w, string name, IReadOnlyList<EventActor> actors, Document? d)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (actors.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var a in actors)
        {
            w.WriteStartObject();
            if (a.Code is not null) w.WriteString("code", a.Code);
            if (a.Name is not null) w.WriteString("name", a.Name);
            if (a.Entity is not null) w.WriteString("entity", a.Entity);
            if (a.Span is { } span)
            {
                w.WriteStartObject("mention");
                WriteSpan(w, span);
                if (d is not null) w.WriteString("text", d[span]);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter w, TextSpan span)
    {
        w.WriteNumber("start", span.Start);
        w.WriteNumber("end", span.End);
    }

    private static void WriteSpanObject(Utf8JsonWriter w, string name, TextSpan span, Document d)
    {
        w.WriteStartObject(name);
        WriteSpan(w, span);
        w.WriteString("text", d[span]);
        w.WriteEndObject();
    }
}
