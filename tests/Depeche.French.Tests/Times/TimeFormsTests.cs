using Depeche.Testing;

namespace Depeche.French.Tests.Times;

/// <summary>General French forms added in the second time round (sentences written for these tests).</summary>
public class TimeFormsTests
{
    private static TimeExpression[] Times(string text)
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", text, new DateOnly(2025, 4, 10)));
        LayerInvariants.AssertWellFormed(d);
        return d.Times;
    }

    [Theory]
    [InlineData("Le taux de l'emprunt est fixé à 3 1/4 % par an.")]
    [InlineData("Le rendement atteint 1/2% sur dix ans.")]
    public void A_fraction_is_no_date(string text) =>
        Assert.DoesNotContain(Times(text), t => t.Value is not null && t.Value.Contains("-0", StringComparison.Ordinal));

    [Fact]
    public void A_slashed_day_and_month_is_still_a_date() =>
        Assert.Contains(Times("La séance du 3/4 a été reportée."), t => t.Value == "2025-04-03");

    [Theory]
    [InlineData("Les négociateurs ont obtenu trois jours de plus pour conclure.", "trois jours de plus", "P3D")]
    [InlineData("Le chantier durera un an de moins que prévu.", "un an de moins", "P1Y")]
    public void A_length_added_or_taken_is_one_duration(string text, string span, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(span, text[t.Span.Start..t.Span.End]);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Les ventes ont doublé entre le 3 mars et maintenant.", "2025-03-03")]
    [InlineData("Les prix ont grimpé de 2019 à maintenant.", "2019")]
    [InlineData("Le site est fermé depuis le 2 février jusqu'à maintenant.", "2025-02-02")]
    public void Maintenant_ends_a_range_at_the_publication_day(string text, string begin)
    {
        var times = Times(text);
        Assert.Equal(2, times.Length);
        Assert.All(times, t => Assert.Equal(begin, t.Begin));
        Assert.All(times, t => Assert.Equal("2025-04-10", t.End));
    }

    [Fact]
    public void Maintenant_alone_is_no_date() => Assert.Empty(Times("Il faut agir maintenant et sans attendre."));

    // DCT Thursday 10 April 2025 (week 15): next week runs from Monday 14 to Sunday 20
    [Theory]
    [InlineData("Les guichets resteront fermés la semaine prochaine du mardi au jeudi.", "la semaine prochaine du mardi", "2025-04-15", "2025-04-17")]
    [InlineData("Le conseil a siégé la semaine dernière, entre lundi et mercredi.", "la semaine dernière, entre lundi", "2025-03-31", "2025-04-02")]
    [InlineData("Les épreuves se tiennent cette semaine du lundi au vendredi.", "cette semaine du lundi", "2025-04-07", "2025-04-11")]
    public void Weekdays_of_a_named_week_are_in_that_week(string text, string first, string begin, string end)
    {
        var times = Times(text);
        Assert.Equal(2, times.Length);
        Assert.Equal(first, text[times[0].Span.Start..times[0].Span.End]);
        Assert.All(times, t => Assert.Equal(begin, t.Begin));
        Assert.All(times, t => Assert.Equal(end, t.End));
    }

    [Theory]
    [InlineData("La réunion se tiendra mardi (22 avril) au siège.", "mardi (22 avril)", "2025-04-22")]
    [InlineData("Le conseil se réunira ce lundi (14/04) en urgence.", "ce lundi (14/04)", "2025-04-14")]
    public void A_weekday_with_its_date_in_brackets_is_one_date(string text, string span, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(span, text[t.Span.Start..t.Span.End]);
        Assert.Equal(value, t.Value);
    }

    // the gold convention counts "15 jours" as written (P15D); "quinze jours" in words is read the same way, not as
    // Recognizers-Text's fortnight (P2W)
    [Theory]
    [InlineData("Le ministre a pris quinze jours de congé.", "P15D")]
    [InlineData("Le ministre a pris 15 jours de congé.", "P15D")]
    public void Quinze_jours_counts_fifteen_days_in_words_or_figures(string text, string value) =>
        Assert.Equal(value, Assert.Single(Times(text)).Value);

    [Theory]
    [InlineData("Le groupe a publié ses comptes du 2024T3 hier.", "2024-Q3")]
    [InlineData("Les ventes ont progressé au 2023H2 selon le rapport.", "2023-H2")]
    public void A_year_glued_to_its_quarter_or_half_is_that_period(string text, string value) =>
        Assert.Contains(Times(text), t => t.Value == value);

    [Fact]
    public void A_slashed_day_takes_the_year_after_a_comma() =>
        Assert.Equal("2019-03-21", Assert.Single(Times("Le contrat a été signé le 21/03, 2019.")).Value);

    [Theory]
    [InlineData("Le vote aura lieu mardi mars 4 2025 au Sénat.", "mardi mars 4 2025", "2025-03-04")]
    public void A_weekday_before_a_month_first_date_with_its_year_is_one_date(string text, string span, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(span, text[t.Span.Start..t.Span.End]);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void A_weekday_before_a_month_first_day_without_year_stays_apart() =>
        Assert.DoesNotContain(Times("Les élus se retrouvent lundi, mars 4 restant libre."), t => t.Value == "2025-03-04" || t.Value == "2026-03-04");
}
