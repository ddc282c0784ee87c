using System.Text;
using Depeche.Ingestion.Archives;
using Depeche.Ingestion.Feeds;

namespace Depeche.Ingestion.Tests.Feeds;

// Feeds written for these tests (no outlet's feed is copied).
public class FeedReaderTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Le Quotidien de Test</title><link>https://exemple.test/</link>
        <item><title>Rennes vote son budget</title><link>https://exemple.test/2025/04/10/budget</link>
          <guid isPermaLink="false">id-1</guid><pubDate>Thu, 10 Apr 2025 14:05:00 +0200</pubDate>
          <description>Le conseil a voté.</description>
          <content:encoded><![CDATA[<p>Le conseil municipal de Rennes a adopté le budget, après trois heures de débats, a indiqué la mairie.</p>]]></content:encoded>
          <dc:creator>Jeanne Test</dc:creator></item>
        <item><title>Sans date</title><link>https://exemple.test/b</link><description>Un résumé &amp; rien d'autre.</description></item>
        <item><title>Vide</title><link>https://exemple.test/c</link></item>
        </channel></rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Blog de test</title><link href="https://exemple.test/"/>
        <entry><title>Grève à Nantes</title><id>urn:test:1</id><link rel="alternate" href="https://exemple.test/greve"/>
          <published>2025-04-11T08:00:00Z</published><updated>2025-04-11T09:30:00+02:00</updated>
          <author><name>Paul Essai</name></author>
          <content type="html">&lt;p&gt;La grève des transports continue à Nantes ce vendredi, selon les syndicats.&lt;/p&gt;</content></entry>
        </feed>
        """;

    private static Stream Bytes(string s) => new MemoryStream(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void Rss_items_keep_link_guid_date_with_offset_and_content()
    {
        var feed = FeedReader.Parse(Bytes(Rss));
        Assert.Equal("Le Quotidien de Test", feed.Title);
        Assert.Equal(3, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("id-1", first.Id);
        Assert.Equal("https://exemple.test/2025/04/10/budget", first.Link);
        Assert.Equal("2025-04-10T14:05:00+02:00", first.Published!.ToString());
        Assert.Equal("Jeanne Test", first.Author);
        Assert.Contains("<p>Le conseil municipal", first.Content);
        Assert.Null(feed.Items[1].Published); // no pubDate: no date, never today
    }

    [Fact]
    public void Atom_entries_keep_link_dates_and_author()
    {
        var entry = Assert.Single(FeedReader.Parse(Bytes(Atom)).Items);
        Assert.Equal("https://exemple.test/greve", entry.Link);
        Assert.Equal("2025-04-11T08:00:00Z", entry.Published!.ToString());
        Assert.Equal("2025-04-11T09:30:00+02:00", entry.Updated!.ToString());
        Assert.Equal("Paul Essai", entry.Author);
    }

    [Theory]
    [InlineData("Thu, 10 Apr 2025 14:05:00 GMT", "2025-04-10T14:05:00Z")]
    [InlineData("10 Apr 2025 14:05 EST", "2025-04-10T14:05:00-05:00")]
    [InlineData("Thu, 10 Apr 2025 14:05:00 XYZ", "2025-04-10T14:05:00")] // unknown zone: offset unknown, not zero
    [InlineData("Thu, 31 Apr 2025 14:05:00 GMT", null)]                  // no such day
    [InlineData("hier soir", null)]
    public void Rfc822_dates(string value, string? expected) => Assert.Equal(expected, FeedReader.Rfc822(value)?.ToString());

    [Fact]
    public void Malformed_feed_and_non_feed_are_format_errors()
    {
        Assert.Throws<FormatException>(() => FeedReader.Parse(Bytes("<rss><channel><item></rss>")));
        Assert.Throws<FormatException>(() => FeedReader.Parse(Bytes("<html><body/></html>")));
    }

    [Fact]
    public void Entities_defined_in_a_dtd_are_not_expanded()
    {
        const string hostile = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>";
        try
        {
            var feed = FeedReader.Parse(Bytes(hostile));
            Assert.DoesNotContain("root:", feed.Items[0].Title ?? "");
        }
        catch (FormatException) { /* refusing the document is as good */ }
    }

    [Fact]
    public void Feed_items_become_archive_items_and_an_empty_item_is_reported()
    {
        var results = ArchiveReader.ReadStream(Bytes(Rss), "une.xml", kind: null).ToList();
        Assert.Equal(3, results.Count);
        Assert.StartsWith("Rennes vote son budget\n\nLe conseil municipal de Rennes", results[0].Item!.Text);
        Assert.Equal("2025-04-10", results[0].Item!.Published!.Date.ToString("yyyy-MM-dd"));
        Assert.Equal("Sans date\n\nUn résumé & rien d'autre.", results[1].Item!.Text);
        Assert.Contains("une.xml#3", results[2].Error);
    }
}
