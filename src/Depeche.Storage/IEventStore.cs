using Depeche.Linking;

namespace Depeche.Storage;

/// <summary>
/// A persistent store of processed dispatches: documents (text, hash, outlet, URL, published, credits), entities with
/// their mentions, times, quotations, document-level events with their evidence, the story each event was linked to,
/// and the decision that put it there. One writer at a time: <see cref="Store"/> is not thread-safe; queries may run
/// on another instance opened on the same database.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    string Backend { get; }

    /// <summary>Hash of every stored document, by name (what a batch can skip before running the pipeline).</summary>
    IReadOnlyDictionary<string, string> DocumentHashes();

    /// <summary>
    /// Stores a batch in one transaction: a document whose name and hash are already stored is skipped; one whose
    /// name is stored with another hash replaces the old version (its events leave their stories first); each new
    /// event is linked into a story. A failure (or a killed process) leaves the database as it was before the batch.
    /// </summary>
    StoreResult Store(IReadOnlyList<DocumentRecord> batch);

    /// <summary>Counts of documents, events, stories, quotations and entities.</summary>
    StoreStatistics Statistics();

    /// <summary>Document-level events matching <paramref name="query"/>, by document name then position.</summary>
    IReadOnlyList<StoredEvent> Events(EventQuery query);

    /// <summary>Dated story events where every actor of <paramref name="actors"/> takes part, in date order.</summary>
    IReadOnlyList<TimelineEntry> Timeline(IReadOnlyList<string> actors, int quotesPerStory = 3);

    /// <summary>Full-text search (folded: "elysee" finds "Élysée") over document texts and quotations, best first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit = 20);

    /// <summary>Actors of events with counts by role, most frequent first.</summary>
    IReadOnlyList<ActorSummary> Actors();

    /// <summary>Quotations, of one speaker (folded name match) when given.</summary>
    IReadOnlyList<StoredQuote> Quotes(string? speaker, int limit = 1000);

    /// <summary>The decision that linked event mention <paramref name="key"/> (<c>DOCUMENT#INDEX</c>), or null.</summary>
    LinkDecision? Why(string key);

    /// <summary>Every stored story event.</summary>
    IReadOnlyList<Story> Stories();

    /// <summary>Every stored event mention, by key (for exports).</summary>
    IReadOnlyDictionary<string, EventMention> Mentions();
}
