namespace Depeche.Text;

/// <summary>
/// A normalised view of a document's text (apostrophes, quotes, spaces, hyphens, line ends unified)
/// that maps every position back to the original text. The original is never altered; stages read
/// the view and record spans in original offsets through <see cref="ToSource(TextSpan)"/>.
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
public sealed class NormalizedText
{
    // sourceIndex[i] = original offset of view character i; one extra entry for the end.
    // Null when the view is the original text unchanged (the common case: identity map, no allocation).
    private readonly int[]? sourceIndex;

    public NormalizedText(string text, int[]? sourceIndex)
    {
        if (sourceIndex is not null && sourceIndex.Length != text.Length + 1)
            throw new ArgumentException("The map needs one entry per character plus one for the end.", nameof(sourceIndex));
        Text = text;
        this.sourceIndex = sourceIndex;
    }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>True when the view equals the original text character for character.</summary>
    public bool IsIdentity => sourceIndex is null;

    /// <summary>Original offset of view position <paramref name="index"/> (0..Length inclusive).</summary>
    public int ToSource(int index) => sourceIndex is null ? index : sourceIndex[index];

    /// <summary>Original span of a view span. A span inside an expanded character (œ → oe) covers that character.</summary>
    public TextSpan ToSource(TextSpan span)
    {
        if (sourceIndex is null) return span;
        int start = sourceIndex[span.Start];
        int end = span.End > span.Start ? sourceIndex[span.End] : start;
        // a view span ending inside an expansion ("o" of "oe" for "œ") still covers the source character
        if (end <= start && span.End > span.Start) end = start + 1;
        return new TextSpan(start, end);
    }

    /// <summary>
    /// View spans of tokens that hold source spans: the inverse map, computed once per document in one pass
    /// (stages that read the view, like the splitter, need it; tokens store original offsets).
    /// </summary>
    public TextSpan[] ToView(ReadOnlySpan<Token> tokens)
    {
        var result = new TextSpan[tokens.Length];
        if (sourceIndex is null)
        {
            for (int k = 0; k < tokens.Length; k++) result[k] = tokens[k].Span;
            return result;
        }
        int v = 0;
        for (int k = 0; k < tokens.Length; k++)
        {
            var s = tokens[k].Span;
            while (v < Text.Length && sourceIndex[v] < s.Start) v++;
            int start = v;
            while (v < Text.Length && sourceIndex[v] < s.End) v++;
            result[k] = new TextSpan(start, Math.Max(v, start + 1));
        }
        return result;
    }
}
