using System.Text;

namespace Depeche.Storage;

/// <summary>
/// Every SQL statement a backend runs, in one place per backend (<see cref="SqliteSql"/>, <see cref="PostgresSql"/>).
/// Statements both backends accept word for word live here; the rest are abstract. All values are parameters
/// (<c>@name</c>), never spliced into the text.
/// </summary>
internal abstract class StoreSql
{
    /// <summary>Schema migrations in order: version, description, statements. Applied versions are recorded in <c>schema_migrations</c>.</summary>
    public abstract IReadOnlyList<(int Version, string Description, string[] Statements)> Migrations { get; }

    public abstract string CreateMigrationsTable { get; }
    public string SelectVersions => "SELECT version FROM schema_migrations";
    public string InsertVersion => "INSERT INTO schema_migrations(version, description, applied_at) VALUES (@version, @description, @applied)";

    public string DocumentHashes => "SELECT name, hash FROM documents";
    public string FindDocument => "SELECT id, hash FROM documents WHERE name = @name";
    public string StoriesOfDocument => "SELECT DISTINCT story FROM event_mentions WHERE document = @doc AND story IS NOT NULL";

    /// <summary>Statements removing a document (<c>@doc</c>) and everything extracted from it, children first.</summary>
    public abstract string[] DeleteDocument { get; }

    /// <summary>Inserts a document, returning its id; parameters in order: name, hash, outlet, url, title, published, credits, text, ingested, folded.</summary>
    public abstract string InsertDocument { get; }
    /// <summary>Indexes a document's folded text (<c>@id</c>, <c>@folded</c>) when the backend keeps the index apart; null otherwise.</summary>
    public abstract string? InsertDocumentText { get; }

    // multi-row inserts (RowInserter): the head, then one row's values, repeated
    public string EntityHead => "INSERT INTO entities(document, idx, entity, type, name, country, role, mentions)";
    public string EntityRow => "(@doc, @idx, @entity, @type, @name, @country, @role, @mentions)";
    public string TimeHead => "INSERT INTO times(document, idx, start_offset, end_offset, type, value, range_begin, range_end, tolerance_days)";
    public string TimeRow => "(@doc, @idx, @start, @end, @type, @value, @begin, @rend, @tolerance)";
    /// <summary>Quotation rows; the id is given (<see cref="RowId"/>), the folded text indexed (here or by <see cref="QuoteTextRow"/>).</summary>
    public abstract string QuoteHead { get; }
    public abstract string QuoteRow { get; }
    /// <summary>Full-text rows for quotations (<c>@id</c>, <c>@folded</c>) when the backend keeps the index apart; null otherwise.</summary>
    public abstract string? QuoteTextHead { get; }
    public string QuoteTextRow => "(@id, @folded)";
    public string ActorHead => "INSERT INTO event_actors(mention, role, code, name, code_key, name_key)";
    public string ActorRow => "(@mention, @role, @code, @name, @ckey, @nkey)";

    /// <summary>
    /// Id of item <paramref name="index"/> of document <paramref name="document"/> (quotations, events): given rather
    /// than generated, so rows that point at it can be inserted in the same multi-row statement without a round trip.
    /// </summary>
    public static long RowId(long document, int index) => (document << 20) | (uint)index;

    public string InsertEvent =>
        "INSERT INTO event_mentions(id, key, document, idx, type, date, date_begin, date_end, status, trigger_text, sentence_text, json, story) " +
        "VALUES (@id, @key, @doc, @idx, @type, @date, @begin, @end, @status, @trigger, @sentence, @json, @story)";
    public string UpsertDecision =>
        "INSERT INTO link_decisions(mention, story, json) VALUES (@mention, @story, @json) ON CONFLICT (mention) DO UPDATE SET story = excluded.story, json = excluded.json";
    public string UpsertStory =>
        "INSERT INTO stories(id, type, date, date_begin, status, location, members, json) VALUES (@id, @type, @date, @begin, @status, @location, @members, @json) " +
        "ON CONFLICT (id) DO UPDATE SET type = excluded.type, date = excluded.date, date_begin = excluded.date_begin, status = excluded.status, " +
        "location = excluded.location, members = excluded.members, json = excluded.json";
    public string DeleteStoryActors => "DELETE FROM story_actors WHERE story = @story";
    /// <summary>Indexes a story under the codes and names its members' actors carry ("RUS" and "Russie"): the linker's
    /// agreed actors come from its members, so this covers them without a statement per actor.</summary>
    public string InsertStoryActorsOfMembers =>
        "INSERT INTO story_actors(story, actor_key) SELECT DISTINCT @story, k FROM (" +
        "SELECT a.code_key AS k FROM event_actors a JOIN event_mentions e ON e.id = a.mention WHERE e.story = @story " +
        "UNION SELECT a.name_key FROM event_actors a JOIN event_mentions e ON e.id = a.mention WHERE e.story = @story) keys " +
        "WHERE k IS NOT NULL ON CONFLICT DO NOTHING";
    public string DeleteStory => "DELETE FROM stories WHERE id = @story";

    public string LoadMentions =>
        "SELECT e.key, d.name, e.idx, d.outlet, d.url, d.published, e.json, e.trigger_text, e.sentence_text, e.story " +
        "FROM event_mentions e JOIN documents d ON d.id = e.document ORDER BY e.id";
    public string LoadStories => "SELECT json FROM stories ORDER BY id";
    public string SelectDecision => "SELECT json FROM link_decisions WHERE mention = @key";
    public string Statistics =>
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM event_mentions), (SELECT count(*) FROM stories), " +
        "(SELECT count(*) FROM quotes), (SELECT count(*) FROM entities)";

    /// <summary>Events query: one <c>@aN</c> per actor; optional type, bounds, document and limit.</summary>
    public string Events(EventQuery q)
    {
        var sql = new StringBuilder(
            "SELECT e.key, d.name, e.story, e.type, e.date, e.json, d.outlet, e.trigger_text FROM event_mentions e JOIN documents d ON d.id = e.document WHERE 1 = 1");
        for (int i = 0; i < q.Actors.Count; i++)
            sql.Append($" AND EXISTS (SELECT 1 FROM event_actors a WHERE a.mention = e.id AND (a.code_key = @a{i} OR a.name_key = @a{i}))");
        if (q.Type is not null) sql.Append(" AND e.type = @type");
        if (q.From is not null) sql.Append(" AND e.date_end >= @from");
        if (q.To is not null) sql.Append(" AND e.date_begin <= @to");
        if (q.Document is not null) sql.Append(" AND d.name = @document");
        sql.Append(" ORDER BY d.name, e.idx");
        if (q.Limit is not null) sql.Append(" LIMIT @limit");
        return sql.ToString();
    }

    // the stories of a timeline: dated, holding every actor @a0, @a1…
    private static string TimelineFilter(int actors)
    {
        var sql = new StringBuilder("s.date_begin IS NOT NULL");
        for (int i = 0; i < actors; i++) sql.Append($" AND s.id IN (SELECT story FROM story_actors WHERE actor_key = @a{i})");
        return sql.ToString();
    }

    /// <summary>Timeline stories with their reports, one row per report, in date order (one query, however many stories).</summary>
    public string Timeline(int actors) =>
        "SELECT s.id, s.json, e.key, d.name, d.outlet, d.url, d.published, e.trigger_text, e.sentence_text, d.id " +
        "FROM stories s JOIN event_mentions e ON e.story = s.id JOIN documents d ON d.id = e.document " +
        $"WHERE {TimelineFilter(actors)} ORDER BY s.date_begin, s.id, e.id";

    /// <summary>Direct quotations of the documents reporting a timeline's stories, by document.</summary>
    public string TimelineQuotes(int actors) =>
        "SELECT q.document, coalesce(q.speaker_name, q.speaker_description), q.text, q.direct, q.verb, q.date FROM quotes q " +
        "WHERE q.direct = 1 AND q.document IN (SELECT e.document FROM event_mentions e JOIN stories s ON s.id = e.story " +
        $"WHERE {TimelineFilter(actors)}) ORDER BY q.document, q.idx";

    /// <summary>Full-text search in documents: name, text, score (higher is better); <c>@q</c> from <see cref="SearchQuery"/>.</summary>
    public abstract string SearchDocuments { get; }
    public abstract string SearchQuotes { get; }
    /// <summary>The query text the backend's search takes for folded terms.</summary>
    public abstract string SearchQuery(IReadOnlyList<string> terms);

    public string ActorCounts =>
        "SELECT code, name, role, count(*) FROM event_actors GROUP BY code, name, role";
    public string Quotes(bool bySpeaker) =>
        "SELECT d.name, coalesce(q.speaker_name, q.speaker_description), q.text, q.direct, q.verb, q.date FROM quotes q JOIN documents d ON d.id = q.document" +
        (bySpeaker ? " WHERE q.speaker_key LIKE @speaker" : "") + " ORDER BY d.name, q.idx LIMIT @n";
}
