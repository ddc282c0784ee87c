namespace Depeche.Ingestion.Html;

/// <summary>What the <c>class</c> and <c>id</c> of an element say about it.</summary>
internal readonly record struct ClassHint(int Weight, bool Unlikely, bool Boilerplate, bool Maybe, bool Furniture = false, bool StoryBody = false);

/// <summary>
/// Reads <c>class</c>/<c>id</c> values for hints of boilerplate or content, as readability and trafilatura do, with
/// plain substring tests (no regular expressions). Results are cached per value for one page (not thread-safe).
/// </summary>
internal sealed class ClassHints
{
    // Page furniture that is never story text, whatever else the value says ("comments-content" is still comments).
    private static readonly string[] boilerplate =
    [
        "comment", "cookie", "consent", "gdpr", "newsletter", "paywall", "subscri", "abonn", "share", "sharing", "partage",
        "social", "breadcrumb", "disqus", "outbrain", "taboola", "related", "recommend", "most-read", "mostread", "popular",
        "trending", "navbar", "navigation", "menu", "sidebar", "skip-link", "sr-only", "visually-hidden", "screen-reader",
        "login", "signup", "sign-up", "pagination", "pager", "advert", "sponsor", "promo", "banner", "widget", "footer",
        "masthead", "modal", "popup", "caption", "legende", "légende", "credit", "byline", "tag-list", "taglist", "print-only",
        "read-more", "readmore", "lire-aussi", "a-lire", "voir-aussi", "rss", "toolbar", "ad-slot", "ad-container", "adsbygoogle", "overlay",
    ];
    // Readability's "unlikely candidates": removed unless the value also looks like content.
    private static readonly string[] unlikely =
    [
        "-ad-", "ai2html", "combx", "community", "cover-wrap", "extra", "header", "legends", "remark", "replies",
        "shoutbox", "skyscraper", "supplemental", "ad-break", "agegate", "yom-remote", "tags", "keywords",
    ];
    private static readonly string[] maybe = ["and", "article", "body", "column", "content", "main", "shadow", "story"];
    private static readonly string[] positive =
    [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story", "chapo",
        "standfirst",
    ];
    private static readonly string[] negative =
    [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
        "tool", "widget", "byline", "author", "caption", "credit",
    ];

    // Whole words of a class or id (split at anything not a letter or digit) naming small page furniture: dates, bylines,
    // ratings, tags. Too short or common to match inside other words ("meta" in "metallurgie", "date" in "update").
    // Not "hidden" (responsive "l-hidden-xs" shows the text on other screens), "tag" ("tag-berlin" on WordPress posts),
    // "teaser" (often the standfirst) or "print" ("noprint" marks the story itself).
    private static readonly System.Collections.Frozen.FrozenSet<string> furnitureWords = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
        "ad", "advert", "advertisement", "cta", "toc", "meta", "date", "dateline", "byline", "author", "authors", "tags",
        "tagcloud", "rating", "ratings", "disclaimer", "copyright", "notice", "sponsored", "postmetadata", "infobox", "factbox",
        "breadcrumbs", "subscribe", "newsletter", "donate", "donation", "signature", "timestamp", "published", "updated",
        "pubdate", "related", "teasers");

    // Markup that names the story's body in CMS templates (trafilatura's first choice of container).
    private static readonly string[] storyBody =
    [
        "articlebody", "article-body", "article__body", "article-content", "article__content", "articlecontent",
        "entry-content", "post-content", "post-body", "postbody", "post-entry", "story-body", "storybody", "story-content",
        "td-post-content", "field-name-body", "field--name-body", "article-text", "articletext", "news-text", "text-content",
        "content-body", "contentbody", "body-text", "bodytext", "main-text", "rich-text", "richtext", "article__text", "entry-body",
        "single-content", "page-content", "blog-content", "post-text", "article-main", "cuerpo", "texto", "artikel",
    ];

    private readonly Dictionary<string, ClassHint> cache = new(StringComparer.Ordinal);

    public ClassHint Of(HtmlNode node)
    {
        string? cls = node.Attribute("class");
        string? id = node.Attribute("id");
        if (cls is null && id is null) return default;
        int weight = 0;
        bool unlikelyHit = false, boilerplateHit = false, maybeHit = false, furnitureHit = false, bodyHit = false;
        if (cls is not null) { var h = Of(cls); Add(h, ref weight, ref unlikelyHit, ref boilerplateHit, ref maybeHit); furnitureHit |= h.Furniture; bodyHit |= h.StoryBody; }
        if (id is not null) { var h = Of(id); Add(h, ref weight, ref unlikelyHit, ref boilerplateHit, ref maybeHit); furnitureHit |= h.Furniture; bodyHit |= h.StoryBody; }
        return new ClassHint(weight, unlikelyHit, boilerplateHit, maybeHit, furnitureHit, bodyHit);
    }

    private static void Add(ClassHint h, ref int weight, ref bool unlikelyHit, ref bool boilerplateHit, ref bool maybeHit)
    {
        weight += h.Weight;
        unlikelyHit |= h.Unlikely;
        boilerplateHit |= h.Boilerplate;
        maybeHit |= h.Maybe;
    }

    private ClassHint Of(string value)
    {
        if (value.Length == 0) return default;
        if (cache.TryGetValue(value, out var hint)) return hint;
        var lower = value.Length > 200 ? value[..200].ToLowerInvariant() : value.ToLowerInvariant();
        var v = lower.AsSpan();
        bool isMaybe = v.IndexOfAny(maybeSearch) >= 0;
        int weight = (v.IndexOfAny(positiveSearch) >= 0 ? 25 : 0) - (v.IndexOfAny(negativeSearch) >= 0 ? 25 : 0);
        hint = new ClassHint(weight, !isMaybe && v.IndexOfAny(unlikelySearch) >= 0, v.IndexOfAny(boilerplateSearch) >= 0, isMaybe,
            AnyWord(lower), v.IndexOfAny(storyBodySearch) >= 0);
        cache[value] = hint;
        return hint;
    }

    private static bool AnyWord(string value)
    {
        var lookup = furnitureWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var s = value.AsSpan();
        int start = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && (char.IsLetterOrDigit(s[i]))) continue;
            if (i > start && lookup.Contains(s[start..i])) return true;
            start = i + 1;
        }
        return false;
    }

    // multi-substring searchers (vectorised, one pass per list instead of one Contains per needle)
    private static readonly System.Buffers.SearchValues<string> boilerplateSearch = Search(boilerplate);
    private static readonly System.Buffers.SearchValues<string> unlikelySearch = Search(unlikely);
    private static readonly System.Buffers.SearchValues<string> maybeSearch = Search(maybe);
    private static readonly System.Buffers.SearchValues<string> positiveSearch = Search(positive);
    private static readonly System.Buffers.SearchValues<string> negativeSearch = Search(negative);
    private static readonly System.Buffers.SearchValues<string> storyBodySearch = Search(storyBody);

    private static System.Buffers.SearchValues<string> Search(string[] needles) =>
        System.Buffers.SearchValues.Create(needles.Distinct().ToArray(), StringComparison.Ordinal);
}
