using Depeche.Linking;

namespace Depeche.Export;

/// <summary>
/// Writes story events and their document-level mentions in the formats analysts' tools read: <c>jsonl</c> (one
/// full record per mention, SCHEMA.md fields plus <c>document</c> and <c>story</c>), <c>csv</c> (one row per story),
/// <c>plover</c> (PLOVER JSON field names) and <c>gdelt</c> (GDELT 2.0 event table columns, tab-separated).
/// </summary>
public static class EventExporters
{
    /// <summary>Format names accepted by <see cref="Write"/>.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["jsonl", "csv", "plover", "gdelt"];

    /// <summary>Writes <paramref name="stories"/> (and the mentions they reference) to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">Unknown format.</exception>
    public static void Write(string format, TextWriter output, IReadOnlyList<Story> stories, IReadOnlyDictionary<string, EventMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(mentions);
        throw new NotImplementedException($"export format '{format}' is being written on the 'link' branch");
    }
}
