using System.Globalization;

namespace Depeche.Ingestion.Html;

/// <summary>Where a page date was read.</summary>
public enum DateSource
{
    /// <summary><c>&lt;meta property="article:published_time"&gt;</c> and similar meta tags, or microdata <c>itemprop</c>.</summary>
    Meta,
    /// <summary>JSON-LD (<c>datePublished</c>, <c>dateModified</c>).</summary>
    JsonLd,
    /// <summary>A <c>&lt;time datetime&gt;</c> element.</summary>
    TimeElement,
    /// <summary>A visible line such as "Publié le 10 avril 2025 à 14h05".</summary>
    Dateline,
    /// <summary>The URL path (<c>/2025/04/10/</c>).</summary>
    Url,
    /// <summary>Inferred from the text ("ce jeudi 10 avril" with the year found elsewhere on the page).</summary>
    Inferred,
    /// <summary>Given by the input itself (the <c>published</c> field of a JSONL line), not read from a page.</summary>
    Given,
}

/// <summary>
/// A date read from a page, as precise as the page gives it: a day, optionally a time, optionally a UTC offset (a
/// visible "à 14h05" has a time but no offset; a URL gives a day only). Never filled in from the clock.
/// </summary>
public sealed record PageDate(DateOnly Date, TimeOnly? Time, TimeSpan? Offset, DateSource Source)
{
    /// <summary>ISO 8601: <c>2025-04-10</c>, <c>2025-04-10T14:05:00</c> or <c>2025-04-10T14:05:00+02:00</c>.</summary>
    public override string ToString()
    {
        var s = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Time is { } t) s += "T" + t.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (Time is not null && Offset is { } o)
            s += o == TimeSpan.Zero ? "Z" : (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return s;
    }

    /// <summary>Source name for output: <c>meta</c>, <c>json-ld</c>, <c>time-element</c>, <c>dateline</c>, <c>url</c>, <c>inferred</c>.</summary>
    public string SourceName => Source switch
    {
        DateSource.Meta => "meta",
        DateSource.JsonLd => "json-ld",
        DateSource.TimeElement => "time-element",
        DateSource.Dateline => "dateline",
        DateSource.Url => "url",
        DateSource.Given => "given",
        _ => "inferred",
    };
}

/// <summary>What a page says about itself. Null members were not found (nothing is guessed from the clock).</summary>
public sealed record PageMetadata
{
    /// <summary>Title from <c>og:title</c>, JSON-LD <c>headline</c>, or <c>&lt;title&gt;</c>.</summary>
    public string? Title { get; init; }
    /// <summary>Publication date and time.</summary>
    public PageDate? Published { get; init; }
    /// <summary>Last modification date and time.</summary>
    public PageDate? Modified { get; init; }
    /// <summary>Author or byline.</summary>
    public string? Author { get; init; }
    /// <summary>Outlet: <c>og:site_name</c>, JSON-LD publisher, else the host name.</summary>
    public string? Outlet { get; init; }
    /// <summary>Language subtag (<c>fr</c>) from <c>&lt;html lang&gt;</c>, <c>content-language</c> or <c>og:locale</c>.</summary>
    public string? Language { get; init; }
    /// <summary>Canonical URL (<c>link rel=canonical</c>, <c>og:url</c>, else the URL given).</summary>
    public string? CanonicalUrl { get; init; }
    /// <summary>Press agencies credited ("AFP" from "avec AFP" or "(AFP)"), in order of first mention.</summary>
    public IReadOnlyList<string> Credits { get; init; } = [];
    /// <summary>Image captions and photo credits found in the page, kept out of the text.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];
}
