using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Depeche.Linking;
using Depeche.Serialization;

namespace Depeche.Storage;

/// <summary>
/// A processed document ready to store: every layer flattened into rows, each event with its SCHEMA.md JSON and the
/// texts that show it without the document. Built on a worker thread (<see cref="Create"/> is thread-safe), written by
/// the one writer.
/// </summary>
public sealed class DocumentRecord
{
    public required string Name { get; init; }
    /// <summary>SHA-256 (hex) of the text and metadata: the same input stored twice is recognised and skipped.</summary>
    public required string Hash { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public DateOnly? Published { get; init; }
    public IReadOnlyList<string> Credits { get; init; } = [];
    public required string Text { get; init; }
    /// <summary>The text folded for full-text search (<see cref="TextFolding"/>).</summary>
    public required string FoldedText { get; init; }
    public IReadOnlyList<EntityRow> Entities { get; init; } = [];
    public IReadOnlyList<TimeRow> Times { get; init; } = [];
    public IReadOnlyList<QuoteRow> Quotes { get; init; } = [];
    public IReadOnlyList<EventRow> Events { get; init; } = [];

    /// <summary>The hash <see cref="Hash"/> holds for these inputs.</summary>
    public static string ComputeHash(string text, DateOnly? published, string? outlet, string? url)
    {
        var bytes = Encoding.UTF8.GetBytes($"{published:yyyy-MM-dd}\u0001{outlet}\u0001{url}\u0001{text}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Flattens a processed <paramref name="document"/>. <paramref name="hash"/> defaults to <see cref="ComputeHash"/>.</summary>
    public static DocumentRecord Create(Document document, string? outlet = null, string? url = null, string? title = null, string? hash = null)
    {
        var entities = new List<EntityRow>(document.Entities.Length);
        for (int i = 0; i < document.Entities.Length; i++)
        {
            var e = document.Entities[i];
            var spans = new StringBuilder();
            foreach (int m in e.Mentions)
            {
                var mention = document.Mentions[m];
                if (spans.Length > 0) spans.Append(';');
                spans.Append(mention.Span.Start).Append('-').Append(mention.Span.End).Append(':').Append(mention.Kind.ToString().ToLowerInvariant());
            }
            entities.Add(new EntityRow(i, e.Id, e.Type.ToString(), e.Name, e.Country, e.Role, spans.ToString()));
        }
        var times = new List<TimeRow>(document.Times.Length);
        for (int i = 0; i < document.Times.Length; i++)
        {
            var t = document.Times[i];
            times.Add(new TimeRow(i, t.Span.Start, t.Span.End, t.Type.ToString().ToUpperInvariant(), t.Value, t.Begin, t.End, t.ToleranceDays));
        }
        var quotes = new List<QuoteRow>(document.Quotes.Length);
        for (int i = 0; i < document.Quotes.Length; i++)
        {
            var q = document.Quotes[i];
            var text = document.Slice(q.Span);
            quotes.Add(new QuoteRow(i, q.Span.Start, q.Span.End, q.Direct, text, TextFolding.Fold(text), q.Speaker?.Entity, q.Speaker?.Name,
                q.Speaker?.Description, q.Speaker?.Country, q.Verb, q.Date, q.Medium));
        }
        return new DocumentRecord
        {
            Name = document.Id,
            Hash = hash ?? ComputeHash(document.Text, document.Published, outlet, url),
            Outlet = outlet,
            Url = url,
            Title = title,
            Published = document.Published,
            Credits = [.. document.Credits],
            Text = document.Text,
            FoldedText = TextFolding.Fold(document.Text),
            Entities = entities,
            Times = times,
            Quotes = quotes,
            Events = EventRow.Create(document, outlet, url),
        };
    }
}

/// <summary>An entity; <see cref="Mentions"/> packs its mentions as <c>start-end:kind</c> separated by <c>;</c>.</summary>
public sealed record EntityRow(int Index, string Id, string Type, string Name, string? Country, string? Role, string Mentions);

/// <summary>A temporal expression.</summary>
public sealed record TimeRow(int Index, int Start, int End, string Type, string? Value, string? RangeBegin, string? RangeEnd, int? ToleranceDays);

/// <summary>A quotation with its speaker.</summary>
public sealed record QuoteRow(int Index, int Start, int End, bool Direct, string Text, string FoldedText, string? SpeakerEntity,
    string? SpeakerName, string? SpeakerDescription, string? SpeakerCountry, string? Verb, string? Date, string? Medium);

/// <summary>An actor of an event, by role (<c>actors</c>, <c>source</c>, <c>target</c>).</summary>
public sealed record ActorRow(string Role, string? Code, string? Name);

/// <summary>
/// A document-level event: its mention for the linker, the SCHEMA.md JSON DocumentJsonWriter writes for it (spans with
/// their text), and the columns queries filter on.
/// </summary>
public sealed record EventRow(EventMention Mention, string Json, string? DateBegin, string? DateEnd, IReadOnlyList<ActorRow> Actors)
{
    /// <summary>Rows for every event of <paramref name="document"/>.</summary>
    public static IReadOnlyList<EventRow> Create(Document document, string? outlet, string? url)
    {
        if (document.Events.Length == 0) return [];
        // the writer's own event JSON, so stored events read exactly like `depeche extract` output
        var stub = new Document(document.Id, document.Text, document.Published) { Events = document.Events, Sentences = document.Sentences };
        using var json = JsonDocument.Parse(DocumentJsonWriter.ToJson(stub));
        var array = json.RootElement.GetProperty("events");
        var rows = new List<EventRow>(document.Events.Length);
        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            var e = document.Events[i];
            var sentence = e.Sentence >= 0 && e.Sentence < document.Sentences.Length ? document.Slice(document.Sentences[e.Sentence].Span) : "";
            var mention = new EventMention(EventMention.MakeKey(document.Id, i), document.Id, i, outlet, url, document.Published, e,
                document.Slice(e.Trigger), sentence);
            rows.Add(FromMention(mention, element.GetRawText()));
            i++;
        }
        return rows;
    }

    /// <summary>A row for a mention whose JSON is known.</summary>
    public static EventRow FromMention(EventMention mention, string json)
    {
        var range = DateRange.Of(mention.Event.Date);
        var actors = new List<ActorRow>();
        foreach (var a in mention.Event.Actors) actors.Add(new ActorRow("actors", a.Code, a.Name));
        foreach (var a in mention.Event.Source) actors.Add(new ActorRow("source", a.Code, a.Name));
        foreach (var a in mention.Event.Target) actors.Add(new ActorRow("target", a.Code, a.Name));
        return new EventRow(mention, json, range is { } r ? DateRange.Text(r.First) : null, range is { } r2 ? DateRange.Text(r2.Last) : null, actors);
    }
}

/// <summary>What <see cref="IEventStore.Store"/> did with one document.</summary>
public enum StoreOutcome { Added, Replaced, Unchanged }

/// <summary>What <see cref="IEventStore.Store"/> did with a batch.</summary>
public sealed record StoreResult(int Added, int Replaced, int Unchanged, int Events, IReadOnlyList<StoreOutcome> Outcomes);

/// <summary>Sizes of a store.</summary>
public sealed record StoreStatistics(long Documents, long Events, long Stories, long Quotes, long Entities);

/// <summary>Filter of <see cref="IEventStore.Events"/>: every actor given must take part (by code or name, folded).</summary>
public sealed record EventQuery
{
    public IReadOnlyList<string> Actors { get; init; } = [];
    public string? Type { get; init; }
    /// <summary>Events whose date ends on or after this day (undated events are left out when a bound is given).</summary>
    public DateOnly? From { get; init; }
    /// <summary>Events whose date starts on or before this day.</summary>
    public DateOnly? To { get; init; }
    public string? Document { get; init; }
    public int? Limit { get; init; }
}

/// <summary>A document-level event as stored: SCHEMA.md JSON, its document and story.</summary>
public sealed record StoredEvent(string Key, string Document, string? Story, string Type, string? Date, string Json, string? Outlet, string TriggerText);

/// <summary>A report of a story event: which document and outlet, and the sentence.</summary>
public sealed record StorySource(string Key, string Document, string? Outlet, string? Url, string? Published, string TriggerText, string SentenceText);

/// <summary>A quotation as stored, with its document.</summary>
public sealed record StoredQuote(string Document, string? Speaker, string Text, bool Direct, string? Verb, string? Date);

/// <summary>One story event of a timeline, with its reports and quotations from them.</summary>
public sealed record TimelineEntry(Story Story, IReadOnlyList<StorySource> Sources, IReadOnlyList<StoredQuote> Quotes);

/// <summary>A full-text match: in a document's text or in a quotation.</summary>
public sealed record SearchHit(string Kind, string Document, string Snippet, double Score);

/// <summary>An actor with how often it takes part in events, by role.</summary>
public sealed record ActorSummary(string Actor, string? Code, string? Name, long Events, IReadOnlyDictionary<string, long> Roles);
