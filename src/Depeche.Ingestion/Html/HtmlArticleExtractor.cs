namespace Depeche.Ingestion.Html;

/// <summary>
/// Extracts the story and its metadata from a web page: parse once (<see cref="HtmlParser"/>), find the main text
/// (<see cref="MainTextFinder"/>), read the metadata (<see cref="PageMetadataReader"/>). Malformed HTML gives a
/// best-effort result, never an exception. Thread-safe: each call builds its own tree.
/// </summary>
public static class HtmlArticleExtractor
{
    /// <summary>Extracts from page bytes (charset detected, see <see cref="HtmlDecoding"/>); <paramref name="url"/> is where it came from, if known.</summary>
    public static HtmlArticle Extract(ReadOnlySpan<byte> bytes, string? url = null) => Extract(HtmlDecoding.Decode(bytes), url);

    /// <summary>Extracts from page text; <paramref name="url"/> is where it came from, if known (a fallback for dates and outlet).</summary>
    public static HtmlArticle Extract(string html, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var root = HtmlParser.Parse(html);
        var finder = new MainTextFinder(root);
        var paragraphs = finder.Find();
        var metadata = PageMetadataReader.Read(root, finder.Container, paragraphs, url);
        string? headline = PageMetadataReader.Headline(root, finder.Container, metadata.Title) ?? metadata.Title;
        string? standfirst = PageMetadataReader.Standfirst(root, finder.Container);
        if (standfirst == headline) standfirst = null;
        // the container may hold the headline and standfirst too: each is written once
        paragraphs.RemoveAll(p => p == headline || p == standfirst);
        return new HtmlArticle(headline, standfirst, paragraphs, metadata);
    }
}
