using System.Text;

namespace Depeche.Ingestion.Html;

/// <summary>
/// Finds the main text of a page, readability-style: drop furniture (by tag, role, hidden state and class/id hints),
/// score each block of running text (length, commas) into its ancestors, take the best container corrected by link
/// density, add sibling blocks that score well, then write its blocks in document order, leaving out link lists,
/// short widgets and form-like blocks. One instance per page (not thread-safe): it writes scores into the tree.
/// </summary>
internal sealed class MainTextFinder
{
    /// <summary>Below this many characters of text, a result is retried without class/id hints (they misfired).</summary>
    private const int RetryBelowChars = 500;
    /// <summary>A block scores only when it holds this many characters of its own running text (readability uses 25; a menu label or button rarely reaches 40).</summary>
    private const int MinScoredChars = 40;
    /// <summary>Ancestors that receive a block's score: parent in full, grandparent half, then a third per level.</summary>
    private const int ScoredAncestors = 5;

    private readonly ClassHints hints = new();
    /// <summary>The retry replaces the first result only when it finds this many times more text (else cookie banners win).</summary>
    private const int RetryGain = 10;
    private readonly HtmlNode root;
    private int totalChars;

    public MainTextFinder(HtmlNode root) => this.root = root;

    /// <summary>The best container found by the last <see cref="Find"/>, for metadata lookups near the story.</summary>
    public HtmlNode? Container { get; private set; }

    /// <summary>The article's blocks (paragraphs, headings, list items, quotes) in document order, white space collapsed.</summary>
    public List<string> Find()
    {
        var body = root.FindBody() ?? root;
        var best = Run(body, useHints: true);
        if (Chars(best) < RetryBelowChars)
        {
            var container = Container;
            var second = Run(body, useHints: false);
            // the retry drops no boilerplate by class: take it only when the hints left next to nothing
            if (Chars(second) <= Chars(best) * RetryGain) { Container = container; return best; }
            return second;
        }
        return best;
    }

    private static int Chars(List<string> paragraphs)
    {
        int n = 0;
        foreach (var p in paragraphs) n += p.Length;
        return n;
    }

    private static void ClearMarks(HtmlNode node)
    {
        if (node.children is null) return;
        foreach (var child in node.children)
        {
            if (child.Text is not null) continue;
            child.removed = false;
            ClearMarks(child);
        }
    }

    private List<string> Run(HtmlNode body, bool useHints)
    {
        ClearMarks(body);
        Measure(body, inLink: false);
        totalChars = Math.Max(1, body.chars);
        Mark(body, useHints, inArticle: false);
        Measure(body, inLink: false);
        Score(body);
        var top = TopCandidate(body);
        Container = top;
        var parts = Siblings(top);
        // markup naming the story's body wins when it holds the best block or half the chosen text
        var marked = useHints ? FindMarkedBody(body) : null;
        if (marked is not null && marked.chars >= MinMarkedChars)
        {
            if ((bestBlock is not null && (IsAncestor(marked, bestBlock) || marked == bestBlock)) || marked.chars * 2 >= top.chars)
            {
                for (var n = marked; n is not null; n = n.Parent) n.isProtected = true;
                parts = [marked];
                Container = marked;
            }
        }
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var part in parts)
        {
            Emit(part, current, paragraphs, root: true);
            Flush(current, paragraphs);
        }
        return paragraphs;
    }

    // ---- measuring -------------------------------------------------------------------------------------------------

    private static void Measure(HtmlNode node, bool inLink)
    {
        node.chars = node.linkChars = node.commas = node.paragraphs = node.images = node.listItems = node.inputs = 0;
        node.headingChars = node.ownChars = node.ownCommas = 0;
        node.score = 0;
        node.isCandidate = false;
        node.isProtected = false;
        if (node.children is null) return;
        bool link = inLink || node.Name == "a";
        foreach (var child in node.children)
        {
            if (child.Text is not null)
            {
                // counted once by the parser (the raw text of title, script and textarea is never measured: furniture)
                int n = child.chars, commas = child.commas;
                node.chars += n;
                node.ownChars += n;
                node.commas += commas;
                node.ownCommas += commas;
                if (link) node.linkChars += n;
                continue;
            }
            string name = child.Name;
            if (child.removed || (child.kinds & TagKinds.Furniture) != 0)
            {
                if (name is "img" or "picture") node.images++;
                else if (name is "input" or "select" or "textarea" or "button") node.inputs++;
                else if (name is "iframe" or "embed" or "object" or "video") node.images++;
                continue;
            }
            Measure(child, link);
            node.chars += child.chars;
            node.linkChars += child.linkChars;
            node.commas += child.commas;
            node.paragraphs += child.paragraphs + (name == "p" ? 1 : 0);
            node.listItems += child.listItems + (name == "li" ? 1 : 0);
            node.images += child.images;
            node.inputs += child.inputs;
            node.headingChars += child.headingChars + ((child.kinds & TagKinds.Heading) != 0 ? child.chars : 0);
            if ((child.kinds & TagKinds.Block) == 0)
            {
                node.ownChars += child.ownChars;
                node.ownCommas += child.ownCommas;
            }
        }
    }

    private void Mark(HtmlNode node, bool useHints, bool inArticle)
    {
        if (node.children is null) return;
        foreach (var child in node.children)
        {
            if (child.Text is not null) continue;
            child.removed = false;
            child.weight = 0;
            if ((child.kinds & TagKinds.Furniture) != 0) { child.removed = true; continue; }
            if (IsHidden(child) || (IsFurniture(child, inArticle) && child.chars < totalChars / 2)) { child.removed = true; continue; }
            {
                var hint = hints.Of(child);
                child.weight = useHints ? hint.Weight : 0;
                bool wrapper = child.Name is "body" or "html" or "article" or "main";
                if (!useHints) goto next;
                if (!wrapper && hint.Boilerplate && !(hint.Maybe && child.chars > totalChars * 0.3)) { child.removed = true; continue; }
                if (!wrapper && hint.Unlikely && child.Name != "a") { child.removed = true; continue; }
                if (!wrapper && hint.Furniture && child.chars < totalChars * 0.2) { child.removed = true; continue; }
            }
        next:
            Mark(child, useHints, inArticle || child.Name is "article" or "main" || child.Attribute("itemprop") is "articleBody");
        }
    }

    private static bool IsHidden(HtmlNode node)
    {
        if (node.Attribute("hidden") is not null) return true;
        if (node.Attribute("aria-hidden") is "true") return true;
        if (node.Attribute("style") is { } style)
        {
            var st = style.AsSpan();
            int i = st.IndexOf("display", StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && After(st[(i + 7)..]).StartsWith("none", StringComparison.OrdinalIgnoreCase)) return true;
            i = st.IndexOf("visibility", StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && After(st[(i + 10)..]).StartsWith("hidden", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;

        static ReadOnlySpan<char> After(ReadOnlySpan<char> s) => s.TrimStart().TrimStart(':').TrimStart();
    }

    private static bool IsFurniture(HtmlNode node, bool inArticle)
    {
        switch (node.Name)
        {
            case "aside":
            case "footer":
            case "figcaption":
                return true;
            case "header":
                return !inArticle; // a page header holds menus; an article's header holds its title and standfirst
        }
        return node.Attribute("role") is "navigation" or "menu" or "menubar" or "complementary" or "contentinfo" or "search"
            or "dialog" or "alertdialog" or "banner" or "toolbar";
    }

    // ---- scoring ---------------------------------------------------------------------------------------------------

    private void Score(HtmlNode node)
    {
        if (node.children is null) return;
        foreach (var child in node.children)
        {
            if (child.Text is not null || child.removed) continue;
            Score(child);
            if ((child.kinds & TagKinds.Block) == 0 || child.ownChars < MinScoredChars) continue;
            // a paragraph scores into its parent; a div with loose text is its own paragraph's parent
            bool paragraph = child.Name is "p" or "pre" or "td" or "blockquote" or "li" or "dd" or "dt" || (child.kinds & TagKinds.Heading) != 0;
            double score = 1 + child.ownCommas + Math.Min(child.ownChars / 100, 3);
            var ancestor = paragraph ? node : child;
            for (int level = 0; level < ScoredAncestors && ancestor is not null && ancestor.Name != "#document"; level++)
            {
                if (!ancestor.isCandidate) Initialize(ancestor);
                ancestor.score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
                ancestor = ancestor.Parent;
            }
        }
    }

    private static void Initialize(HtmlNode node)
    {
        node.isCandidate = true;
        node.score = node.weight + node.Name switch
        {
            "div" or "article" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
    }

    private static double LinkDensity(HtmlNode node) => node.chars == 0 ? 0 : (double)node.linkChars / node.chars;

    private static double Final(HtmlNode node) => node.score * (1 - LinkDensity(node));

    /// <summary>A marked body (<c>itemprop=articleBody</c>, <c>entry-content</c>) shorter than this is a teaser, not the story.</summary>
    private const int MinMarkedChars = 250;
    // the best-scoring block of the current page (per thread: the finder's static helpers run on one page at a time per thread)
    [ThreadStatic] private static HtmlNode? bestBlock;

    // The first element whose markup names the story's body (schema.org articleBody, CMS classes), outside removed parts.
    private HtmlNode? FindMarkedBody(HtmlNode body)
    {
        foreach (var n in body.Descendants())
        {
            if (n.IsText || n.removed || (n.kinds & TagKinds.Inline) != 0) continue;
            if (n.Attribute("itemprop") is "articleBody" or "text") return n.chars > 0 ? n : null;
            if (hints.Of(n).StoryBody) return HasRemovedAncestor(n) ? null : n;
        }
        return null;
    }

    private static bool HasRemovedAncestor(HtmlNode n)
    {
        for (var p = n; p is not null; p = p.Parent) if (p.removed) return true;
        return false;
    }

    private static HtmlNode TopCandidate(HtmlNode body)
    {
        bestBlock = null;
        var top = new List<HtmlNode>(5);
        foreach (var n in body.Descendants())
        {
            if (!n.isCandidate || n.removed) continue;
            double f = Final(n);
            int at = top.Count;
            while (at > 0 && Final(top[at - 1]) < f) at--;
            if (at < 5)
            {
                top.Insert(at, n);
                if (top.Count > 5) top.RemoveAt(5);
            }
        }
        if (top.Count == 0 || top[0] == body)
        {
            // nothing long enough to score (a short or broken page): keep all its text rather than none
            for (var n = body; n is not null; n = n.Parent) n.isProtected = true;
            MarkProtected(body);
            return body;
        }
        var best = top[0];
        bestBlock = best;
        double bestScore = Final(best);
        // the best-scoring block and its ancestors hold the story: cleaning never drops them
        for (var n = best; n is not null; n = n.Parent) n.isProtected = true;

        // several near-best candidates under one ancestor: the story is split in blocks, take their common ancestor
        var alternatives = new List<HtmlNode>();
        for (int i = 1; i < top.Count; i++)
            if (Final(top[i]) / bestScore >= 0.75) alternatives.Add(top[i]);
        if (alternatives.Count >= 3)
        {
            for (var parent = best.Parent; parent is not null && parent != body; parent = parent.Parent)
            {
                int contained = 0;
                foreach (var alt in alternatives)
                    if (IsAncestor(parent, alt)) contained++;
                if (contained >= 3) { best = parent; break; }
            }
        }
        if (!best.isCandidate) Initialize(best);

        // climb while the parent scores better than the child: the child was one part of the story
        double lastScore = Final(best);
        double threshold = lastScore / 3;
        for (var parent = best.Parent; parent is not null && parent != body && parent.Name != "#document"; parent = parent.Parent)
        {
            if (!parent.isCandidate) continue;
            double parentScore = Final(parent);
            if (parentScore < threshold) break;
            if (parentScore > lastScore) { best = parent; break; }
            lastScore = parentScore;
        }
        // a table row or cell is a layout slot, not a container: the story is the table (and what surrounds it)
        while (best.Name is "tr" or "td" or "th" or "tbody" or "thead" && best.Parent is { } tp && tp != body) best = tp;
        // an only child stands for its parent
        while (best.Parent is { } p && p != body && p.Name != "#document" && ElementChildren(p) == 1) best = p;
        return best;
    }

    private static void MarkProtected(HtmlNode node)
    {
        if (node.children is null) return;
        foreach (var c in node.children)
            if (c.Text is null) { c.isProtected = true; MarkProtected(c); }
    }

    private static bool IsAncestor(HtmlNode ancestor, HtmlNode node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
            if (n == ancestor) return true;
        return false;
    }

    private static int ElementChildren(HtmlNode node)
    {
        int n = 0;
        if (node.children is null) return 0;
        foreach (var c in node.children)
            if (c.Text is null && !c.removed) n++;
        return n;
    }

    private static List<HtmlNode> Siblings(HtmlNode top)
    {
        var parent = top.Parent;
        if (parent is null || parent.children is null || top.Name == "body") return [top];
        double topScore = Final(top);
        double threshold = Math.Max(5, topScore * 0.2);
        string? topClass = top.Attribute("class");
        var parts = new List<HtmlNode>();
        foreach (var sibling in parent.children)
        {
            if (sibling == top) { parts.Add(sibling); continue; }
            if (sibling.Text is not null || sibling.removed) continue;
            double bonus = topClass is { Length: > 0 } && sibling.Attribute("class") == topClass ? topScore * 0.2 : 0;
            if (sibling.isCandidate && Final(sibling) + bonus >= threshold) { parts.Add(sibling); continue; }
            if (sibling.Name == "p")
            {
                double density = LinkDensity(sibling);
                if (sibling.chars > 80 && density < 0.25) parts.Add(sibling);
                else if (sibling.chars is > 0 and <= 80 && density == 0 && EndsSentence(sibling)) parts.Add(sibling);
            }
        }
        return parts;
    }

    private static bool EndsSentence(HtmlNode node)
    {
        var text = node.InnerText().AsSpan().TrimEnd();
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '»' or '"';
    }

    // ---- writing ---------------------------------------------------------------------------------------------------

    private static void Emit(HtmlNode node, StringBuilder current, List<string> paragraphs, bool root)
    {
        if (node.children is null) return;
        var children = node.children;
        for (int i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.Text is { } text) { AppendCollapsed(current, text); continue; }
            if (child.Name == "br") { if (current.Length > 0 && current[^1] != '\n') { TrimEndSpace(current); current.Append('\n'); } continue; }
            if (child.removed || (child.kinds & TagKinds.Furniture) != 0) continue;
            if ((child.kinds & TagKinds.Block) == 0) { Emit(child, current, paragraphs, false); continue; }
            if (!child.isProtected && IsJunk(child)) continue;
            // "Lire aussi", "Sur le même sujet": a heading whose section was dropped introduces nothing
            if ((child.kinds & TagKinds.Heading) != 0 && !IntroducesText(children, i)) continue;
            Flush(current, paragraphs);
            Emit(child, current, paragraphs, false);
            Flush(current, paragraphs);
        }
    }

    private static bool IntroducesText(List<HtmlNode> siblings, int at)
    {
        for (int j = at + 1; j < siblings.Count; j++)
        {
            var next = siblings[j];
            if (next.Text is { } t) { if (!string.IsNullOrWhiteSpace(t)) return true; continue; }
            if (next.Name == "br" || (next.kinds & TagKinds.Furniture) != 0) continue; // images, scripts: no text either way
            if (!next.removed && next.chars == 0) continue;                             // an image-only figure, an empty wrapper
            if (next.removed && next.chars < MinScoredChars) continue;                  // an ad slot or share bar between heading and text
            return !next.removed && (next.isProtected || !IsJunk(next));
        }
        return true; // the last child: what it introduces may follow its wrapper
    }

    private static void AppendCollapsed(StringBuilder current, string text)
    {
        if (ReferenceEquals(text, " ") || text.Length == 0)
        {
            if (current.Length > 0 && current[^1] is not (' ' or '\n')) current.Append(' ');
            return;
        }
        bool space = false;
        foreach (char c in text)
        {
            if (c is ' ' or '\n' or '\t' or '\r' or '\f') { space = true; continue; }
            if (space && current.Length > 0 && current[^1] is not (' ' or '\n')) current.Append(' ');
            space = false;
            current.Append(c);
        }
        if (space && current.Length > 0 && current[^1] is not (' ' or '\n')) current.Append(' ');
    }

    private static void TrimEndSpace(StringBuilder current)
    {
        while (current.Length > 0 && current[^1] == ' ') current.Length--;
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0) return;
        int start = 0, end = current.Length;
        while (start < end && current[start] is ' ' or '\n') start++;
        while (end > start && current[end - 1] is ' ' or '\n') end--;
        if (end > start && !IsDateLine(current, start, end)) paragraphs.Add(current.ToString(start, end - start));
        current.Clear();
    }

    /// <summary>Longest block checked for being a bare date line ("Aktualisiert am 03.04.2020, 19:49").</summary>
    private const int MaxDateLineChars = 48;

    // A block that is only a date or time, maybe after a label: page furniture (the date goes to the metadata).
    // Digits, date separators and at most two words ("05. Februar 2020", "Mis à jour : 10/04/2025 14:05"); no other symbols.
    private static bool IsDateLine(StringBuilder b, int start, int end)
    {
        if (end - start > MaxDateLineChars) return false;
        int digits = 0, words = 0, i = start;
        int colon = -1;
        for (int k = start; k < end; k++) if (b[k] == ':' && k + 1 < end && b[k + 1] == ' ') { colon = k; break; }
        if (colon > start && colon - start <= 24) i = colon + 1; // a label: "Aktualisiert:", "Publié le :"
        bool inWord = false;
        for (; i < end; i++)
        {
            char c = b[i];
            if (char.IsAsciiDigit(c)) { digits++; inWord = false; continue; }
            if (char.IsLetter(c)) { if (!inWord) words++; inWord = true; continue; }
            inWord = false;
            if (c is ' ' or '.' or '/' or '-' or ':' or ',' or '|' or '\u00a0' or '\n') continue;
            return false;
        }
        return digits >= 4 && words <= 2 && HasDateShape(b, start, end);
    }

    // a year (1990–2099), "dd.mm." / "dd/mm/", or "hh:mm"
    private static bool HasDateShape(StringBuilder b, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!char.IsAsciiDigit(b[i]) || (i > start && char.IsAsciiDigit(b[i - 1]))) continue;
            int j = i;
            while (j < end && char.IsAsciiDigit(b[j])) j++;
            int n = j - i;
            if (n == 4 && (b[i] == '2' && b[i + 1] == '0' || b[i] == '1' && b[i + 1] == '9')) return true;
            if (n is 1 or 2 && j + 2 < end && b[j] is '.' or '/' or ':' && char.IsAsciiDigit(b[j + 1]))
            {
                int k = j + 1;
                while (k < end && char.IsAsciiDigit(b[k])) k++;
                if (b[j] == ':' && k - j - 1 == 2) return true;
                if (b[j] != ':' && k - j - 1 is 1 or 2 && k < end && b[k] == b[j]) return true;
            }
            i = j;
        }
        return false;
    }

    // readability's conditional cleaning: blocks that look like widgets, link lists or forms rather than prose.
    // Unlike readability, lists are judged by their class weight only, not by their score: a list's items start it at -3
    // and short items never lift it, so readability drops every bulleted list of a story.
    private static bool IsJunk(HtmlNode node)
    {
        double linkDensity = LinkDensity(node);
        if ((node.kinds & TagKinds.Heading) != 0)
            return node.Name == "h1" || node.weight < 0 || linkDensity > 0.33; // h1 is the headline, written apart
        if (node.Name is not ("div" or "section" or "ul" or "ol" or "table" or "form" or "fieldset" or "dl" or "header" or "nav"))
            return node.Name == "p" && linkDensity > 0.5 && node.chars < 200 && node.linkChars > 0 && node.weight <= 0;
        int weight = node.weight;
        bool isList = node.Name is "ul" or "ol";
        if (weight < 0 && !node.isCandidate) return true;
        if (node.commas >= 10) return false;
        int p = node.paragraphs, img = node.images, li = node.listItems - 100, input = node.inputs;
        double headingDensity = node.chars == 0 ? 0 : (double)node.headingChars / node.chars;
        int length = node.chars;
        if (img > 1 && (double)p / img < 0.5) return true;
        if (!isList && li > p) return true;
        if (input > p / 3) return true;
        if (!isList && headingDensity < 0.9 && length < 25 && (img == 0 || img > 2)) return true;
        if (!isList && weight < 25 && linkDensity > 0.2) return true;
        if (weight >= 25 && linkDensity > 0.5) return true;
        return false;
    }
}
