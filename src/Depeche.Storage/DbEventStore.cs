using System.Data.Common;
using System.Globalization;
using Depeche.Linking;

namespace Depeche.Storage;

/// <summary>
/// What both backends share: migrations, the batch writer with linking, and the queries, over ADO.NET with the SQL of
/// a <see cref="StoreSql"/>. The linker is rebuilt from the stored assignments (<see cref="IStoryLinker.Restore"/>) the
/// first time a batch is stored, so read-only commands never pay for it. Not thread-safe.
/// </summary>
internal abstract class DbEventStore : IEventStore
{
    private readonly Func<IStoryLinker> linkerFactory;
    private IStoryLinker? linker;

    protected DbEventStore(DbConnection connection, StoreSql sql, Func<IStoryLinker> linkerFactory)
    {
        Connection = connection;
        Sql = sql;
        this.linkerFactory = linkerFactory;
    }

    protected DbConnection Connection { get; }
    internal StoreSql Sql { get; }
    public abstract string Backend { get; }

    /// <summary>Applies the migrations not yet recorded, each in its own transaction.</summary>
    protected void Migrate()
    {
        using (var create = new Statement(Connection, null, Sql.CreateMigrationsTable)) create.Execute();
        var applied = new HashSet<long>();
        using (var select = new Statement(Connection, null, Sql.SelectVersions))
        using (var r = select.Query())
            while (r.Read()) applied.Add(r.Long(0));
        foreach (var (version, description, statements) in Sql.Migrations)
        {
            if (applied.Contains(version)) continue;
            using var tx = Connection.BeginTransaction();
            foreach (var statement in statements)
                using (var s = new Statement(Connection, tx, statement)) s.Execute();
            using (var record = new Statement(Connection, tx, Sql.InsertVersion))
                record.Execute(version, description, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            tx.Commit();
        }
    }

    public IReadOnlyDictionary<string, string> DocumentHashes()
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var s = new Statement(Connection, null, Sql.DocumentHashes);
        using var r = s.Query();
        while (r.Read()) hashes[r.GetString(0)] = r.GetString(1);
        return hashes;
    }

    private IStoryLinker Linker()
    {
        if (linker is not null) return linker;
        var restored = linkerFactory();
        foreach (var (mention, story) in LoadMentions())
            if (story is not null) restored.Restore(mention, story);
        return linker = restored;
    }

    private List<(EventMention Mention, string? Story)> LoadMentions()
    {
        var list = new List<(EventMention, string?)>();
        using var s = new Statement(Connection, null, Sql.LoadMentions);
        using var r = s.Query();
        while (r.Read())
        {
            var published = r.Str(5) is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
            var mention = new EventMention(r.GetString(0), r.GetString(1), (int)r.Long(2), r.Str(3), r.Str(4), published,
                JsonCodec.ReadEvent(r.GetString(6)), r.GetString(7), r.GetString(8));
            list.Add((mention, r.Str(9)));
        }
        return list;
    }

    /// <summary>Prepared statements of one batch transaction.</summary>
    private sealed class Writer : IDisposable
    {
        public readonly Statement Find, StoriesOf, InsertDocument, InsertEvent,
            UpsertDecision, UpsertStory, DeleteStoryActors, InsertStoryActorsOfMembers, DeleteStory;
        public readonly Statement? InsertDocumentText;
        public readonly RowInserter Entities, Times, Quotes, Actors;
        public readonly RowInserter? QuoteTexts;
        public readonly Statement[] Delete;
        private readonly List<IDisposable> all = [];

        public Writer(DbConnection c, DbTransaction tx, StoreSql sql)
        {
            Statement S(string text, params string[] order) { var s = new Statement(c, tx, text, order); all.Add(s); return s; }
            // (the row inserters below are flushed by FlushRows before anything reads their tables)
            Find = S(sql.FindDocument);
            StoriesOf = S(sql.StoriesOfDocument);
            Delete = [.. sql.DeleteDocument.Select(d => S(d))];
            InsertDocument = S(sql.InsertDocument, "name", "hash", "outlet", "url", "title", "published", "credits", "text", "ingested", "folded");
            InsertDocumentText = sql.InsertDocumentText is { } dt ? S(dt, "id", "folded") : null;
            RowInserter R(string head, string row, params string[] names) { var r = new RowInserter(c, tx, head, row, names); all.Add(r); return r; }
            Entities = R(sql.EntityHead, sql.EntityRow, "doc", "idx", "entity", "type", "name", "country", "role", "mentions");
            Times = R(sql.TimeHead, sql.TimeRow, "doc", "idx", "start", "end", "type", "value", "begin", "rend", "tolerance");
            Quotes = R(sql.QuoteHead, sql.QuoteRow, "id", "doc", "idx", "start", "end", "direct", "text", "sentity", "sname", "sdescription", "scountry", "skey", "verb", "date", "medium", "folded");
            QuoteTexts = sql.QuoteTextHead is { } qt ? R(qt, sql.QuoteTextRow, "id", "folded") : null;
            Actors = R(sql.ActorHead, sql.ActorRow, "mention", "role", "code", "name", "ckey", "nkey");
            InsertEvent = S(sql.InsertEvent);
            UpsertDecision = S(sql.UpsertDecision);
            UpsertStory = S(sql.UpsertStory);
            DeleteStoryActors = S(sql.DeleteStoryActors);
            InsertStoryActorsOfMembers = S(sql.InsertStoryActorsOfMembers);
            DeleteStory = S(sql.DeleteStory);
        }

        public void FlushRows()
        {
            Entities.Flush();
            Times.Flush();
            Quotes.Flush();
            QuoteTexts?.Flush();
            Actors.Flush();
        }

        public void Dispose() { foreach (var s in all) s.Dispose(); }
    }

    public StoreResult Store(IReadOnlyList<DocumentRecord> batch)
    {
        var linking = Linker();
        int added = 0, replaced = 0, unchanged = 0, events = 0;
        var outcomes = new List<StoreOutcome>(batch.Count);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        string now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        using var tx = Connection.BeginTransaction();
        try
        {
            using var w = new Writer(Connection, tx, Sql);
            foreach (var doc in batch)
            {
                long? existing = null;
                string? existingHash = null;
                using (var r = w.Find.Query(doc.Name))
                    if (r.Read()) { existing = r.Long(0); existingHash = r.GetString(1); }
                if (existingHash == doc.Hash) { unchanged++; outcomes.Add(StoreOutcome.Unchanged); continue; }
                if (existing is { } old)
                {
                    w.FlushRows(); // the old version's rows may still be queued (the same name twice in one batch)
                    using (var r = w.StoriesOf.Query(old))
                        while (r.Read()) touched.Add(r.GetString(0));
                    foreach (var d in w.Delete) d.Execute(old);
                    linking.RemoveDocument(doc.Name);
                    replaced++;
                    outcomes.Add(StoreOutcome.Replaced);
                }
                else
                {
                    added++;
                    outcomes.Add(StoreOutcome.Added);
                }
                long id = Convert.ToInt64(w.InsertDocument.Scalar(doc.Name, doc.Hash, doc.Outlet, doc.Url, doc.Title,
                    doc.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join('\n', doc.Credits), doc.Text, now, doc.FoldedText),
                    CultureInfo.InvariantCulture);
                w.InsertDocumentText?.Execute(id, doc.FoldedText);
                foreach (var e in doc.Entities)
                    w.Entities.Add(id, e.Index, e.Id, e.Type, e.Name, e.Country, e.Role, e.Mentions);
                foreach (var t in doc.Times)
                    w.Times.Add(id, t.Index, t.Start, t.End, t.Type, t.Value, t.RangeBegin, t.RangeEnd, t.ToleranceDays);
                foreach (var q in doc.Quotes)
                {
                    string? speaker = q.SpeakerName ?? q.SpeakerDescription;
                    long qid = StoreSql.RowId(id, q.Index);
                    w.Quotes.Add(qid, id, q.Index, q.Start, q.End, q.Direct ? 1 : 0, q.Text, q.SpeakerEntity, q.SpeakerName,
                        q.SpeakerDescription, q.SpeakerCountry, speaker is null ? null : TextFolding.ActorKey(speaker), q.Verb, q.Date, q.Medium, q.FoldedText);
                    w.QuoteTexts?.Add(qid, q.FoldedText);
                }
                foreach (var e in doc.Events)
                {
                    var decision = linking.Link(e.Mention);
                    var m = e.Mention;
                    long mid = StoreSql.RowId(id, m.Index);
                    w.InsertEvent.Execute(mid, m.Key, id, m.Index, m.Event.Type, m.Event.Date, e.DateBegin, e.DateEnd,
                        m.Event.Status.ToString().ToLowerInvariant(), m.TriggerText, m.SentenceText, e.Json, decision.Story);
                    foreach (var a in e.Actors)
                        w.Actors.Add(mid, a.Role, a.Code, a.Name, a.Code is null ? null : TextFolding.ActorKey(a.Code), a.Name is null ? null : TextFolding.ActorKey(a.Name));
                    w.UpsertDecision.Execute(decision.Mention, decision.Story, JsonCodec.WriteDecision(decision));
                    touched.Add(decision.Story);
                    events++;
                }
            }
            w.FlushRows();
            foreach (var storyId in touched)
            {
                w.DeleteStoryActors.Execute(storyId);
                if (!linking.Stories.TryGetValue(storyId, out var story)) { w.DeleteStory.Execute(storyId); continue; }
                var range = DateRange.Of(story.Date);
                w.UpsertStory.Execute(story.Id, story.Type, story.Date, range is { } r ? DateRange.Text(r.First) : null,
                    story.Status.ToString().ToLowerInvariant(), story.Location, story.Members.Count, JsonCodec.WriteStory(story));
                w.InsertStoryActorsOfMembers.Execute(story.Id);
            }
            tx.Commit();
        }
        catch
        {
            tx.Rollback();
            // the linker saw decisions the database did not keep: rebuild it from the database next time
            linker = null;
            throw;
        }
        return new StoreResult(added, replaced, unchanged, events, outcomes);
    }

    public StoreStatistics Statistics()
    {
        using var s = new Statement(Connection, null, Sql.Statistics);
        using var r = s.Query();
        r.Read();
        return new StoreStatistics(r.Long(0), r.Long(1), r.Long(2), r.Long(3), r.Long(4));
    }

    public IReadOnlyList<StoredEvent> Events(EventQuery query)
    {
        var values = new List<object?>();
        foreach (var a in query.Actors) values.Add(TextFolding.ActorKey(a));
        if (query.Type is not null) values.Add(query.Type.ToUpperInvariant());
        if (query.From is { } from) values.Add(DateRange.Text(from));
        if (query.To is { } to) values.Add(DateRange.Text(to));
        if (query.Document is not null) values.Add(query.Document);
        if (query.Limit is { } limit) values.Add((long)limit);
        var list = new List<StoredEvent>();
        using var s = new Statement(Connection, null, Sql.Events(query));
        using var r = s.Query([.. values]);
        while (r.Read())
            list.Add(new StoredEvent(r.GetString(0), r.GetString(1), r.Str(2), r.GetString(3), r.Str(4), r.GetString(5), r.Str(6), r.GetString(7)));
        return list;
    }

    public IReadOnlyList<TimelineEntry> Timeline(IReadOnlyList<string> actors, int quotesPerStory = 3)
    {
        var keys = actors.Select(a => (object?)TextFolding.ActorKey(a)).ToArray();
        var stories = new List<(Story Story, List<StorySource> Sources, List<(long Id, string Name)> Documents)>();
        using (var s = new Statement(Connection, null, Sql.Timeline(actors.Count)))
        using (var r = s.Query(keys))
            while (r.Read())
            {
                if (stories.Count == 0 || stories[^1].Story.Id != r.GetString(0))
                    stories.Add((JsonCodec.ReadStory(r.GetString(1)), [], []));
                var (_, sources, documents) = stories[^1];
                sources.Add(new StorySource(r.GetString(2), r.GetString(3), r.Str(4), r.Str(5), r.Str(6), r.GetString(7), r.GetString(8)));
                long doc = r.Long(9);
                if (!documents.Exists(d => d.Id == doc)) documents.Add((doc, r.GetString(3)));
            }
        // the quotations of every reporting document in one query, then the first few per story
        var quotes = new Dictionary<long, List<StoredQuote>>();
        if (quotesPerStory > 0 && stories.Count > 0)
        {
            using var s = new Statement(Connection, null, Sql.TimelineQuotes(actors.Count));
            using var r = s.Query(keys);
            while (r.Read())
            {
                long doc = r.Long(0);
                if (!quotes.TryGetValue(doc, out var list)) quotes[doc] = list = [];
                if (list.Count < quotesPerStory) list.Add(new StoredQuote("", r.Str(1), r.GetString(2), r.Long(3) != 0, r.Str(4), r.Str(5)));
            }
        }
        var entries = new List<TimelineEntry>(stories.Count);
        foreach (var (story, sources, documents) in stories)
        {
            var said = new List<StoredQuote>();
            foreach (var (id, name) in documents)
                if (quotes.TryGetValue(id, out var list))
                    foreach (var q in list)
                        if (said.Count < quotesPerStory) said.Add(q with { Document = name });
            entries.Add(new TimelineEntry(story, sources, said));
        }
        return entries;
    }

    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        var terms = TextFolding.QueryTerms(query);
        if (terms.Count == 0) return [];
        var q = Sql.SearchQuery(terms);
        var hits = new List<SearchHit>();
        using (var s = new Statement(Connection, null, Sql.SearchDocuments))
        using (var r = s.Query(q, (long)limit))
            while (r.Read()) hits.Add(new SearchHit("document", r.GetString(0), TextFolding.Snippet(r.GetString(1), terms), r.Dbl(2)));
        using (var s = new Statement(Connection, null, Sql.SearchQuotes))
        using (var r = s.Query(q, (long)limit))
            while (r.Read()) hits.Add(new SearchHit("quote", r.GetString(0), r.GetString(1), r.Dbl(2)));
        return hits;
    }

    public IReadOnlyList<ActorSummary> Actors()
    {
        var byActor = new Dictionary<string, (string? Code, Dictionary<string, long> Names, Dictionary<string, long> Roles, long Count)>(StringComparer.Ordinal);
        using (var s = new Statement(Connection, null, Sql.ActorCounts))
        using (var r = s.Query())
            while (r.Read())
            {
                string? code = r.Str(0), name = r.Str(1);
                string actor = name ?? code ?? "?"; // a named person or body is an actor of its own (its code is its country); a state has no name
                if (!byActor.TryGetValue(actor, out var entry)) entry = (code, new Dictionary<string, long>(), new Dictionary<string, long>(), 0);
                long n = r.Long(3);
                if (name is not null) entry.Names[name] = entry.Names.GetValueOrDefault(name) + n;
                entry.Roles[r.GetString(2)] = entry.Roles.GetValueOrDefault(r.GetString(2)) + n;
                entry.Count += n;
                byActor[actor] = entry;
            }
        return [.. byActor
            .Select(p => new ActorSummary(p.Key, p.Value.Code, p.Value.Names.Count == 0 ? null : p.Value.Names.MaxBy(n => n.Value).Key, p.Value.Count, p.Value.Roles))
            .OrderByDescending(a => a.Events).ThenBy(a => a.Actor, StringComparer.Ordinal)];
    }

    public IReadOnlyList<StoredQuote> Quotes(string? speaker, int limit = 1000)
    {
        var list = new List<StoredQuote>();
        using var s = new Statement(Connection, null, Sql.Quotes(speaker is not null));
        using var r = speaker is null ? s.Query((long)limit) : s.Query("%" + TextFolding.ActorKey(speaker) + "%", (long)limit);
        while (r.Read()) list.Add(new StoredQuote(r.GetString(0), r.Str(1), r.GetString(2), r.Long(3) != 0, r.Str(4), r.Str(5)));
        return list;
    }

    public LinkDecision? Why(string key)
    {
        using var s = new Statement(Connection, null, Sql.SelectDecision);
        return s.Scalar(key) is string json ? JsonCodec.ReadDecision(json) : null;
    }

    public IReadOnlyList<Story> Stories()
    {
        var list = new List<Story>();
        using var s = new Statement(Connection, null, Sql.LoadStories);
        using var r = s.Query();
        while (r.Read()) list.Add(JsonCodec.ReadStory(r.GetString(0)));
        return list;
    }

    public IReadOnlyDictionary<string, EventMention> Mentions()
    {
        var map = new Dictionary<string, EventMention>(StringComparer.Ordinal);
        foreach (var (mention, _) in LoadMentions()) map[mention.Key] = mention;
        return map;
    }

    public virtual void Dispose() => Connection.Dispose();
}
