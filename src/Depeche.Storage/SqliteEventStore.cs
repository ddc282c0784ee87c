using Depeche.Linking;
using Microsoft.Data.Sqlite;

namespace Depeche.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never block the writer; a killed writer loses at most the
/// batch in flight, which rolls back on the next open), synchronous=NORMAL (durable at each checkpoint, consistent
/// always), FTS5 over folded text.
/// </summary>
internal sealed class SqliteEventStore : DbEventStore
{
    private SqliteEventStore(SqliteConnection connection, Func<IStoryLinker> linker) : base(connection, new SqliteSql(), linker) { }

    public override string Backend => "sqlite";

    public static SqliteEventStore Open(string path, Func<IStoryLinker> linker)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        try
        {
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY";
                pragma.ExecuteNonQuery();
            }
            var store = new SqliteEventStore(connection, linker);
            store.Migrate();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
