namespace Depeche.Ingestion.Html;

/// <summary>
/// The story found in a web page. <see cref="Text"/> is the document Dépêche processes: headline, standfirst and body
/// paragraphs joined by blank lines; every offset in the pipeline's output refers to <see cref="Text"/>, not to the
/// HTML (keep the page beside the output to go back to it). Immutable.
/// </summary>
public sealed class HtmlArticle
{
    public HtmlArticle(string? headline, string? standfirst, IReadOnlyList<string> paragraphs, PageMetadata metadata)
    {
        Headline = headline;
        Standfirst = standfirst;
        Paragraphs = paragraphs;
        Metadata = metadata;
        var parts = new List<string>(paragraphs.Count + 2);
        if (!string.IsNullOrEmpty(headline)) parts.Add(headline);
        if (!string.IsNullOrEmpty(standfirst)) parts.Add(standfirst);
        parts.AddRange(paragraphs);
        Text = string.Join("\n\n", parts);
        Body = string.Join("\n\n", paragraphs);
    }

    /// <summary>The headline as shown on the page (<c>h1</c>), else the metadata title; null when there is none.</summary>
    public string? Headline { get; }

    /// <summary>The standfirst (chapô) shown above the body, or null.</summary>
    public string? Standfirst { get; }

    /// <summary>Body blocks in page order: paragraphs, subheadings, list items, quotations.</summary>
    public IReadOnlyList<string> Paragraphs { get; }

    /// <summary>What the page says about itself: dates, author, outlet, language, canonical URL, agency credits.</summary>
    public PageMetadata Metadata { get; }

    /// <summary>Headline, standfirst and paragraphs separated by blank lines: the document's text.</summary>
    public string Text { get; }

    /// <summary>The body paragraphs alone, separated by blank lines.</summary>
    public string Body { get; }
}
