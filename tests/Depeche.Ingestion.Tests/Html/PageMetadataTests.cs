using Depeche.Ingestion.Html;

namespace Depeche.Ingestion.Tests.Html;

// Pages written for these tests; each isolates one metadata source.
public class PageMetadataTests
{
    private const string Body =
        "<p>Le conseil municipal de Rennes a adopté le budget pour l'année prochaine, après trois heures de débats animés, a indiqué la mairie.</p>" +
        "<p>La maire a promis de nouveaux investissements dans les écoles, les transports et le logement social, selon un communiqué.</p>";

    private static PageMetadata Read(string head = "", string article = Body, string? url = null, string htmlAttributes = "") =>
        HtmlArticleExtractor.Extract($"<html{htmlAttributes}><head><title>Titre de la page</title>{head}</head><body><article><h1>Titre</h1>{article}</article></body></html>", url).Metadata;

    [Fact]
    public void Published_from_meta_article_published_time_keeps_time_and_offset()
    {
        var m = Read("<meta property=\"article:published_time\" content=\"2025-04-10T14:05:00+02:00\">");
        Assert.Equal("2025-04-10T14:05:00+02:00", m.Published!.ToString());
        Assert.Equal(DateSource.Meta, m.Published.Source);
    }

    [Fact]
    public void Published_and_modified_author_publisher_from_json_ld()
    {
        const string ld = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},
            {"@type":"NewsArticle","headline":"Le budget est voté","datePublished":"2025-04-10T12:05:00Z","dateModified":"2025-04-11T08:00:00+02:00",
             "author":[{"@type":"Person","name":"Jeanne Test"}],"publisher":{"@type":"Organization","name":"Le Quotidien de Test"},"inLanguage":"fr-FR"}]}</script>
            """;
        var m = Read(ld);
        Assert.Equal("2025-04-10T12:05:00Z", m.Published!.ToString()); // the Article outranks the WebPage
        Assert.Equal(DateSource.JsonLd, m.Published.Source);
        Assert.Equal("2025-04-11T08:00:00+02:00", m.Modified!.ToString());
        Assert.Equal("Jeanne Test", m.Author);
        Assert.Equal("Le Quotidien de Test", m.Outlet);
        Assert.Equal("fr", m.Language);
    }

    [Fact]
    public void Malformed_json_ld_is_skipped()
    {
        var m = Read("<script type=\"application/ld+json\">{\"datePublished\": \"2025-04-10\", oops</script><meta name=\"date\" content=\"2025-03-01\">");
        Assert.Equal("2025-03-01", m.Published!.ToString());
    }

    [Fact]
    public void Published_from_time_element()
    {
        var m = Read(article: "<p class=\"date\"><time datetime=\"2025-04-10T09:30\">10 avril</time></p>" + Body);
        Assert.Equal("2025-04-10T09:30:00", m.Published!.ToString()); // no offset given: none invented
        Assert.Equal(DateSource.TimeElement, m.Published.Source);
    }

    [Theory]
    [InlineData("Publié le 10 avril 2025 à 14h05", "2025-04-10T14:05:00")]
    [InlineData("Publié le jeudi 1er mai 2025", "2025-05-01")]
    [InlineData("Mis en ligne le 10/04/2025 à 08:15", "2025-04-10T08:15:00")]
    public void Published_from_visible_french_dateline(string line, string expected)
    {
        var m = Read(article: $"<div class=\"info\">{line}</div>" + Body);
        Assert.Equal(expected, m.Published!.ToString());
        Assert.Equal(DateSource.Dateline, m.Published.Source);
    }

    [Fact]
    public void Modified_from_visible_update_line()
    {
        var m = Read(article: "<div>Publié le 10 avril 2025 à 14h05, mis à jour le 11 avril 2025 à 9h00</div>" + Body);
        Assert.Equal("2025-04-11T09:00:00", m.Modified!.ToString());
    }

    [Fact]
    public void Published_from_url_path()
    {
        var m = Read(url: "https://exemple.test/politique/2025/04/10/rennes-vote-son-budget");
        Assert.Equal("2025-04-10", m.Published!.ToString());
        Assert.Equal(DateSource.Url, m.Published.Source);
        Assert.Equal("exemple.test", m.Outlet); // no site name: the host
    }

    [Fact]
    public void No_date_anywhere_gives_null_never_today()
    {
        var m = Read(url: "https://exemple.test/politique/rennes-vote-son-budget");
        Assert.Null(m.Published);
        Assert.Null(m.Modified);
    }

    [Fact]
    public void Weekday_and_day_without_year_is_inferred_when_one_year_fits()
    {
        // 10 April is a Thursday in 2025 and not in 2024: the page's "2024" and "2025" leave one answer
        var article = "<p>Le conseil municipal s'est réuni ce jeudi 10 avril pour voter le budget, en hausse de 3 % par rapport à 2024, a indiqué la mairie.</p>" +
                      "<p>Les débats ont duré trois heures, et l'opposition a voté contre le texte présenté par l'adjoint aux finances. © 2025</p>";
        var m = Read(article: article);
        Assert.Equal("2025-04-10", m.Published!.ToString());
        Assert.Equal(DateSource.Inferred, m.Published.Source);
    }

    [Fact]
    public void Weekday_that_fits_no_year_infers_nothing()
    {
        var article = "<p>Le conseil municipal s'est réuni ce lundi 10 avril pour voter le budget, a indiqué la mairie dans un communiqué en 2025.</p>" + Body;
        Assert.Null(Read(article: article).Published); // 10 April 2025 is a Thursday, not a Monday
    }

    [Fact]
    public void Language_outlet_canonical_title_and_author_from_head()
    {
        var m = Read("<meta property=\"og:site_name\" content=\"Le Quotidien\"><meta property=\"og:title\" content=\"Rennes vote son budget\">" +
                     "<link rel=\"canonical\" href=\"https://exemple.test/a/rennes\"><meta name=\"author\" content=\"Paul Essai\">",
                     htmlAttributes: " lang=\"fr-FR\"");
        Assert.Equal("fr", m.Language);
        Assert.Equal("Le Quotidien", m.Outlet);
        Assert.Equal("https://exemple.test/a/rennes", m.CanonicalUrl);
        Assert.Equal("Rennes vote son budget", m.Title);
        Assert.Equal("Paul Essai", m.Author);
    }

    [Theory]
    [InlineData("<p>RENNES (AFP) - Le conseil municipal a adopté le budget pour l'année prochaine après trois heures de débats animés.</p>", "AFP")]
    [InlineData("<p>Le conseil municipal a adopté le budget pour l'année prochaine après trois heures de débats animés au centre-ville.</p><p>Avec AFP et Reuters</p>", "AFP,Reuters")]
    [InlineData("<p>Le conseil municipal a adopté le budget pour l'année prochaine après trois heures de débats, selon la mairie (Reuters).</p>", "Reuters")]
    public void Agency_credits(string article, string expected)
    {
        var m = Read(article: article + Body);
        Assert.Equal(expected, string.Join(",", m.Credits));
    }

    [Fact]
    public void A_word_containing_an_agency_name_is_not_a_credit()
    {
        var m = Read(article: "<p>La CAPAFP et les MAPS ont parlé avec Reutersville, dit-on, au sujet du budget de la ville et des écoles.</p>" + Body);
        Assert.Empty(m.Credits);
    }
}
