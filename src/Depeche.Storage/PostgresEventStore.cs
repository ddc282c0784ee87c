using Depeche.Linking;
using Npgsql;

namespace Depeche.Storage;

/// <summary>The server store: the same schema and contract on PostgreSQL, one connection, one transaction per batch.</summary>
internal sealed class PostgresEventStore : DbEventStore
{
    private PostgresEventStore(NpgsqlConnection connection, bool unaccent, Func<IStoryLinker> linker)
        : base(connection, new PostgresSql(unaccent), linker) { }

    public override string Backend => "postgres";

    /// <summary>Whether full text goes through <c>unaccent</c> (the extension was available) rather than <c>lower</c>.</summary>
    public bool Unaccent => unaccentUsed;
    private bool unaccentUsed;

    public static PostgresEventStore Open(string connectionString, Func<IStoryLinker> linker)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        try
        {
            bool unaccent = TryUnaccent(connection);
            var store = new PostgresEventStore(connection, unaccent, linker) { unaccentUsed = unaccent };
            store.Migrate();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // unaccent ships with PostgreSQL's contrib; creating it needs a privilege a store's user may lack: then lower()
    private static bool TryUnaccent(NpgsqlConnection connection)
    {
        using var check = new NpgsqlCommand(PostgresSql.UnaccentInstalled, connection);
        if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0) return true;
        using var available = new NpgsqlCommand(PostgresSql.UnaccentAvailable, connection);
        if (Convert.ToInt64(available.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return false;
        try
        {
            using var create = new NpgsqlCommand(PostgresSql.CreateUnaccent, connection);
            create.ExecuteNonQuery();
            return true;
        }
        catch (PostgresException) { return false; }
    }
}
