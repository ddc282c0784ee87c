using System.Text.Json;

namespace Depeche.Ingestion.Html;

/// <summary>
/// Reads what a page says about itself from its tree: meta tags, JSON-LD, microdata, <c>&lt;time&gt;</c>, visible
/// datelines, the URL. Each field takes the most reliable source present (order documented on each lookup). Malformed
/// JSON-LD is skipped. Thread-safe (stateless).
/// </summary>
public static class PageMetadataReader
{
    /// <summary>Press agencies recognised in credits ("avec AFP", "(Reuters)"). Names, not language: kept here rather than in a lexicon.</summary>
    private static readonly string[] agencies =
        ["AFP", "Reuters", "AP", "ATS", "Belga", "ANSA", "DPA", "EFE", "APS", "MAP", "TAP", "Xinhua", "TASS", "Interfax", "Anadolu", "Kyodo", "Bloomberg"];

    private static readonly string[] publishedKeys =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "published_time",
        "publishdate", "publish-date", "publish_date", "pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
        "dcterms.created", "date", "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
    ];
    private static readonly string[] modifiedKeys =
        ["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "article.updated"];
    private static readonly string[] publishedCues = ["publié le", "publié :", "mis en ligne le", "publication :", "publié", "posted on", "published on"];
    private static readonly string[] modifiedCues = ["mis à jour le", "mis à jour :", "modifié le", "actualisé le", "mise à jour le", "mise à jour :"];

    /// <summary>Reads the metadata of the page rooted at <paramref name="root"/>.</summary>
    /// <param name="root">The parsed page.</param>
    /// <param name="container">The story's container, if found (the first <c>&lt;time&gt;</c> inside it is preferred).</param>
    /// <param name="paragraphs">The story's paragraphs (for agency credits and inferred dates).</param>
    /// <param name="url">Where the page came from, if known.</param>
    public static PageMetadata Read(HtmlNode root, HtmlNode? container, IReadOnlyList<string> paragraphs, string? url)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ld = new JsonLdFacts();
        string? htmlLang = null, canonical = null, titleTag = null, firstTime = null, containerTime = null, pubTime = null;
        string? relAuthor = null, bylineText = null;
        var captions = new List<string>();
        foreach (var node in root.Descendants())
        {
            if (node.IsText) continue;
            switch (node.Name)
            {
                case "html":
                    htmlLang ??= node.Attribute("lang");
                    break;
                case "meta":
                    string? key = node.Attribute("property") ?? node.Attribute("name") ?? node.Attribute("itemprop") ?? node.Attribute("http-equiv");
                    if (key is not null && node.Attribute("content") is { } content && content.Length > 0) meta.TryAdd(key.Trim(), content.Trim());
                    break;
                case "link":
                    if (node.Attribute("rel") is { } rel && rel.Contains("canonical", StringComparison.OrdinalIgnoreCase)) canonical ??= node.Attribute("href");
                    break;
                case "title":
                    titleTag ??= Clean(node.InnerText());
                    break;
                case "script":
                    if (node.Attribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) ld.Read(node.InnerText());
                    break;
                case "time":
                    if (node.Attribute("datetime") is { Length: > 0 } dt)
                    {
                        firstTime ??= dt;
                        string? prop = node.Attribute("itemprop");
                        string? cls = node.Attribute("class");
                        if (prop is "datePublished" || node.Attribute("pubdate") is not null || (cls is not null && cls.Contains("publi", StringComparison.OrdinalIgnoreCase)))
                            pubTime ??= dt;
                        if (containerTime is null && container is not null && IsWithin(node, container)) containerTime = dt;
                    }
                    break;
                case "figcaption":
                    if (Clean(node.InnerText()) is { Length: > 0 } caption) captions.Add(caption);
                    break;
                case "a":
                    if (relAuthor is null && node.Attribute("rel") is "author") relAuthor = Clean(node.InnerText());
                    break;
            }
            if (node.Name is not ("meta" or "html" or "head" or "body"))
            {
                if (node.Attribute("itemprop") is { } ip)
                {
                    if (ip is "datePublished" && (node.Attribute("datetime") ?? node.Attribute("content")) is { } v) meta.TryAdd("datePublished", v);
                    else if (ip is "dateModified" && (node.Attribute("datetime") ?? node.Attribute("content")) is { } vm) meta.TryAdd("dateModified", vm);
                    else if (ip is "author" && bylineText is null) bylineText = Clean(node.InnerText());
                }

            }
        }

        PageDate? published = FromKeys(meta, publishedKeys, DateSource.Meta)
            ?? Iso(ld.Published, DateSource.JsonLd)
            ?? Iso(pubTime, DateSource.TimeElement) ?? Iso(containerTime, DateSource.TimeElement);
        PageDate? modified = FromKeys(meta, modifiedKeys, DateSource.Meta) ?? Iso(ld.Modified, DateSource.JsonLd);
        // visible datelines need the page's text: read it only when the metadata gave no publication date
        string? pageText = null;
        if (published is null)
        {
            pageText = (root.FindBody() ?? root).InnerText();
            published = Dateline(pageText, publishedCues);
            modified ??= Dateline(pageText, modifiedCues);
        }
        published ??= Iso(firstTime, DateSource.TimeElement);
        canonical = Absolute(canonical) ?? Absolute(Get(meta, "og:url")) ?? url;
        if (published is null && DateReader.TryParseUrl(canonical, out var fromUrl)) published = fromUrl;
        if (published is null && canonical != url && DateReader.TryParseUrl(url, out var fromGivenUrl)) published = fromGivenUrl;
        if (published is null) published = Inferred(paragraphs, canonical ?? url, pageText ?? (root.FindBody() ?? root).InnerText());

        string? author = NotUrl(Get(meta, "author")) ?? NotUrl(Get(meta, "article:author")) ?? ld.Author ?? relAuthor ?? bylineText
            ?? NotUrl(Get(meta, "dc.creator")) ?? Byline(root);
        string? outlet = Get(meta, "og:site_name") ?? ld.Publisher ?? Get(meta, "application-name") ?? Host(canonical);
        string? language = Language(htmlLang) ?? Language(Get(meta, "content-language")) ?? Language(Get(meta, "og:locale"))
            ?? Language(ld.Language) ?? Language(Get(meta, "language")) ?? Language(Get(meta, "dc.language"));
        string? title = Clean(Get(meta, "og:title")) ?? Clean(ld.Headline) ?? Clean(Get(meta, "twitter:title")) ?? WithoutSiteName(titleTag, Get(meta, "og:site_name"));

        return new PageMetadata
        {
            Title = title,
            Published = published,
            Modified = modified,
            Author = author,
            Outlet = outlet,
            Language = language,
            CanonicalUrl = canonical,
            Credits = Credits(paragraphs, author),
            Captions = captions,
        };
    }

    // a short element whose class names a byline or author: looked for only when no other source gave the author
    private static string? Byline(HtmlNode root)
    {
        foreach (var node in root.Descendants())
        {
            if (node.IsText || node.Attribute("class") is not { } c) continue;
            if (!c.Contains("byline", StringComparison.OrdinalIgnoreCase) && !c.Contains("author", StringComparison.OrdinalIgnoreCase)) continue;
            var text = Clean(node.InnerText());
            if (text is { Length: > 2 and < 100 }) return text;
        }
        return null;
    }

    /// <summary>
    /// The headline: the first <c>h1</c> inside the story's container, else the first <c>h1</c> of the page that
    /// the title starts with or contains (a site logo in an <c>h1</c> does not match the title), else null.
    /// </summary>
    public static string? Headline(HtmlNode root, HtmlNode? container, string? title)
    {
        if (container is not null)
            foreach (var n in container.Descendants())
                if (n.Name == "h1" && Clean(n.InnerText()) is { Length: > 0 } h) return h;
        string? first = null;
        foreach (var n in root.Descendants())
        {
            if (n.Name != "h1") continue;
            var h = Clean(n.InnerText());
            if (h is null) continue;
            first ??= h;
            if (title is not null && h.Length >= 10 && title.Contains(h, StringComparison.OrdinalIgnoreCase)) return h;
        }
        return title is null ? first : null;
    }

    // class or id words that name a standfirst (chapô) in CMS templates; matched as whole words ("p.lead", "article__lead")
    private static readonly System.Collections.Frozen.FrozenSet<string> standfirstWords = System.Collections.Frozen.FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "chapo", "chapeau", "standfirst", "lead", "lede", "leadtext", "intro", "introduction", "subtitle", "subheadline",
        "sommario", "sumario", "entradilla", "bajada", "vorspann", "dek", "deck", "excerpt");

    /// <summary>
    /// The standfirst: near the story (under its container's grandparent), the first block whose class or id names it
    /// (chapo, standfirst, lead…), 40–800 characters, outside navigation and asides.
    /// </summary>
    public static string? Standfirst(HtmlNode root, HtmlNode? container)
    {
        var scope = container?.Parent?.Parent ?? container?.Parent ?? root;
        foreach (var n in scope.Descendants())
        {
            if (n.IsText || (n.kinds & TagKinds.Furniture) != 0 || n.Name is "body" or "html" or "article" or "main" or "section" or "aside" or "nav" or "footer" or "ul" or "ol" or "li") continue;
            if (!NamesStandfirst(n.Attribute("class")) && !NamesStandfirst(n.Attribute("id"))) continue;
            if (InFurniture(n, scope)) continue;
            var text = Clean(n.InnerText());
            if (text is { Length: >= 40 and <= 800 }) return text;
        }
        return null;
    }

    private static bool NamesStandfirst(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        var lookup = standfirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var s = value.AsSpan();
        int start = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && char.IsLetterOrDigit(s[i])) continue;
            if (i > start && lookup.Contains(s[start..i])) return true;
            start = i + 1;
        }
        return false;
    }

    private static bool InFurniture(HtmlNode node, HtmlNode scope)
    {
        for (var n = node.Parent; n is not null && n != scope; n = n.Parent)
            if (n.Name is "aside" or "nav" or "footer" or "li" || (n.kinds & TagKinds.Furniture) != 0) return true;
        return false;
    }

    /// <summary>"Rennes vote son budget - Le Quotidien" → "Rennes vote son budget": the longest part between title separators.</summary>
    internal static string? WithoutSiteName(string? title, string? siteName)
    {
        if (title is null) return null;
        if (siteName is { Length: > 0 })
        {
            foreach (var separator in (string[])[" | ", " - ", " – ", " — ", " :: ", " · "])
            {
                int at = title.LastIndexOf(separator + siteName, StringComparison.OrdinalIgnoreCase);
                if (at > 0 && at + separator.Length + siteName.Length == title.Length) return title[..at].Trim();
            }
        }
        string best = title;
        foreach (var separator in (string[])[" | ", " - ", " – ", " — ", " :: ", " · "])
        {
            if (!title.Contains(separator, StringComparison.Ordinal)) continue;
            var parts = title.Split(separator);
            var longest = parts.MaxBy(p => p.Length)!.Trim();
            if (longest.Length < best.Length && longest.Length >= 10) best = longest;
        }
        return best;
    }

    private static bool IsWithin(HtmlNode node, HtmlNode container)
    {
        for (var n = node; n is not null; n = n.Parent)
            if (n == container) return true;
        return false;
    }

    private static string? Get(Dictionary<string, string> meta, string key) => meta.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    private static PageDate? FromKeys(Dictionary<string, string> meta, string[] keys, DateSource source)
    {
        foreach (var key in keys)
            if (Get(meta, key) is { } v && Iso(v, source) is { } date) return date;
        return null;
    }

    private static PageDate? Iso(string? value, DateSource source) =>
        value is not null && DateReader.TryParseIso(value, source, out var date) ? date : null;

    private static PageDate? Dateline(string text, string[] cues)
    {
        var s = text.AsSpan();
        foreach (var cue in cues)
        {
            int from = 0;
            while (from < s.Length)
            {
                int i = s[from..].IndexOf(cue, StringComparison.OrdinalIgnoreCase);
                if (i < 0) break;
                int at = from + i + cue.Length;
                var rest = s[at..Math.Min(s.Length, at + 60)];
                if (DateReader.TryParseFrench(rest, out var date)) return date;
                from = at;
            }
        }
        return null;
    }

    /// <summary>
    /// "ce jeudi 10 avril" in the first paragraphs, with no year: the year is certain only when exactly one of the years
    /// written in the URL or the page makes 10 April a Thursday.
    /// </summary>
    private static PageDate? Inferred(IReadOnlyList<string> paragraphs, string? url, string pageText)
    {
        var years = new HashSet<int>();
        CollectYears(url, years);
        CollectYears(pageText, years);
        if (years.Count == 0) return null;
        for (int k = 0; k < Math.Min(3, paragraphs.Count); k++)
        {
            var s = paragraphs[k].AsSpan();
            for (int i = 0; i < s.Length; i++)
            {
                if (!char.IsLetter(s[i]) || (i > 0 && char.IsLetter(s[i - 1]))) continue;
                if (!DateReader.TryParseFrenchDay(s[i..], requireYear: false, out var day, out _, out int end) || day.Weekday is null)
                {
                    continue;
                }
                if (day.Year != 0) return null; // a full date is not an inference; the metadata had its chance
                int found = 0, year = 0;
                foreach (var y in years)
                {
                    if (!DateReader.Valid(y, day.Month, day.Day)) continue;
                    if (new DateOnly(y, day.Month, day.Day).DayOfWeek == day.Weekday) { found++; year = y; }
                }
                if (found == 1) return new PageDate(new DateOnly(year, day.Month, day.Day), null, null, DateSource.Inferred);
                i += Math.Max(0, end - 1);
            }
        }
        return null;
    }

    private static void CollectYears(string? text, HashSet<int> years)
    {
        if (text is null) return;
        var s = text.AsSpan();
        for (int i = 0; i + 4 <= s.Length; i++)
        {
            if (!(s[i] is '1' or '2') || (i > 0 && char.IsAsciiDigit(s[i - 1]))) continue;
            if (!char.IsAsciiDigit(s[i + 1]) || !char.IsAsciiDigit(s[i + 2]) || !char.IsAsciiDigit(s[i + 3])) continue;
            if (i + 4 < s.Length && char.IsAsciiDigit(s[i + 4])) { i += 4; continue; }
            int y = int.Parse(s.Slice(i, 4));
            if (y is >= 1990 and <= 2100) years.Add(y);
            i += 3;
        }
    }

    private static List<string> Credits(IReadOnlyList<string> paragraphs, string? author)
    {
        var found = new List<string>();
        if (author is not null) FindAgencies(author, found, requireParentheses: false);
        int n = paragraphs.Count;
        for (int k = 0; k < n; k++)
        {
            var p = paragraphs[k];
            // "PARIS (AFP) - ..." opens a dispatch; "Avec AFP" / "(Reuters)" closes one
            if (k < 2 || k >= n - 2) FindAgencies(p, found, requireParentheses: true);
            if (p.Length <= 80 && (p.StartsWith("avec ", StringComparison.OrdinalIgnoreCase) || p.StartsWith("source", StringComparison.OrdinalIgnoreCase)
                || p.StartsWith("d'après ", StringComparison.OrdinalIgnoreCase) || p.StartsWith("d’après ", StringComparison.OrdinalIgnoreCase)
                || p.StartsWith("par ", StringComparison.OrdinalIgnoreCase)))
                FindAgencies(p, found, requireParentheses: false);
            if (p.Contains(" avec AFP", StringComparison.Ordinal) || p.Contains(" avec Reuters", StringComparison.Ordinal)) FindAgencies(p, found, requireParentheses: false);
        }
        return found;
    }

    private static void FindAgencies(string text, List<string> found, bool requireParentheses)
    {
        var s = text.AsSpan();
        foreach (var agency in agencies)
        {
            if (found.Contains(agency)) continue;
            int from = 0;
            while (from < s.Length)
            {
                int i = s[from..].IndexOf(agency, StringComparison.Ordinal);
                if (i < 0) break;
                int at = from + i, end = at + agency.Length;
                bool bounded = (at == 0 || !char.IsLetterOrDigit(s[at - 1])) && (end == s.Length || !char.IsLetterOrDigit(s[end]));
                bool parenthesised = at > 0 && s[at - 1] is '(' or '/' && end < s.Length && s[end] is ')' or '/' or ',';
                if (bounded && (!requireParentheses || parenthesised)) { found.Add(agency); break; }
                from = end;
            }
        }
    }

    private static string? NotUrl(string? value) =>
        value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || value.StartsWith('/') ? null : Clean(value);

    private static string? Absolute(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ? url.Trim() : null;

    private static string? Host(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)) return null;
        return uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
    }

    private static string? Language(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = value.AsSpan().Trim();
        int cut = s.IndexOfAny('-', '_', ',');
        if (cut >= 0) s = s[..cut];
        s = s.Trim();
        if (s.Length is < 2 or > 3) return null;
        foreach (char c in s) if (!char.IsAsciiLetter(c)) return null;
        return s.ToString().ToLowerInvariant();
    }

    /// <summary>Collapses white space; null when nothing is left.</summary>
    internal static string? Clean(string? text)
    {
        if (text is null) return null;
        var b = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (c is ' ' or '\n' or '\t' or '\r' or '\f') { space = b.Length > 0; continue; }
            if (space) b.Append(' ');
            space = false;
            b.Append(c);
        }
        return b.Length == 0 ? null : b.ToString();
    }

    /// <summary>The facts JSON-LD blocks give; the first Article-like object wins, then any object.</summary>
    private sealed class JsonLdFacts
    {
        public string? Published, Modified, Headline, Author, Publisher, Language;
        private bool fromArticle;

        private static readonly JsonDocumentOptions options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

        public void Read(string json)
        {
            try
            {
                using var doc = JsonDocument.Parse(json.Trim(), options);
                Visit(doc.RootElement, 0);
            }
            catch (JsonException) { /* malformed JSON-LD is common; the page has other sources */ }
        }

        private void Visit(JsonElement e, int depth)
        {
            if (depth > 8) return;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray()) Visit(item, depth + 1);
                return;
            }
            if (e.ValueKind != JsonValueKind.Object) return;
            bool article = e.TryGetProperty("@type", out var type) && IsArticle(type);
            if (article && !fromArticle)
            {
                // an Article outranks whatever a WebPage or Organization said before it
                fromArticle = true;
                Published = Modified = Headline = Author = Publisher = null;
            }
            if (article || !fromArticle)
            {
                Published ??= Str(e, "datePublished") ?? Str(e, "dateCreated");
                Modified ??= Str(e, "dateModified");
                Headline ??= Str(e, "headline");
                Language ??= Str(e, "inLanguage");
                if (Author is null && e.TryGetProperty("author", out var a)) Author = Name(a);
                if (Publisher is null && e.TryGetProperty("publisher", out var p)) Publisher = Name(p);
            }
            foreach (var prop in e.EnumerateObject())
                if (prop.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && prop.Name is "@graph" or "mainEntity" or "mainEntityOfPage" or "itemListElement")
                    Visit(prop.Value, depth + 1);
        }

        private static bool IsArticle(JsonElement type)
        {
            if (type.ValueKind == JsonValueKind.String) return type.GetString() is { } t && (t.Contains("Article", StringComparison.Ordinal) || t is "BlogPosting" or "Report" or "LiveBlogPosting");
            if (type.ValueKind == JsonValueKind.Array)
                foreach (var t in type.EnumerateArray())
                    if (IsArticle(t)) return true;
            return false;
        }

        private static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

        private static string? Name(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => NotUrl(e.GetString()),
            JsonValueKind.Object => Str(e, "name") is { } n ? Clean(n) : null,
            JsonValueKind.Array => JoinNames(e),
            _ => null,
        };

        private static string? JoinNames(JsonElement array)
        {
            var names = new List<string>();
            foreach (var item in array.EnumerateArray())
                if (Name(item) is { } n && !names.Contains(n)) names.Add(n);
            return names.Count == 0 ? null : string.Join(", ", names);
        }
    }
}
