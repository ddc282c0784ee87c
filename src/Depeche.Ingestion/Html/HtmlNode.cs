namespace Depeche.Ingestion.Html;

/// <summary>An attribute kept by <see cref="HtmlParser"/> (only those extraction reads; see <see cref="HtmlParser"/>).</summary>
public readonly record struct HtmlAttribute(string Name, string Value);

/// <summary>
/// A node of the light tree <see cref="HtmlParser"/> builds: an element (lower-case <see cref="Name"/>, kept attributes,
/// children) or a text run (<see cref="Name"/> is <c>#text</c>, <see cref="Text"/> is entity-decoded).
/// Not thread-safe while being built or scored; read-only afterwards.
/// </summary>
public sealed class HtmlNode
{
    /// <summary>The name of text nodes.</summary>
    public const string TextName = "#text";

    private static readonly List<HtmlNode> none = [];

    internal HtmlNode(string name, HtmlNode? parent)
    {
        Name = name;
        Parent = parent;
    }

    /// <summary>Lower-case tag name (interned for known tags), or <see cref="TextName"/>.</summary>
    public string Name { get; }

    /// <summary>The enclosing element; null for the document root.</summary>
    public HtmlNode? Parent { get; internal set; }

    /// <summary>Decoded text of a text node (white space as in the source); null for elements.</summary>
    public string? Text { get; internal set; }

    /// <summary>True for text nodes.</summary>
    public bool IsText => Text is not null;

    internal List<HtmlNode>? children;
    // extraction state, written by HtmlArticleExtractor on its own tree (one thread)
    internal TagKinds kinds;
    internal bool removed;
    internal bool isCandidate;
    internal bool isProtected;
    internal int chars, linkChars, commas, paragraphs, images, listItems, inputs, headingChars, ownChars, ownCommas;
    internal double score;
    internal int weight;
    internal HtmlAttribute[]? attributes;
    internal int attributeCount;

    /// <summary>Child nodes in document order (empty for text and void elements).</summary>
    public IReadOnlyList<HtmlNode> Children => children ?? none;

    /// <summary>The value of attribute <paramref name="name"/> (lower-case), or null.</summary>
    public string? Attribute(string name)
    {
        for (int i = 0; i < attributeCount; i++)
            if (ReferenceEquals(attributes![i].Name, name) || attributes[i].Name == name) return attributes[i].Value;
        return null;
    }

    /// <summary>The <c>id</c> attribute, or null.</summary>
    public string? Id => Attribute("id");

    /// <summary>The <c>class</c> attribute, or null.</summary>
    public string? Class => Attribute("class");

    internal void Add(HtmlNode child)
    {
        (children ??= []).Add(child);
    }

    internal void AddAttribute(string name, string value)
    {
        for (int i = 0; i < attributeCount; i++)
            if (ReferenceEquals(attributes![i].Name, name)) return; // the first of duplicate attributes wins, as in browsers
        attributes ??= new HtmlAttribute[4];
        if (attributeCount == attributes.Length) Array.Resize(ref attributes, attributeCount * 2);
        attributes[attributeCount++] = new HtmlAttribute(name, value);
    }

    /// <summary>The concatenated text of this node and its descendants (white space as in the source).</summary>
    public string InnerText()
    {
        if (Text is not null) return Text;
        var builder = new System.Text.StringBuilder();
        AppendText(this, builder);
        return builder.ToString();
    }

    private static void AppendText(HtmlNode node, System.Text.StringBuilder builder)
    {
        if (node.Text is not null) { builder.Append(node.Text); return; }
        if (node.children is null) return;
        foreach (var child in node.children) AppendText(child, builder);
    }

    /// <summary>This node and its descendants, in document order.</summary>
    public IEnumerable<HtmlNode> Descendants()
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            if (node.children is null) continue;
            for (int i = node.children.Count - 1; i >= 0; i--) stack.Push(node.children[i]);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Text ?? $"<{Name}>";

    /// <summary>The &lt;body&gt; element under this document root (directly or inside &lt;html&gt;), or null.</summary>
    internal HtmlNode? FindBody()
    {
        if (children is null) return null;
        foreach (var c in children)
        {
            if (c.Name == "body") return c;
            if (c.Name == "html" && c.children is not null)
                foreach (var cc in c.children)
                    if (cc.Name == "body") return cc;
        }
        return null;
    }
}
