using Depeche.Linking;
using Npgsql;

namespace Depeche.Storage.Tests;

/// <summary>The contract on a SQLite file in a temp dir.</summary>
public sealed class SqliteStoreTests : EventStoreContract
{
    private readonly string dir = Directory.CreateTempSubdirectory("depeche-store-").FullName;

    protected override IEventStore OpenStore(Func<IStoryLinker> linker) => EventStores.Open(Path.Combine(dir, "test.db"), linker);

    public override void Dispose()
    {
        base.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void The_file_is_in_WAL_mode_with_its_migration_recorded()
    {
        using (Open()) { }
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir, "test.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
        cmd.CommandText = "SELECT count(*) FROM schema_migrations WHERE version = 1";
        Assert.Equal(1L, cmd.ExecuteScalar());
    }

    [Theory]
    [InlineData("depeche.db", "sqlite")]
    [InlineData("sqlite:/tmp/x.db", "sqlite")]
    [InlineData("postgres://u:p@localhost:5432/db", "postgres")]
    [InlineData("Host=127.0.0.1;Database=db", "postgres")]
    public void The_connection_string_chooses_the_backend(string connection, string backend) =>
        Assert.Equal(backend, EventStores.BackendOf(connection));

    [Fact]
    public void A_postgres_url_becomes_an_npgsql_keyword_string()
    {
        var keywords = new NpgsqlConnectionStringBuilder(EventStores.PostgresConnectionString("postgres://ana:s%40cret@db.test:6543/news"));
        Assert.Equal(("db.test", 6543, "news", "ana", "s@cret"), (keywords.Host, keywords.Port, keywords.Database, keywords.Username, keywords.Password));
    }
}

/// <summary>
/// The contract on PostgreSQL, in a fresh schema per test, when <c>DEPECHE_TEST_POSTGRES</c> names a server
/// (<c>eval "$(scripts/start-postgres.sh)"</c> starts one); skipped otherwise.
/// </summary>
public sealed class PostgresStoreTests : EventStoreContract
{
    private static readonly string? server = Environment.GetEnvironmentVariable("DEPECHE_TEST_POSTGRES");
    private readonly string schema = "t" + Guid.NewGuid().ToString("N")[..16];
    private bool created;

    protected override IEventStore OpenStore(Func<IStoryLinker> linker)
    {
        Skip.If(string.IsNullOrEmpty(server), "DEPECHE_TEST_POSTGRES is not set: no PostgreSQL server to test against (run `eval \"$(scripts/start-postgres.sh)\"` to start one).");
        var builder = new NpgsqlConnectionStringBuilder(EventStores.PostgresConnectionString(server!));
        if (!created)
        {
            using var c = new NpgsqlConnection(builder.ToString());
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            cmd.ExecuteNonQuery();
            created = true;
        }
        builder.SearchPath = schema + ",public"; // unaccent lives in public
        builder.Pooling = false;
        return EventStores.Open(builder.ToString(), linker);
    }

    public override void Dispose()
    {
        base.Dispose();
        if (!created) return;
        using var c = new NpgsqlConnection(EventStores.PostgresConnectionString(server!));
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", c);
        cmd.ExecuteNonQuery();
    }
}
