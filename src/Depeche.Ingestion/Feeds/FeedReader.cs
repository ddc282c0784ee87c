using System.Globalization;
using System.Xml;
using Depeche.Ingestion.Html;

namespace Depeche.Ingestion.Feeds;

/// <summary>An item of an RSS or Atom feed. <see cref="Content"/> and <see cref="Summary"/> are HTML as the feed gives them.</summary>
public sealed record FeedItem(string? Id, string? Link, string? Title, PageDate? Published, PageDate? Updated, string? Summary, string? Content, string? Author);

/// <summary>A parsed feed: its title and link, and its items in feed order.</summary>
public sealed record Feed(string? Title, string? Link, IReadOnlyList<FeedItem> Items);

/// <summary>
/// Reads RSS 2.0 (also 0.9x and RDF/RSS 1.0 items) and Atom 1.0 with <see cref="XmlReader"/>: no DTD processing and no
/// external entities (a feed is untrusted input). Dates: RFC 822 for RSS (<c>Thu, 10 Apr 2025 14:05:00 +0200</c>,
/// named zones GMT/UT/EST…), ISO 8601 for Atom and Dublin Core <c>dc:date</c>. Thread-safe (stateless).
/// </summary>
public static class FeedReader
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    /// <summary>Parses a feed document.</summary>
    /// <exception cref="FormatException">Not well-formed XML, or neither RSS nor Atom (message says which, with line).</exception>
    public static Feed Parse(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        var doc = new XmlDocument { XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            doc.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"malformed XML at line {e.LineNumber}, column {e.LinePosition}: {e.Message}");
        }
        var root = doc.DocumentElement ?? throw new FormatException("empty document.");
        return root.LocalName switch
        {
            "rss" => Rss(root),
            "RDF" => Rss(root),
            "feed" when root.NamespaceURI == AtomNs || root.NamespaceURI.Length == 0 => Atom(root),
            _ => throw new FormatException($"not a feed: the root element is <{root.Name}>, not <rss> or <feed>."),
        };
    }

    private static Feed Rss(XmlElement root)
    {
        var channel = Child(root, "channel") ?? root;
        var items = new List<FeedItem>();
        // RSS 2.0 puts items in <channel>; RSS 1.0 (RDF) beside it
        foreach (var parent in (XmlElement[])[channel, root])
        {
            foreach (XmlNode node in parent.ChildNodes)
            {
                if (node is not XmlElement item || item.LocalName != "item") continue;
                string? link = Text(item, "link") ?? Attr(item, "about");
                string? guid = Text(item, "guid");
                var published = Rfc822(Text(item, "pubDate")) ?? Iso(Text(item, "date", DcNs));
                items.Add(new FeedItem(guid ?? link, link ?? (IsUrl(guid) ? guid : null), Text(item, "title"), published, null,
                    Text(item, "description"), Text(item, "encoded", ContentNs), Text(item, "creator", DcNs) ?? Text(item, "author")));
            }
            if (parent == root || items.Count > 0) break;
        }
        return new Feed(Text(channel, "title"), Text(channel, "link"), items);
    }

    private static Feed Atom(XmlElement root)
    {
        var items = new List<FeedItem>();
        foreach (XmlNode node in root.ChildNodes)
        {
            if (node is not XmlElement entry || entry.LocalName != "entry") continue;
            string? link = null;
            foreach (XmlNode l in entry.ChildNodes)
                if (l is XmlElement le && le.LocalName == "link" && (le.GetAttribute("rel") is "" or "alternate")) { link = le.GetAttribute("href"); break; }
            var author = Child(entry, "author") is { } a ? Text(a, "name") : null;
            items.Add(new FeedItem(Text(entry, "id"), link, Text(entry, "title"), Iso(Text(entry, "published")), Iso(Text(entry, "updated")),
                Text(entry, "summary"), Text(entry, "content"), author));
        }
        string? feedLink = null;
        foreach (XmlNode l in root.ChildNodes)
            if (l is XmlElement le && le.LocalName == "link" && (le.GetAttribute("rel") is "" or "alternate")) { feedLink = le.GetAttribute("href"); break; }
        return new Feed(Text(root, "title"), feedLink, items);
    }

    private static bool IsUrl(string? s) => s is not null && (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static XmlElement? Child(XmlElement parent, string localName)
    {
        foreach (XmlNode n in parent.ChildNodes)
            if (n is XmlElement e && e.LocalName == localName) return e;
        return null;
    }

    private static string? Text(XmlElement parent, string localName, string? ns = null)
    {
        foreach (XmlNode n in parent.ChildNodes)
            if (n is XmlElement e && e.LocalName == localName && (ns is null || e.NamespaceURI == ns))
                return e.InnerText.Trim() is { Length: > 0 } t ? t : null;
        return null;
    }

    private static string? Attr(XmlElement e, string localName)
    {
        foreach (XmlAttribute a in e.Attributes)
            if (a.LocalName == localName) return a.Value;
        return null;
    }

    private static PageDate? Iso(string? value) =>
        value is not null && DateReader.TryParseIso(value, DateSource.Meta, out var d) ? d : null;

    /// <summary>Parses an RFC 822/1123 date as RSS writes it; null when it is not one (never the current date).</summary>
    public static PageDate? Rfc822(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = value.Trim();
        int comma = s.IndexOf(',');
        if (comma >= 0 && comma <= 10) s = s[(comma + 1)..].Trim(); // the weekday adds nothing
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) return null;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int day)) return null;
        int month = Array.FindIndex(months, m => parts[1].StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int year)) return null;
        if (year < 100) year += year < 50 ? 2000 : 1900;
        if (!DateReaderValid(year, month, day)) return null;
        var date = new DateOnly(year, month, day);
        if (parts.Length < 4) return new PageDate(date, null, null, DateSource.Meta);
        var hms = parts[3].Split(':');
        if (hms.Length < 2 || !int.TryParse(hms[0], out int h) || !int.TryParse(hms[1], out int mi) || h > 23 || mi > 59) return new PageDate(date, null, null, DateSource.Meta);
        int sec = hms.Length > 2 && int.TryParse(hms[2], out int sv) && sv < 60 ? sv : 0;
        TimeSpan? offset = parts.Length >= 5 ? Zone(parts[4]) : null;
        return new PageDate(date, new TimeOnly(h, mi, sec), offset, DateSource.Meta);
    }

    private static readonly string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static bool DateReaderValid(int y, int m, int d) => y is >= 1990 and <= 2100 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    private static TimeSpan? Zone(string zone)
    {
        if (zone.Length == 5 && zone[0] is '+' or '-' && int.TryParse(zone.AsSpan(1, 2), out int h) && int.TryParse(zone.AsSpan(3, 2), out int m))
            return (zone[0] == '-' ? -1 : 1) * new TimeSpan(h, m, 0);
        return zone.ToUpperInvariant() switch
        {
            "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "CST" => TimeSpan.FromHours(-6),
            "CDT" => TimeSpan.FromHours(-5),
            "MST" => TimeSpan.FromHours(-7),
            "MDT" => TimeSpan.FromHours(-6),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            "CET" => TimeSpan.FromHours(1),
            "CEST" => TimeSpan.FromHours(2),
            _ => null, // an unknown zone name: the offset is unknown, not zero
        };
    }
}
