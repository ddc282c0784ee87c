using System.Data.Common;

namespace Depeche.Storage;

/// <summary>
/// A parameterised command prepared once and run many times: its <c>@name</c> parameters are bound in the order they
/// first appear in the SQL. Not thread-safe (one per connection and transaction).
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly DbCommand command;
    private readonly DbParameter?[] parameters;

    // order: names of the values Execute takes, in order; a name the SQL does not use is accepted and ignored (one
    // backend indexes text in the same statement, the other in a second one). Default: order of first appearance.
    public Statement(DbConnection connection, DbTransaction? transaction, string sql, params string[] order)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var names = new List<string>();
        for (int i = 0; i < sql.Length; i++)
        {
            if (sql[i] != '@' || i + 1 >= sql.Length || !(char.IsLetter(sql[i + 1]) || sql[i + 1] == '_')) continue;
            int j = i + 1;
            while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_')) j++;
            var name = sql[(i + 1)..j];
            if (!names.Contains(name)) names.Add(name);
            i = j - 1;
        }
        var created = new Dictionary<string, DbParameter>();
        foreach (var name in names)
        {
            var p = command.CreateParameter();
            // with its prefix: Microsoft.Data.Sqlite looks an unprefixed name up once as given, then once per prefix,
            // each a scan of the statement's parameters, on every execution
            p.ParameterName = "@" + name;
            command.Parameters.Add(p);
            created[name] = p;
        }
        if (order.Length == 0) order = [.. names];
        foreach (var name in names)
            if (Array.IndexOf(order, name) < 0) throw new ArgumentException($"parameter @{name} has no value in the order given: {sql}");
        parameters = new DbParameter?[order.Length];
        for (int i = 0; i < order.Length; i++) parameters[i] = created.GetValueOrDefault(order[i]);
    }

    private void Bind(object?[] values)
    {
        if (values.Length != parameters.Length)
            throw new InvalidOperationException($"statement takes {parameters.Length} parameters, {values.Length} given: {command.CommandText}");
        for (int i = 0; i < values.Length; i++) if (parameters[i] is { } p) p.Value = values[i] ?? DBNull.Value;
    }

    public int Execute(params object?[] values)
    {
        Bind(values);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(params object?[] values)
    {
        Bind(values);
        var v = command.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public DbDataReader Query(params object?[] values)
    {
        Bind(values);
        return command.ExecuteReader();
    }

    public void Dispose() => command.Dispose();
}

/// <summary>Reading helpers that tolerate each provider's integer widths and nulls.</summary>
internal static class Reader
{
    public static string? Str(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    public static long Long(this DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
    public static double Dbl(this DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
