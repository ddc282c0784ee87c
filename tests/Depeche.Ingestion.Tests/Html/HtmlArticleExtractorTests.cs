using System.Text;
using Depeche.Ingestion.Html;

namespace Depeche.Ingestion.Tests.Html;

// Fixtures are pages written for these tests (no outlet's page is copied).
public class HtmlArticleExtractorTests
{
    private const string Story1 = "Le conseil municipal de Rennes a adopté jeudi soir le budget pour l'année prochaine, après trois heures de débats animés, a indiqué la mairie dans un communiqué.";
    private const string Story2 = "« Nous avons tenu nos engagements, malgré la hausse des coûts de l'énergie », a déclaré la maire devant les élus, en promettant de nouveaux investissements.";
    private const string Story3 = "L'opposition a voté contre, dénonçant une hausse de la taxe foncière, une baisse des subventions aux associations et un endettement qu'elle juge excessif.";

    private static string Page(string head = "", string article = "", string before = "", string after = "", string lang = "fr") =>
        $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>Budget voté - Le Quotidien de Test</title>{head}</head><body>" +
        "<header class=\"site-header\"><nav><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/politique\">Politique</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav></header>" +
        before +
        "<main><article><h1>Rennes vote son budget</h1>" +
        (article.Length > 0 ? article : $"<p>{Story1}</p><p>{Story2}</p><h2>Une opposition remontée</h2><p>{Story3}</p>") +
        "<div class=\"share-buttons\"><a href=\"#\">Partager sur Facebook</a> <a href=\"#\">Partager sur X</a></div>" +
        "</article>" + after + "</main>" +
        "<aside class=\"related\"><h3>Lire aussi</h3><ul><li><a href=\"/a\">Le maire de Brest démissionne, une surprise pour tous</a></li><li><a href=\"/b\">Transports : la grève continue à Nantes ce week-end</a></li></ul></aside>" +
        "<div id=\"cookie-banner\">Nous utilisons des cookies pour améliorer votre expérience. Accepter</div>" +
        "<footer><p>© Le Quotidien de Test. Mentions légales. Contact.</p></footer></body></html>";

    [Fact]
    public void Keeps_story_paragraphs_in_page_order()
    {
        var article = HtmlArticleExtractor.Extract(Page());
        int a = article.Text.IndexOf(Story1, StringComparison.Ordinal);
        int b = article.Text.IndexOf(Story2, StringComparison.Ordinal);
        int c = article.Text.IndexOf(Story3, StringComparison.Ordinal);
        Assert.True(a >= 0 && b > a && c > b, article.Text);
        Assert.Contains("Une opposition remontée", article.Paragraphs); // subheadings inside the article stay
    }

    [Fact]
    public void Drops_navigation_share_bar_related_links_cookie_notice_and_footer()
    {
        var text = HtmlArticleExtractor.Extract(Page()).Text;
        Assert.DoesNotContain("Accueil", text);
        Assert.DoesNotContain("Partager", text);
        Assert.DoesNotContain("Le maire de Brest", text);
        Assert.DoesNotContain("cookies", text);
        Assert.DoesNotContain("Mentions légales", text);
    }

    [Fact]
    public void Drops_comments_and_paywall_notice_after_the_story()
    {
        string after = "<section id=\"comments\"><h3>3 commentaires</h3><div class=\"comment\"><p>Encore des impôts en plus, c'est scandaleux, vraiment, je ne comprends pas pourquoi on paie autant.</p></div></section>" +
                       "<div class=\"paywall\"><p>Cet article est réservé aux abonnés. Abonnez-vous pour lire la suite, dès 1 € le premier mois.</p></div>";
        var text = HtmlArticleExtractor.Extract(Page(after: after)).Text;
        Assert.Contains(Story3, text);
        Assert.DoesNotContain("scandaleux", text);
        Assert.DoesNotContain("réservé aux abonnés", text);
    }

    [Fact]
    public void Keeps_captions_out_of_the_text_but_in_the_metadata()
    {
        string body = $"<p>{Story1}</p><figure><img src=\"a.jpg\"><figcaption>La maire lors du conseil. Photo Jean Test</figcaption></figure><p>{Story2}</p>";
        var article = HtmlArticleExtractor.Extract(Page(article: body));
        Assert.DoesNotContain("Photo Jean Test", article.Text);
        Assert.Contains("La maire lors du conseil. Photo Jean Test", article.Metadata.Captions);
    }

    [Fact]
    public void Text_is_headline_then_standfirst_then_paragraphs_separated_by_blank_lines()
    {
        string body = $"<p class=\"article-chapo\">Le budget a été adopté par 35 voix contre 18, au terme d'une séance tendue à l'hôtel de ville.</p><p>{Story1}</p><p>{Story2}</p>";
        var article = HtmlArticleExtractor.Extract(Page(article: body));
        Assert.Equal("Rennes vote son budget", article.Headline);
        Assert.StartsWith("Le budget a été adopté", article.Standfirst);
        Assert.StartsWith("Rennes vote son budget\n\nLe budget a été adopté", article.Text);
        Assert.Equal(1, CountOf(article.Text, "Le budget a été adopté")); // the standfirst is written once
        Assert.EndsWith(Story2, article.Text);
    }

    [Fact]
    public void Quotes_and_lists_inside_the_article_are_kept()
    {
        string body = $"<p>{Story1}</p><blockquote><p>Un budget de responsabilité et de justice sociale pour toute la ville.</p></blockquote>" +
                      $"<p>{Story2}</p><ul><li>rénovation de trois écoles du centre-ville</li><li>création d'une piste cyclable de 12 kilomètres</li></ul><p>{Story3}</p>";
        var article = HtmlArticleExtractor.Extract(Page(article: body));
        Assert.Contains("Un budget de responsabilité et de justice sociale pour toute la ville.", article.Paragraphs);
        Assert.Contains("rénovation de trois écoles du centre-ville", article.Paragraphs);
    }

    [Theory]
    [InlineData("<html><body><div><p>Texte <b>cassé <i>sans fin", "Texte cassé sans fin")] // nothing closed
    [InlineData("<p>Un paragraphe</div></span></p></p><p>puis un autre</td>", "puis un autre")]       // stray end tags
    [InlineData("<body><p>avant<!-- commentaire jamais fermé <p>après", "avant")]                   // unterminated comment
    [InlineData("<body><p a=\"x>Le texte</p>", null)]                                                // unterminated attribute: no crash
    [InlineData("<script>var x = '<p>pas du texte</p>';</script><p>Le vrai texte de la page.</p>", "Le vrai texte de la page.")]
    [InlineData("", null)]
    public void Malformed_html_gives_best_effort_text_and_never_throws(string html, string? expected)
    {
        var article = HtmlArticleExtractor.Extract(html);
        if (expected is not null) Assert.Contains(expected, article.Text);
        Assert.DoesNotContain("pas du texte", article.Text);
    }

    [Fact]
    public void Random_tag_soup_never_throws()
    {
        // fragments of markup in random order: unclosed quotes, stray end tags, comments, entities, raw-text elements
        string[] pieces = ["<p>", "</p>", "<div class=\"a", "\">", "<!--", "-->", "&eacute;", "&#x", "<script>", "</script>", "<li>",
            "<table><tr><td>", "</td>", "<a href='", "'>", "texte de l'article, ", "<br/>", "</div>", "<h1>", "<title>", "<", ">", "&", "\""];
        var random = new Random(1234);
        for (int round = 0; round < 300; round++)
        {
            var html = new StringBuilder();
            int count = random.Next(1, 200);
            for (int i = 0; i < count; i++) html.Append(pieces[random.Next(pieces.Length)]);
            var article = HtmlArticleExtractor.Extract(html.ToString());
            Assert.NotNull(article.Text);
        }
    }

    [Fact]
    public void Deep_nesting_is_flattened_not_a_stack_overflow()
    {
        var html = new StringBuilder("<body>");
        for (int i = 0; i < 100_000; i++) html.Append("<div><font>");
        html.Append("Le texte au fond de la page, après cent mille balises ouvertes et jamais fermées.");
        var article = HtmlArticleExtractor.Extract(html.ToString());
        Assert.Contains("Le texte au fond de la page", article.Text);
    }

    [Fact]
    public void Character_references_are_decoded()
    {
        var article = HtmlArticleExtractor.Extract(Page(article: $"<p>{Story1}</p><p>L&#8217;&eacute;lue a parl&eacute; &laquo;&nbsp;franchement&nbsp;&raquo; &amp; longuement, sans notes, devant une salle comble et attentive.</p>"));
        Assert.Contains("L’élue a parlé «\u00a0franchement\u00a0» & longuement", article.Text);
    }

    [Fact]
    public void Windows_1252_page_is_decoded_by_its_declared_charset()
    {
        var encoding = CodePagesEncoding();
        var bytes = encoding.GetBytes(Page(head: "", article: $"<p>{Story1}</p><p>{Story2}</p>").Replace("utf-8", "windows-1252"));
        var article = HtmlArticleExtractor.Extract(bytes);
        Assert.Contains("Le conseil municipal de Rennes a adopté", article.Text);
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static int CountOf(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
