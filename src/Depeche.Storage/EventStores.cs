using Depeche.Linking;

namespace Depeche.Storage;

/// <summary>Opens the store a connection string names. Thread-safe (stateless); each store it returns is not.</summary>
public static class EventStores
{
    /// <summary>
    /// Opens (creating and migrating as needed) a store: <c>postgres://…</c>, <c>postgresql://…</c> or an Npgsql
    /// keyword string (<c>Host=…;Database=…</c>) opens PostgreSQL; <c>sqlite:PATH</c> or any other text is a SQLite
    /// file path. <paramref name="linker"/> makes the linker new events are linked with (called at most once per
    /// store, when the first batch is stored).
    /// </summary>
    public static IEventStore Open(string connection, Func<IStoryLinker> linker)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        ArgumentNullException.ThrowIfNull(linker);
        return BackendOf(connection) switch
        {
            "postgres" => PostgresEventStore.Open(PostgresConnectionString(connection), linker),
            _ => SqliteEventStore.Open(connection.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? connection["sqlite:".Length..] : connection, linker),
        };
    }

    /// <summary><c>postgres</c> or <c>sqlite</c>, as <see cref="Open"/> would choose.</summary>
    public static string BackendOf(string connection)
    {
        if (connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return "postgres";
        if (connection.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) return "sqlite";
        return connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) && connection.Contains(';') ? "postgres" : "sqlite";
    }

    /// <summary>An Npgsql keyword string for a <c>postgres://user:password@host:port/database</c> URL (keyword strings pass through).</summary>
    public static string PostgresConnectionString(string connection)
    {
        if (!connection.Contains("://", StringComparison.Ordinal)) return connection;
        var uri = new Uri(connection);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        return builder.ToString();
    }
}
