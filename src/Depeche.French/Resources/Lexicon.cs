using System.Reflection;

namespace Depeche.French.Resources;

/// <summary>
/// Reads the lexicon files embedded from <c>Data/</c>: UTF-8, <c>#</c> comment lines, one entry per line,
/// TAB-separated columns. A malformed line fails with <c>file:line</c>.
/// </summary>
public static class Lexicon
{
    private static readonly Assembly Assembly = typeof(Lexicon).Assembly;

    /// <summary>Names of every embedded lexicon file.</summary>
    public static IEnumerable<string> Names => Assembly.GetManifestResourceNames();

    /// <summary>The entries of <paramref name="name"/>: each line's columns, with its line number.</summary>
    public static IEnumerable<(int Line, string[] Columns)> Read(string name, int minColumns = 1)
    {
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Lexicon '{name}' is not embedded in {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        int lineNumber = 0;
        var rows = new List<(int, string[])>();
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            var columns = line.Split('\t');
            for (int i = 0; i < columns.Length; i++) columns[i] = columns[i].Trim();
            if (columns.Length < minColumns || columns[0].Length == 0)
                throw new FormatException($"{name}:{lineNumber}: expected {minColumns} TAB-separated column(s), got '{line}'.");
            rows.Add((lineNumber, columns));
        }
        return rows;
    }

    /// <summary>The first column of every entry.</summary>
    public static IEnumerable<string> ReadWords(string name) => Read(name).Select(r => r.Columns[0]);
}
