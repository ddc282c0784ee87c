using System.Text.Json;

namespace Depeche.Ingestion.Text;

/// <summary>One input named on the command line: a file, or standard input.</summary>
public sealed record TextInput(string Name, string? Path)
{
    /// <summary>True for standard input ("-").</summary>
    public bool IsStandardInput => Path is null;
}

/// <summary>Finds the inputs behind paths: files as given, directories' <c>.txt</c> files in ordinal order, "-" for stdin.</summary>
public static class TextInputs
{
    /// <summary>Expands <paramref name="paths"/>; a path that does not exist is reported through <paramref name="missing"/>.</summary>
    public static List<TextInput> Expand(IEnumerable<string> paths, Action<string> missing)
    {
        var inputs = new List<TextInput>();
        foreach (var path in paths)
        {
            if (path == "-") { inputs.Add(new TextInput("stdin", null)); continue; }
            if (Directory.Exists(path))
            {
                var files = Directory.GetFiles(path, "*.txt", SearchOption.TopDirectoryOnly);
                Array.Sort(files, StringComparer.Ordinal);
                inputs.AddRange(files.Select(f => new TextInput(NameOf(f), f)));
            }
            else if (File.Exists(path)) inputs.Add(new TextInput(NameOf(path), path));
            else missing(path);
        }
        return inputs;
    }

    /// <summary>The document name of a file: its name without extension ("seed-0001").</summary>
    public static string NameOf(string path) => System.IO.Path.GetFileNameWithoutExtension(path);

    /// <summary>
    /// The publication date given by a gold file beside a text (<c>NAME.gold.json</c> next to <c>NAME.txt</c>), or null when
    /// there is none or it says null.
    /// </summary>
    /// <exception cref="InputException">The gold file is malformed or its date does not exist.</exception>
    public static DateOnly? PublishedFromSidecar(string textPath)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(textPath)) ?? ".";
        var gold = System.IO.Path.Combine(directory, NameOf(textPath) + ".gold.json");
        if (!File.Exists(gold)) return null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(gold));
            if (!json.RootElement.TryGetProperty("published", out var published) || published.ValueKind == JsonValueKind.Null) return null;
            return PublishedDate.Parse(published.GetString() ?? "", gold);
        }
        catch (JsonException e)
        {
            throw new InputException($"{gold}: malformed JSON ({e.Message}).");
        }
    }
}

/// <summary>Strict parsing of publication dates (<c>YYYY-MM-DD</c>, a date that exists).</summary>
public static class PublishedDate
{
    /// <exception cref="InputException">Not <c>YYYY-MM-DD</c>, or no such day (2025-02-30).</exception>
    public static DateOnly Parse(string value, string source)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
            return date;
        var parts = value.Split('-');
        if (parts.Length == 3 && parts[0].Length == 4 && parts[1].Length == 2 && parts[2].Length == 2
            && int.TryParse(parts[0], out int y) && int.TryParse(parts[1], out int m) && int.TryParse(parts[2], out int d))
        {
            if (m is < 1 or > 12) throw new InputException($"{source}: '{value}' is not a date: there is no month {m}.");
            if (y >= 1 && y <= 9999) throw new InputException($"{source}: '{value}' is not a date: {y}-{m:D2} has {DateTime.DaysInMonth(y, m)} days, not {d}.");
        }
        throw new InputException($"{source}: '{value}' is not a date in the form YYYY-MM-DD.");
    }
}
