namespace Depeche.Storage;

/// <summary>The SQLite schema and the statements only SQLite runs (FTS5 index tables).</summary>
internal sealed class SqliteSql : StoreSql
{
    public override string CreateMigrationsTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public override IReadOnlyList<(int Version, string Description, string[] Statements)> Migrations { get; } =
    [
        (1, "documents, layers, events, stories, decisions; FTS5 over folded text and quotations",
        [
            "CREATE TABLE documents(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, outlet TEXT, url TEXT, title TEXT, published TEXT, credits TEXT NOT NULL, text TEXT NOT NULL, ingested_at TEXT NOT NULL)",
            "CREATE TABLE entities(document INTEGER NOT NULL, idx INTEGER NOT NULL, entity TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, country TEXT, role TEXT, mentions TEXT NOT NULL, PRIMARY KEY(document, idx)) WITHOUT ROWID",
            "CREATE TABLE times(document INTEGER NOT NULL, idx INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, type TEXT NOT NULL, value TEXT, range_begin TEXT, range_end TEXT, tolerance_days INTEGER, PRIMARY KEY(document, idx)) WITHOUT ROWID",
            "CREATE TABLE quotes(id INTEGER PRIMARY KEY, document INTEGER NOT NULL, idx INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, direct INTEGER NOT NULL, text TEXT NOT NULL, speaker_entity TEXT, speaker_name TEXT, speaker_description TEXT, speaker_country TEXT, speaker_key TEXT, verb TEXT, date TEXT, medium TEXT)",
            "CREATE INDEX quotes_document ON quotes(document)",
            "CREATE INDEX quotes_speaker ON quotes(speaker_key)",
            "CREATE TABLE event_mentions(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, document INTEGER NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, date TEXT, date_begin TEXT, date_end TEXT, status TEXT NOT NULL, trigger_text TEXT NOT NULL, sentence_text TEXT NOT NULL, json TEXT NOT NULL, story TEXT)",
            "CREATE INDEX event_mentions_document ON event_mentions(document)",
            "CREATE INDEX event_mentions_type_date ON event_mentions(type, date_begin)",
            "CREATE INDEX event_mentions_story ON event_mentions(story)",
            "CREATE TABLE event_actors(mention INTEGER NOT NULL, role TEXT NOT NULL, code TEXT, name TEXT, code_key TEXT, name_key TEXT)",
            "CREATE INDEX event_actors_mention ON event_actors(mention)",
            "CREATE INDEX event_actors_code ON event_actors(code_key)",
            "CREATE INDEX event_actors_name ON event_actors(name_key)",
            "CREATE TABLE stories(id TEXT PRIMARY KEY, type TEXT NOT NULL, date TEXT, date_begin TEXT, status TEXT NOT NULL, location TEXT, members INTEGER NOT NULL, json TEXT NOT NULL)",
            "CREATE INDEX stories_date ON stories(date_begin)",
            "CREATE TABLE story_actors(story TEXT NOT NULL, actor_key TEXT NOT NULL, PRIMARY KEY(actor_key, story)) WITHOUT ROWID",
            "CREATE INDEX story_actors_story ON story_actors(story)",
            "CREATE TABLE link_decisions(mention TEXT PRIMARY KEY, story TEXT NOT NULL, json TEXT NOT NULL)",
            // contentless: the text lives once, in documents; the index holds folded words (accents off twice over:
            // our folding, which also splits œ, and unicode61's remove_diacritics for anything it missed)
            "CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')",
            "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')",
        ]),
    ];

    public override string[] DeleteDocument { get; } =
    [
        "DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE document = @doc)",
        "DELETE FROM quotes WHERE document = @doc",
        "DELETE FROM event_actors WHERE mention IN (SELECT id FROM event_mentions WHERE document = @doc)",
        "DELETE FROM link_decisions WHERE mention IN (SELECT key FROM event_mentions WHERE document = @doc)",
        "DELETE FROM event_mentions WHERE document = @doc",
        "DELETE FROM times WHERE document = @doc",
        "DELETE FROM entities WHERE document = @doc",
        "DELETE FROM documents_fts WHERE rowid = @doc",
        "DELETE FROM documents WHERE id = @doc",
    ];

    public override string InsertDocument =>
        "INSERT INTO documents(name, hash, outlet, url, title, published, credits, text, ingested_at) " +
        "VALUES (@name, @hash, @outlet, @url, @title, @published, @credits, @text, @ingested) RETURNING id";
    public override string? InsertDocumentText => "INSERT INTO documents_fts(rowid, text) VALUES (@id, @folded)";

    public override string QuoteHead =>
        "INSERT INTO quotes(id, document, idx, start_offset, end_offset, direct, text, speaker_entity, speaker_name, speaker_description, speaker_country, speaker_key, verb, date, medium)";
    public override string QuoteRow => "(@id, @doc, @idx, @start, @end, @direct, @text, @sentity, @sname, @sdescription, @scountry, @skey, @verb, @date, @medium)";
    public override string? QuoteTextHead => "INSERT INTO quotes_fts(rowid, text)";

    public override string SearchDocuments =>
        "SELECT d.name, d.text, -bm25(documents_fts) FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid " +
        "WHERE documents_fts MATCH @q ORDER BY bm25(documents_fts) LIMIT @n";
    public override string SearchQuotes =>
        "SELECT d.name, q.text, -bm25(quotes_fts) FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN documents d ON d.id = q.document " +
        "WHERE quotes_fts MATCH @q ORDER BY bm25(quotes_fts) LIMIT @n";

    // each folded term as an FTS5 string: no operator or column syntax can leak in from the user's words
    public override string SearchQuery(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));
}
