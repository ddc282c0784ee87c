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
        public readonly Statement Find, StoriesOf, InsertDocument, InsertEntity, InsertTime, InsertQuote, InsertEvent, InsertActor,
            UpsertDecision, UpsertStory, DeleteStoryActors, InsertStoryActor, InsertStoryActorsOfMembers, DeleteStory;
        public readonly Statement? InsertDocumentText, InsertQuoteText;
        public readonly Statement[] Delete;
        private readonly List<Statement> all = [];

        public Writer(DbConnection c, DbTransaction tx, StoreSql sql)
        {
            Statement S(string text, params string[] order) { var s = new Statement(c, tx, text, order); all.Add(s); return s; }
            Find = S(sql.FindDocument);
            StoriesOf = S(sql.StoriesOfDocument);
            Delete = [.. sql.DeleteDocument.Select(d => S(d))];
            InsertDocument = S(sql.InsertDocument, "name", "hash", "outlet", "url", "title", "published", "credits", "text", "ingested", "folded");
            InsertDocumentText = sql.InsertDocumentText is { } dt ? S(dt, "id", "folded") : null;
            InsertEntity = S(sql.InsertEntity);
            InsertTime = S(sql.InsertTime);
            InsertQuote = S(sql.InsertQuote, "doc", "idx", "start", "end", "direct", "text", "sentity", "sname", "sdescription", "scountry", "skey", "verb", "date", "medium", "folded");
            InsertQuoteText = sql.InsertQuoteText is { } qt ? S(qt, "id", "folded") : null;
            InsertEvent = S(sql.InsertEvent);
            InsertActor = S(sql.InsertActor);
            UpsertDecision = S(sql.UpsertDecision);
            UpsertStory = S(sql.UpsertStory);
            DeleteStoryActors = S(sql.DeleteStoryActors);
            InsertStoryActor = S(sql.InsertStoryActor);
            InsertStoryActorsOfMembers = S(sql.InsertStoryActorsOfMembers);
            DeleteStory = S(sql.DeleteStory);
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
                    w.InsertEntity.Execute(id, e.Index, e.Id, e.Type, e.Name, e.Country, e.Role, e.Mentions);
                foreach (var t in doc.Times)
                    w.InsertTime.Execute(id, t.Index, t.Start, t.End, t.Type, t.Value, t.RangeBegin, t.RangeEnd, t.ToleranceDays);
                foreach (var q in doc.Quotes)
                {
                    string? speaker = q.SpeakerName ?? q.SpeakerDescription;
                    long qid = Convert.ToInt64(w.InsertQuote.Scalar(id, q.Index, q.Start, q.End, q.Direct ? 1 : 0, q.Text, q.SpeakerEntity, q.SpeakerName,
                        q.SpeakerDescription, q.SpeakerCountry, speaker is null ? null : TextFolding.ActorKey(speaker), q.Verb, q.Date, q.Medium, q.FoldedText),
                        CultureInfo.InvariantCulture);
                    w.InsertQuoteText?.Execute(qid, q.FoldedText);
                }
                foreach (var e in doc.Events)
                {
                    var decision = linking.Link(e.Mention);
                    var m = e.Mention;
                    long mid = Convert.ToInt64(w.InsertEvent.Scalar(m.Key, id, m.Index, m.Event.Type, m.Event.Date, e.DateBegin, e.DateEnd,
                        m.Event.Status.ToString().ToLowerInvariant(), m.TriggerText, m.SentenceText, e.Json, decision.Story), CultureInfo.InvariantCulture);
                    foreach (var a in e.Actors)
                        w.InsertActor.Execute(mid, a.Role, a.Code, a.Name, a.Code is null ? null : TextFolding.ActorKey(a.Code), a.Name is null ? null : TextFolding.ActorKey(a.Name));
                    w.UpsertDecision.Execute(decision.Mention, decision.Story, JsonCodec.WriteDecision(decision));
                    touched.Add(decision.Story);
                    events++;
                }
            }
            foreach (var storyId in touched)
            {
                w.DeleteStoryActors.Execute(storyId);
                if (!linking.Stories.TryGetValue(storyId, out var story)) { w.DeleteStory.Execute(storyId); continue; }
                var range = DateRange.Of(story.Date);
                w.UpsertStory.Execute(story.Id, story.Type, story.Date, range is { } r ? DateRange.Text(r.First) : null,
                    story.Status.ToString().ToLowerInvariant(), story.Location, story.Members.Count, JsonCodec.WriteStory(story));
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var actor in story.Actors) keys.Add(TextFolding.ActorKey(actor));
                foreach (var key in keys) w.InsertStoryActor.Execute(story.Id, key);
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
        var stories = new List<Story>();
        using (var s = new Statement(Connection, null, Sql.Timeline(actors.Count)))
        using (var r = s.Query([.. actors.Select(a => (object?)TextFolding.ActorKey(a))]))
            while (r.Read()) stories.Add(JsonCodec.ReadStory(r.GetString(0)));
        var entries = new List<TimelineEntry>(stories.Count);
        using var sources = new Statement(Connection, null, Sql.StorySources);
        using var quotes = new Statement(Connection, null, Sql.QuotesOfDocument);
        foreach (var story in stories)
        {
            var list = new List<StorySource>();
            var documents = new List<(long Id, string Name)>();
            using (var r = sources.Query(story.Id))
                while (r.Read())
                {
                    list.Add(new StorySource(r.GetString(0), r.GetString(1), r.Str(2), r.Str(3), r.Str(4), r.GetString(5), r.GetString(6)));
                    long doc = r.Long(7);
                    if (!documents.Exists(d => d.Id == doc)) documents.Add((doc, r.GetString(1)));
                }
            var said = new List<StoredQuote>();
            foreach (var (doc, name) in documents)
            {
                if (said.Count >= quotesPerStory) break;
                using var r = quotes.Query(doc, (long)(quotesPerStory - said.Count));
                while (r.Read()) said.Add(new StoredQuote(name, r.Str(0), r.GetString(1), r.Long(2) != 0, r.Str(3), r.Str(4)));
            }
            entries.Add(new TimelineEntry(story, list, said));
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
                string actor = code ?? name ?? "?";
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
