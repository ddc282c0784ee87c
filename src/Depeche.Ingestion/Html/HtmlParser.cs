using System.Collections.Frozen;
using System.Net;

namespace Depeche.Ingestion.Html;

/// <summary>What a tag is, for tree building and for extraction.</summary>
[Flags]
public enum TagKinds
{
    None = 0,
    /// <summary>Never has children (<c>br</c>, <c>img</c>, <c>meta</c>).</summary>
    Void = 1,
    /// <summary>Its content is raw text up to its end tag (<c>script</c>, <c>style</c>, <c>title</c>).</summary>
    RawText = 2,
    /// <summary>Starts a new block of text (a paragraph break before and after).</summary>
    Block = 4,
    /// <summary>Its start tag closes an open <c>p</c> (HTML's implied end tag).</summary>
    ClosesParagraph = 8,
    /// <summary>Phrasing content (<c>a</c>, <c>b</c>, <c>span</c>): stays inside the paragraph.</summary>
    Inline = 16,
    /// <summary>Never part of an article's text (scripts, forms, embedded media, navigation).</summary>
    Furniture = 32,
    /// <summary><c>h1</c>–<c>h6</c>.</summary>
    Heading = 64,
    /// <summary>A list item or definition (<c>li</c>, <c>dt</c>, <c>dd</c>).</summary>
    ListItem = 128,
    /// <summary>A table row or cell structure element.</summary>
    Table = 256,
}

/// <summary>
/// A fast, forgiving HTML parser: one pass over the string, no regular expressions, a light tree with the attributes
/// extraction needs (<c>id class lang content property name itemprop datetime rel href type role hidden style
/// aria-hidden http-equiv charset</c>; others are skipped without allocating). It applies the HTML implied-end-tag
/// rules that matter for text (<c>p</c>, <c>li</c>, <c>dt/dd</c>, table cells, headings), ignores stray end tags,
/// never throws on malformed input, and flattens nesting deeper than <see cref="MaxDepth"/>. Thread-safe (stateless).
/// </summary>
public static class HtmlParser
{
    /// <summary>
    /// Deepest element nesting kept: real pages stay under 100; generated or broken pages (unclosed <c>&lt;font&gt;</c>
    /// thousands of times) would otherwise make every later walk recursive that deep.
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly FrozenDictionary<string, TagKinds> tags = BuildTags();
    private static readonly FrozenDictionary<string, string> internedTags =
        tags.Keys.ToFrozenDictionary(k => k, k => k, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> tagLookup =
        internedTags.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string> keptAttributes = FrozenSet.Create(StringComparer.Ordinal,
        "id", "class", "lang", "content", "property", "name", "itemprop", "datetime", "rel", "href", "type", "role", "hidden",
        "style", "aria-hidden", "http-equiv", "charset");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> attributeLookup =
        keptAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The kinds of a (lower-case) tag name; <see cref="TagKinds.Inline"/> for unknown tags (custom elements).</summary>
    public static TagKinds KindsOf(string name) => tags.TryGetValue(name, out var kinds) ? kinds : TagKinds.Inline;

    private static FrozenDictionary<string, TagKinds> BuildTags()
    {
        var d = new Dictionary<string, TagKinds>(StringComparer.Ordinal);
        void Add(TagKinds kinds, params string[] names)
        {
            foreach (var n in names) d[n] = d.GetValueOrDefault(n) | kinds;
        }
        const TagKinds block = TagKinds.Block | TagKinds.ClosesParagraph;
        Add(TagKinds.Void, "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen");
        Add(TagKinds.RawText, "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "template");
        Add(block, "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
            "summary", "table", "ul", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "listing", "plaintext");
        Add(TagKinds.Block, "html", "head", "body", "tr", "td", "th", "caption", "thead", "tbody", "tfoot", "legend", "option",
            "br", "title", "select", "textarea", "button", "video", "audio", "canvas", "iframe", "object", "img", "picture", "svg", "math");
        Add(TagKinds.Heading, "h1", "h2", "h3", "h4", "h5", "h6");
        Add(TagKinds.ListItem, "li", "dt", "dd");
        Add(TagKinds.Table, "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col");
        Add(TagKinds.Inline, "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
            "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
            "time", "tt", "u", "var", "wbr");
        Add(TagKinds.Furniture, "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
            "video", "audio", "select", "option", "button", "input", "textarea", "nav", "map", "area", "dialog", "head",
            "title", "meta", "link", "base", "noembed", "noframes", "picture", "img", "source", "track", "param", "frameset", "frame");
        Add(TagKinds.None, "frameset", "frame", "colgroup", "col", "optgroup", "output", "small");
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Parses <paramref name="html"/> into a tree under a <c>#document</c> root. Never throws for any input.</summary>
    public static HtmlNode Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var builder = new TreeBuilder();
        var s = html.AsSpan();
        int pos = 0;
        int textStart = 0;
        Span<char> lower = stackalloc char[32];
        while (pos < s.Length)
        {
            int lt = s[pos..].IndexOf('<');
            if (lt < 0) { pos = s.Length; break; }
            pos += lt;
            if (pos + 1 >= s.Length) { pos = s.Length; break; }
            char next = s[pos + 1];
            if (next == '!' || next == '?')
            {
                builder.Text(html, textStart, pos);
                if (next == '!' && s[(pos + 2)..].StartsWith("--"))
                {
                    int end = s[(pos + 4)..].IndexOf("-->");
                    pos = end < 0 ? s.Length : pos + 4 + end + 3;
                }
                else
                {
                    int end = s[pos..].IndexOf('>');
                    pos = end < 0 ? s.Length : pos + end + 1;
                }
                textStart = pos;
                continue;
            }
            bool endTag = next == '/';
            int nameStart = pos + (endTag ? 2 : 1);
            if (nameStart >= s.Length || !char.IsAsciiLetter(s[nameStart]))
            {
                if (endTag)
                {
                    // "</ >" or "</3": a bogus comment in HTML
                    builder.Text(html, textStart, pos);
                    int end = s[pos..].IndexOf('>');
                    pos = end < 0 ? s.Length : pos + end + 1;
                    textStart = pos;
                }
                else pos++; // "a < b": the '<' is text
                continue;
            }
            builder.Text(html, textStart, pos);
            int nameEnd = nameStart;
            while (nameEnd < s.Length && !IsNameEnd(s[nameEnd])) nameEnd++;
            string name = TagName(s[nameStart..nameEnd], lower);
            pos = nameEnd;
            if (endTag)
            {
                int end = s[pos..].IndexOf('>');
                pos = end < 0 ? s.Length : pos + end + 1;
                builder.End(name);
                textStart = pos;
                continue;
            }
            var kinds = KindsOf(name);
            var node = new HtmlNode(name, null) { kinds = kinds };
            bool selfClosing = ReadAttributes(html, ref pos, node, lower);
            if ((kinds & TagKinds.RawText) != 0 && !selfClosing)
            {
                int close = FindEndTag(s, pos, name);
                int contentEnd = close < 0 ? s.Length : close;
                builder.Start(node, kinds, isVoid: true);
                if (name == "title" || name == "textarea"
                    || (name == "script" && node.Attribute("type") is { } type && type.Contains("json", StringComparison.OrdinalIgnoreCase)))
                {
                    var raw = s[pos..contentEnd];
                    node.Add(new HtmlNode(HtmlNode.TextName, node) { Text = name == "script" ? raw.ToString() : Decode(raw) });
                }
                if (close < 0) pos = s.Length;
                else
                {
                    int gt = s[close..].IndexOf('>');
                    pos = gt < 0 ? s.Length : close + gt + 1;
                }
            }
            else builder.Start(node, kinds, isVoid: selfClosing && (kinds & TagKinds.Void) == 0 ? IsForeignSelfClosing(name) : (kinds & TagKinds.Void) != 0);
            textStart = pos;
        }
        builder.Text(html, textStart, s.Length);
        return builder.Root;
    }

    // "<div/>" is not self-closing in HTML (the slash is ignored), but "<svg .../>" children and unknown tags are treated as empty.
    private static bool IsForeignSelfClosing(string name) => (KindsOf(name) & TagKinds.Block) == 0 || name == "svg" || name == "math";

    private static bool IsNameEnd(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>';

    private static string TagName(ReadOnlySpan<char> raw, Span<char> lower)
    {
        if (raw.Length <= lower.Length)
        {
            var l = lower[..raw.Length];
            raw.ToLowerInvariant(l);
            // the interned name: no allocation per tag, and cheap comparisons later
            return tagLookup.TryGetValue(l, out var interned) ? interned : l.ToString();
        }
        return raw.ToString().ToLowerInvariant();
    }

    private static bool ReadAttributes(string html, ref int pos, HtmlNode node, Span<char> lower)
    {
        var s = html.AsSpan();
        bool keepHref = node.Name is "link" or "base" or "a";
        while (pos < s.Length)
        {
            char c = s[pos];
            if (c == '>') { pos++; return false; }
            if (c == '/')
            {
                if (pos + 1 < s.Length && s[pos + 1] == '>') { pos += 2; return true; }
                pos++;
                continue;
            }
            if (c is ' ' or '\t' or '\n' or '\r' or '\f') { pos++; continue; }
            int nameStart = pos;
            pos++;
            while (pos < s.Length && s[pos] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>' or '=')) pos++;
            var rawName = s[nameStart..pos];
            while (pos < s.Length && s[pos] is ' ' or '\t' or '\n' or '\r' or '\f') pos++;
            int valueStart = -1, valueEnd = -1;
            if (pos < s.Length && s[pos] == '=')
            {
                pos++;
                while (pos < s.Length && s[pos] is ' ' or '\t' or '\n' or '\r' or '\f') pos++;
                if (pos < s.Length && s[pos] is '"' or '\'')
                {
                    char quote = s[pos];
                    int close = s[(pos + 1)..].IndexOf(quote);
                    valueStart = pos + 1;
                    valueEnd = close < 0 ? s.Length : pos + 1 + close;
                    pos = close < 0 ? s.Length : valueEnd + 1;
                }
                else
                {
                    valueStart = pos;
                    while (pos < s.Length && s[pos] is not (' ' or '\t' or '\n' or '\r' or '\f' or '>')) pos++;
                    valueEnd = pos;
                }
            }
            if (rawName.Length > lower.Length) continue;
            var name = lower[..rawName.Length];
            rawName.ToLowerInvariant(name);
            if (!attributeLookup.TryGetValue(name, out var interned)) continue;
            if (interned == "href" && !keepHref) continue;
            string value = valueStart < 0 ? "" : Decode(s[valueStart..valueEnd]);
            node.AddAttribute(interned, value);
        }
        return false;
    }

    private static int FindEndTag(ReadOnlySpan<char> s, int from, string name)
    {
        int pos = from;
        while (pos < s.Length)
        {
            int i = s[pos..].IndexOf("</", StringComparison.Ordinal);
            if (i < 0) return -1;
            int at = pos + i;
            int nameEnd = at + 2 + name.Length;
            if (nameEnd <= s.Length && s.Slice(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (nameEnd == s.Length || IsNameEnd(s[nameEnd])))
                return at;
            pos = at + 2;
        }
        return -1;
    }

    /// <summary>Decodes character references (<c>&amp;eacute;</c>, <c>&amp;#233;</c>) when there are any.</summary>
    public static string Decode(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOf('&') < 0) return raw.ToString();
        return WebUtility.HtmlDecode(raw.ToString());
    }

    private sealed class TreeBuilder
    {
        private readonly List<HtmlNode> stack = new(64);
        private readonly List<TagKinds> stackKinds = new(64);
        private bool sawHtml, sawBody, sawHead;

        public HtmlNode Root { get; } = new("#document", null);

        private HtmlNode Current => stack.Count == 0 ? Root : stack[^1];

        public void Text(string html, int start, int end)
        {
            if (end <= start) return;
            var raw = html.AsSpan(start, end - start);
            bool blank = raw.IsWhiteSpace();
            if (!blank) ImplyBody();
            string text = blank ? " " : Decode(raw);
            var parent = Current;
            var node = new HtmlNode(HtmlNode.TextName, parent) { Text = text };
            if (!blank) CountText(node, text);
            parent.Add(node);
        }

        public void Start(HtmlNode node, TagKinds kinds, bool isVoid)
        {
            string name = node.Name;
            switch (name)
            {
                case "html":
                    if (sawHtml) return;
                    sawHtml = true;
                    break;
                case "head":
                    if (sawHead || sawBody) return;
                    sawHead = true;
                    break;
                case "body":
                    if (sawBody) return;
                    sawBody = true;
                    PopTo("head", stopAt: TagKinds.None);
                    break;
                case "meta" or "link" or "title" or "script" or "style" or "base" or "noscript" or "template":
                    break;
                default:
                    ImplyBody();
                    break;
            }
            if ((kinds & TagKinds.ClosesParagraph) != 0) CloseParagraph();
            if ((kinds & TagKinds.ListItem) != 0)
            {
                if (name == "li") CloseListItem("li", "li", "li");
                else CloseListItem("dt", "dd", "dt");
            }
            else if ((kinds & TagKinds.Heading) != 0 && stack.Count > 0 && (stackKinds[^1] & TagKinds.Heading) != 0) Pop();
            else if (name is "td" or "th") CloseUntil(n => n is "td" or "th", n => n is "tr" or "table");
            else if (name == "tr") CloseUntil(n => n == "tr", n => n is "table" or "tbody" or "thead" or "tfoot");
            else if (name is "tbody" or "thead" or "tfoot") CloseUntil(n => n is "tbody" or "thead" or "tfoot", n => n == "table");
            else if (name == "option" && stack.Count > 0 && stack[^1].Name == "option") Pop();
            else if (name == "a") CloseUntil(n => n == "a", n => (KindsOf(n) & TagKinds.Block) != 0);

            node.kinds = kinds;
            var parent = Current;
            node.Parent = parent;
            parent.Add(node);
            if (isVoid || stack.Count >= MaxDepth) return;
            stack.Add(node);
            stackKinds.Add(kinds);
        }

        // characters that are not white space, and commas: counted once here, summed by every scoring pass
        private static void CountText(HtmlNode node, string text)
        {
            var t = text.AsSpan();
            node.chars = t.Length - t.Count(' ') - t.Count('\n') - t.Count('\t') - t.Count('\r') - t.Count('\f');
            node.commas = t.Count(',') + t.Count('，') + t.Count('、') + t.Count('،');
        }

        // content in an unclosed <head> (no <body> tag) starts the body, as in browsers
        private void ImplyBody()
        {
            if (sawBody || stack.Count == 0 || stack[^1].Name != "head") return;
            Pop();
            sawBody = true;
            var body = new HtmlNode("body", null) { kinds = KindsOf("body") };
            var parent = Current;
            body.Parent = parent;
            parent.Add(body);
            stack.Add(body);
            stackKinds.Add(body.kinds);
        }

        public void End(string name)
        {
            if (name is "html" or "body") return;
            if (name == "br") { Start(new HtmlNode("br", null), TagKinds.Void | TagKinds.Block, true); return; }
            for (int i = stack.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(stack[i].Name, name) || stack[i].Name == name)
                {
                    stack.RemoveRange(i, stack.Count - i);
                    stackKinds.RemoveRange(i, stackKinds.Count - i);
                    return;
                }
            }
        }

        private void Pop()
        {
            stack.RemoveAt(stack.Count - 1);
            stackKinds.RemoveAt(stackKinds.Count - 1);
        }

        private void PopTo(string name, TagKinds stopAt)
        {
            for (int i = stack.Count - 1; i >= 0; i--)
            {
                if (stack[i].Name == name)
                {
                    stack.RemoveRange(i, stack.Count - i);
                    stackKinds.RemoveRange(i, stackKinds.Count - i);
                    return;
                }
                if ((stackKinds[i] & stopAt) != 0) return;
            }
        }

        // an open <p> ends where a block starts, looking through inline elements only
        private void CloseParagraph()
        {
            for (int i = stack.Count - 1; i >= 0; i--)
            {
                if (stack[i].Name == "p")
                {
                    stack.RemoveRange(i, stack.Count - i);
                    stackKinds.RemoveRange(i, stackKinds.Count - i);
                    return;
                }
                if ((stackKinds[i] & TagKinds.Inline) == 0) return;
            }
        }

        // <li> closes the open <li> of the same list; the search passes div, p and inline elements only
        private void CloseListItem(string a, string b, string _)
        {
            for (int i = stack.Count - 1; i >= 0; i--)
            {
                string n = stack[i].Name;
                if (n == a || n == b)
                {
                    stack.RemoveRange(i, stack.Count - i);
                    stackKinds.RemoveRange(i, stackKinds.Count - i);
                    return;
                }
                if ((stackKinds[i] & TagKinds.Inline) == 0 && n is not ("div" or "p" or "address")) return;
            }
        }

        private void CloseUntil(Func<string, bool> match, Func<string, bool> stop)
        {
            for (int i = stack.Count - 1; i >= 0; i--)
            {
                string n = stack[i].Name;
                if (match(n))
                {
                    stack.RemoveRange(i, stack.Count - i);
                    stackKinds.RemoveRange(i, stackKinds.Count - i);
                    return;
                }
                if (stop(n)) return;
            }
        }
    }
}
