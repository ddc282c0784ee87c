using System.Data.Common;
using System.Text;

namespace Depeche.Storage;

/// <summary>
/// Inserts rows of one table several at a time (<c>INSERT … VALUES (…), (…), …</c>): each statement costs about as much
/// to run whether it carries one row or sixteen, and a dispatch brings a dozen entities, quotations and actors.
/// Statements for each row count are prepared on first use. Not thread-safe; <see cref="Flush"/> before reading the table.
/// </summary>
internal sealed class RowInserter(DbConnection connection, DbTransaction transaction, string head, string row, string[] names) : IDisposable
{
    /// <summary>
    /// Most rows per statement. Small: Microsoft.Data.Sqlite looks each parameter up by name in the statement, a cost
    /// that grows with the square of the parameters, and four rows already cover most of a dispatch's entities.
    /// </summary>
    public const int MaxRows = 4;

    private readonly Statement?[] statements = new Statement?[MaxRows + 1];
    private readonly List<object?> values = new(MaxRows * names.Length);
    private int rows;

    /// <summary>Queues one row (values in the order of the names given); runs a statement when <see cref="MaxRows"/> are queued.</summary>
    public void Add(params object?[] row)
    {
        if (row.Length != names.Length) throw new ArgumentException($"{names.Length} values expected, {row.Length} given.");
        values.AddRange(row);
        if (++rows == MaxRows) Flush();
    }

    /// <summary>Inserts the queued rows.</summary>
    public void Flush()
    {
        if (rows == 0) return;
        var statement = statements[rows] ??= Prepare(rows);
        statement.Execute([.. values]);
        values.Clear();
        rows = 0;
    }

    private Statement Prepare(int count)
    {
        var sql = new StringBuilder(head).Append(" VALUES ");
        var order = new string[count * names.Length];
        for (int i = 0; i < count; i++)
        {
            if (i > 0) sql.Append(", ");
            AppendRenamed(sql, row, i);
            for (int k = 0; k < names.Length; k++) order[i * names.Length + k] = $"{names[k]}_{i}";
        }
        return new Statement(connection, transaction, sql.ToString(), order);
    }

    // the row template with every parameter "@name" renamed "@name_i" (whole names only: "@date" is not "@date_end")
    private static void AppendRenamed(StringBuilder sql, string template, int i)
    {
        for (int c = 0; c < template.Length; c++)
        {
            sql.Append(template[c]);
            if (template[c] != '@') continue;
            int end = c + 1;
            while (end < template.Length && (char.IsLetterOrDigit(template[end]) || template[end] == '_')) end++;
            sql.Append(template, c + 1, end - c - 1).Append('_').Append(i);
            c = end - 1;
        }
    }

    public void Dispose()
    {
        foreach (var s in statements) s?.Dispose();
    }
}
