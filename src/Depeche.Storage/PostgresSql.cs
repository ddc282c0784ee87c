namespace Depeche.Storage;

/// <summary>
/// The PostgreSQL schema and statements: full text through a <c>tsvector</c> column ('simple' configuration over the
/// folded text, passed through <c>unaccent</c> when the extension is available, else <c>lower</c>).
/// </summary>
internal sealed class PostgresSql(bool unaccent) : StoreSql
{
    private string Fold => unaccent ? "unaccent" : "lower";

    public const string UnaccentInstalled = "SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'";
    public const string UnaccentAvailable = "SELECT count(*) FROM pg_available_extensions WHERE name = 'unaccent'";
    public const string CreateUnaccent = "CREATE EXTENSION IF NOT EXISTS unaccent";

    public override string CreateMigrationsTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public override IReadOnlyList<(int Version, string Description, string[] Statements)> Migrations { get; } =
    [
        (1, "documents, layers, events, stories, decisions; tsvector over folded text and quotations",
        [
            "CREATE TABLE documents(id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, outlet TEXT, url TEXT, title TEXT, published TEXT, credits TEXT NOT NULL, text TEXT NOT NULL, ingested_at TEXT NOT NULL, tsv TSVECTOR NOT NULL)",
            "CREATE INDEX documents_tsv ON documents USING GIN(tsv)",
            "CREATE TABLE entities(document BIGINT NOT NULL, idx INTEGER NOT NULL, entity TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, country TEXT, role TEXT, mentions TEXT NOT NULL, PRIMARY KEY(document, idx))",
            "CREATE TABLE times(document BIGINT NOT NULL, idx INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, type TEXT NOT NULL, value TEXT, range_begin TEXT, range_end TEXT, tolerance_days INTEGER, PRIMARY KEY(document, idx))",
            "CREATE TABLE quotes(id BIGINT PRIMARY KEY, document BIGINT NOT NULL, idx INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, direct INTEGER NOT NULL, text TEXT NOT NULL, speaker_entity TEXT, speaker_name TEXT, speaker_description TEXT, speaker_country TEXT, speaker_key TEXT, verb TEXT, date TEXT, medium TEXT, tsv TSVECTOR NOT NULL)",
            "CREATE INDEX quotes_document ON quotes(document)",
            "CREATE INDEX quotes_speaker ON quotes(speaker_key)",
            "CREATE INDEX quotes_tsv ON quotes USING GIN(tsv)",
            "CREATE TABLE event_mentions(id BIGINT PRIMARY KEY, key TEXT NOT NULL UNIQUE, document BIGINT NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, date TEXT, date_begin TEXT, date_end TEXT, status TEXT NOT NULL, trigger_text TEXT NOT NULL, sentence_text TEXT NOT NULL, json TEXT NOT NULL, story TEXT)",
            "CREATE INDEX event_mentions_document ON event_mentions(document)",
            "CREATE INDEX event_mentions_type_date ON event_mentions(type, date_begin)",
            "CREATE INDEX event_mentions_story ON event_mentions(story)",
            "CREATE TABLE event_actors(mention BIGINT NOT NULL, role TEXT NOT NULL, code TEXT, name TEXT, code_key TEXT, name_key TEXT)",
            "CREATE INDEX event_actors_mention ON event_actors(mention)",
            "CREATE INDEX event_actors_code ON event_actors(code_key)",
            "CREATE INDEX event_actors_name ON event_actors(name_key)",
            "CREATE TABLE stories(id TEXT PRIMARY KEY, type TEXT NOT NULL, date TEXT, date_begin TEXT, status TEXT NOT NULL, location TEXT, members INTEGER NOT NULL, json TEXT NOT NULL)",
            "CREATE INDEX stories_date ON stories(date_begin)",
            "CREATE TABLE story_actors(story TEXT NOT NULL, actor_key TEXT NOT NULL, PRIMARY KEY(actor_key, story))",
            "CREATE INDEX story_actors_story ON story_actors(story)",
            "CREATE TABLE link_decisions(mention TEXT PRIMARY KEY, story TEXT NOT NULL, json TEXT NOT NULL)",
        ]),
    ];

    public override string[] DeleteDocument { get; } =
    [
        "DELETE FROM quotes WHERE document = @doc",
        "DELETE FROM event_actors WHERE mention IN (SELECT id FROM event_mentions WHERE document = @doc)",
        "DELETE FROM link_decisions WHERE mention IN (SELECT key FROM event_mentions WHERE document = @doc)",
        "DELETE FROM event_mentions WHERE document = @doc",
        "DELETE FROM times WHERE document = @doc",
        "DELETE FROM entities WHERE document = @doc",
        "DELETE FROM documents WHERE id = @doc",
    ];

    public override string InsertDocument =>
        "INSERT INTO documents(name, hash, outlet, url, title, published, credits, text, ingested_at, tsv) " +
        $"VALUES (@name, @hash, @outlet, @url, @title, @published, @credits, @text, @ingested, to_tsvector('simple', {Fold}(@folded))) RETURNING id";
    public override string? InsertDocumentText => null;

    public override string QuoteHead =>
        "INSERT INTO quotes(id, document, idx, start_offset, end_offset, direct, text, speaker_entity, speaker_name, speaker_description, speaker_country, speaker_key, verb, date, medium, tsv)";
    public override string QuoteRow =>
        $"(@id, @doc, @idx, @start, @end, @direct, @text, @sentity, @sname, @sdescription, @scountry, @skey, @verb, @date, @medium, to_tsvector('simple', {Fold}(@folded)))";
    public override string? QuoteTextHead => null;

    public override string SearchDocuments =>
        $"SELECT d.name, d.text, ts_rank(d.tsv, query) FROM documents d, plainto_tsquery('simple', {Fold}(@q)) query " +
        "WHERE d.tsv @@ query ORDER BY 3 DESC, d.name LIMIT @n";
    public override string SearchQuotes =>
        $"SELECT d.name, q.text, ts_rank(q.tsv, query) FROM quotes q JOIN documents d ON d.id = q.document, plainto_tsquery('simple', {Fold}(@q)) query " +
        "WHERE q.tsv @@ query ORDER BY 3 DESC, d.name LIMIT @n";

    public override string SearchQuery(IReadOnlyList<string> terms) => string.Join(' ', terms);
}
