using Depeche.Testing;

namespace Depeche.French.Tests.Times;

/// <summary>
/// General French forms added in the third time round: clock times and their ranges, "jeudi en huit", "dans une
/// quinzaine", "du 5 au 10" without its month, weekdays in the plural, ordinal weekdays that count occurrences, month-first
/// figures that cannot be read day first. Sentences written for these tests; publication date Thursday 10 April 2025.
/// </summary>
public class TimeRoundThreeTests
{
    private static TimeExpression[] Times(string text, DateOnly? published = null)
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", text, published ?? new DateOnly(2025, 4, 10)));
        LayerInvariants.AssertWellFormed(d);
        return d.Times;
    }

    private static string Text(string text, TimeExpression t) => text[t.Span.Start..t.Span.End];

    // ---------- clock times ----------

    [Theory]
    [InlineData("Le président s'exprimera à 20 heures.", "20 heures", "2025-04-10T20:00")]
    [InlineData("Les secours sont arrivés vers 8 heures 30.", "8 heures 30", "2025-04-10T08:30")]
    [InlineData("Le couvre-feu commence dès 22 heures.", "22 heures", "2025-04-10T22:00")]
    [InlineData("Il a quitté la salle à 8 heures du soir.", "8 heures du soir", "2025-04-10T20:00")]
    [InlineData("Il arrivera vers midi.", "midi", "2025-04-10T12:00")]
    [InlineData("Les tirs ont commencé dès minuit.", "minuit", "2025-04-10T00:00")]
    [InlineData("Le plan est entré en vigueur le 18 octobre 1996 à 23 heures.", "23 heures", "1996-10-18T23:00")]
    public void Hours_after_a_preposition_are_a_clock_time(string text, string span, string value)
    {
        var t = Times(text)[^1];
        Assert.Equal(TimeType.Time, t.Type);
        Assert.Equal(span, Text(text, t));
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Il n'aura pas fallu 24 heures pour que tout change.", "PT24H")]
    [InlineData("À 24 heures du scrutin, rien n'est joué.", "PT24H")]
    [InlineData("Le village est à 10 heures de route de la capitale.", "PT10H")]
    [InlineData("Une grève de 24 heures est annoncée.", "PT24H")]
    [InlineData("Les otages ont été retenus pendant 20 heures.", "PT20H")]
    [InlineData("Les symptômes durent une période allant jusqu'à 4 heures.", "PT4H")]
    [InlineData("Le traitement est maintenu pendant 4 à 12 heures.", "PT12H")]
    public void Hours_that_measure_stay_a_length(string text, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(TimeType.Duration, t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Le bureau de vote est ouvert de 9 heures à 11 heures 30.", "9 heures", "11 heures 30", "2025-04-10T09:00", "2025-04-10T11:30")]
    [InlineData("Le scrutin a lieu de 9h30 à 11h.", "9h30", "11h", "2025-04-10T09:30", "2025-04-10T11:00")]
    [InlineData("La réunion se tiendra entre 14 h et 16 h vendredi.", "14 h", "16 h", "2025-04-11T14:00", "2025-04-11T16:00")]
    [InlineData("La manifestation aura lieu entre 14 heures et 17 heures le 12 avril.", "14 heures", "17 heures", "2025-04-12T14:00", "2025-04-12T17:00")]
    [InlineData("Les bureaux sont ouverts de 9 h à midi.", "9 h", "midi", "2025-04-10T09:00", "2025-04-10T12:00")]
    [InlineData("La réunion durera de midi à 14 heures.", "midi", "14 heures", "2025-04-10T12:00", "2025-04-10T14:00")]
    [InlineData("Le magasin ferme entre midi et deux.", "midi", "deux", "2025-04-10T12:00", "2025-04-10T14:00")]
    public void Two_clock_times_make_a_range(string text, string first, string second, string begin, string end)
    {
        var clocks = Times(text).Where(t => t.Type == TimeType.Time).ToArray();
        Assert.Equal(2, clocks.Length);
        Assert.Equal(first, Text(text, clocks[0]));
        Assert.Equal(second, Text(text, clocks[1]));
        foreach (var c in clocks) Assert.Equal((begin, end), (c.Begin, c.End));
    }

    [Theory]
    [InlineData("Le couvre-feu s'applique de 21 h à 6 h.", "2025-04-10T21:00", "2025-04-11T06:00")]
    public void A_clock_range_that_ends_before_it_begins_ends_the_next_day(string text, string begin, string end)
    {
        var clocks = Times(text);
        Assert.Equal(2, clocks.Length);
        Assert.Equal(end, clocks[1].Value);
        foreach (var c in clocks) Assert.Equal((begin, end), (c.Begin, c.End));
    }

    [Theory]
    [InlineData("L'exposition est ouverte jusqu'au 15 mai.", "2025-05-15")]   // a present state until a date: ahead
    [InlineData("Il est resté jusqu'au 15 mars.", "2025-03-15")]              // a past one: behind
    [InlineData("Le chantier est achevé d'ici le 31 mars.", "2026-03-31")]   // "d'ici": by a date, ahead
    [InlineData("Le sommet, prévu le 20 avril, a été reporté.", "2025-04-20")]          // a plan's date: the nearest, not last year's
    [InlineData("Le ministre ne se rendra pas au sommet prévu en juillet.", "2025-07")]
    public void Limits_and_plans_look_the_right_way(string text, string value) =>
        Assert.Equal(value, Assert.Single(Times(text)).Value);

    [Fact]
    public void Two_clock_ranges_are_no_duration() =>
        Assert.DoesNotContain(Times("Les guichets ouvrent entre 14 h et 16 h."), t => t.Type == TimeType.Duration);

    [Theory]
    [InlineData("Il est arrivé en fin de matinée.", "fin de matinée", "2025-04-10TMO")]
    [InlineData("Le texte sera voté en fin de journée.", "fin de journée", "2025-04-10TEV")]
    [InlineData("Mardi, il est arrivé en début d'après-midi.", "début d'après-midi", "2025-04-08TAF")]
    public void A_part_of_the_day_alone_is_on_the_date_the_text_is_talking_about(string text, string span, string value)
    {
        var t = Times(text)[^1];
        Assert.Equal(span, Text(text, t));
        Assert.Equal(value, t.Value);
    }

    // ---------- days ----------

    [Theory]
    [InlineData("Le verdict a été reporté à jeudi en huit.", "jeudi en huit", "2025-04-17")]  // today is Thursday: a week on
    [InlineData("Le verdict est attendu lundi en quinze.", "lundi en quinze", "2025-04-28")] // the coming Monday (14th) + 14
    [InlineData("Le conseil se réunira samedi en huit.", "samedi en huit", "2025-04-19")]
    public void A_weekday_en_huit_is_a_week_after_the_coming_one(string text, string span, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(span, Text(text, t));
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("La décision tombera dans une quinzaine.", "dans une quinzaine", "2025-04-25")]
    [InlineData("Les travaux ont commencé il y a une huitaine.", "il y a une huitaine", "2025-04-02")]
    public void A_quinzaine_alone_is_about_fifteen_days(string text, string span, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(span, Text(text, t));
        Assert.Equal(value, t.Value);
        Assert.NotNull(t.ToleranceDays);
    }

    [Fact]
    public void A_quinzaine_of_people_is_no_time() => Assert.Empty(Times("Une quinzaine de manifestants se sont rassemblés."));

    [Theory]
    [InlineData("Le festival aura lieu en juin, du 5 au 10.", "2025-06-05", "2025-06-10")]
    [InlineData("Le sommet s'est tenu du 2 au 4.", "2025-04-02", "2025-04-04")]
    public void Du_5_au_10_takes_the_month_the_text_is_in(string text, string begin, string end)
    {
        var days = Times(text).Where(t => t.Begin is not null).ToArray();
        Assert.Equal(2, days.Length);
        foreach (var d in days) Assert.Equal((begin, end), (d.Begin, d.End));
    }

    [Fact]
    public void Du_5_au_10_percent_is_no_date() => Assert.Empty(Times("Les loyers sont passés du 5 au 10 %."));

    [Theory]
    [InlineData("Les manifestants ont défilé pour le troisième samedi consécutif.", "le troisième samedi consécutif", "2025-04-05")]
    [InlineData("Ils ont manifesté le deuxième dimanche d'affilée.", "le deuxième dimanche d'affilée", "2025-04-06")]
    [InlineData("Les fidèles se sont réunis le sixième dimanche.", "le sixième dimanche", "2025-04-06")]
    [InlineData("Les fidèles se sont réunis le cinquième dimanche.", "le cinquième dimanche", "2025-04-06")] // April 2025 has four
    public void An_ordinal_weekday_that_counts_occurrences_is_the_weekday(string text, string span, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(span, Text(text, t));
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void A_rank_within_the_month_still_counts() =>
        Assert.Equal("2025-04-13", Assert.Single(Times("Le vote a eu lieu le deuxième dimanche.", new DateOnly(2025, 4, 30))).Value);

    [Fact]
    public void Month_then_entre_two_days_is_a_range()
    {
        const string text = "Le congrès se tiendra Novembre entre 19 et 20";
        var ends = Times(text);
        Assert.Equal(2, ends.Length);
        Assert.Equal("Novembre entre 19", Text(text, ends[0]));
        Assert.All(ends, e => Assert.Equal(("2025-11-19", "2025-11-20"), (e.Begin, e.End)));
    }

    [Theory]
    [InlineData("Il reviendra le 4/22", "2025-04-22")]
    [InlineData("Il reviendra sur 4.22", "2025-04-22")]
    [InlineData("Le colis arrivera le 12/30.", "2025-12-30")]
    public void A_figure_whose_second_number_is_no_month_is_month_then_day(string text, string value) =>
        Assert.Equal(value, Assert.Single(Times(text)).Value);

    [Theory]
    [InlineData("Le score final est de 4-22.")]
    [InlineData("Le taux est passé à 4.22 en mars.")]   // not after "le" or "sur"
    [InlineData("Il a obtenu 4/22 à l'examen.")]
    public void A_month_first_figure_elsewhere_is_no_date(string text) =>
        Assert.DoesNotContain(Times(text), t => t.Value is { Length: 10 });

    [Fact]
    public void A_month_and_its_day_across_a_split_sentence_are_one_date()
    {
        const string text = "Le vote aura lieu Octobre. 2";
        var t = Assert.Single(Times(text));
        Assert.Equal("Octobre. 2", Text(text, t));
        Assert.Equal("2025-10-02", t.Value);
    }

    // ---------- sets and holidays ----------

    [Theory]
    [InlineData("Le marché se tient tous les lundis.", "tous les lundis", "XXXX-WXX-1")]
    [InlineData("Les samedis, le musée ferme plus tôt.", "Les samedis", "XXXX-WXX-6")]
    public void Weekdays_in_the_plural_are_a_set(string text, string span, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(TimeType.Set, t.Type);
        Assert.Equal(span, Text(text, t));
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData(2012, "2012-06-03")] // the last Sunday of May 2012 was Pentecost (27 May)
    [InlineData(2007, "2007-06-03")] // likewise 27 May 2007
    [InlineData(2024, "2024-05-26")]
    public void The_fete_des_meres_moves_when_it_falls_on_pentecost(int year, string value) =>
        Assert.Equal(value, Assert.Single(Times($"Les fleuristes ont travaillé pour la fête des mères {year}.")).Value);

    [Theory]
    [InlineData("Il viendra le troisième jour d'octobre.", "le troisième jour d'octobre", "2025-10-03")]
    [InlineData("Le texte entre en vigueur le premier jour du mois prochain.", "le premier jour du mois prochain", "2025-05-01")]
    [InlineData("Le 1er jour de mars 2026, tout change.", "Le 1er jour de mars 2026", "2026-03-01")]
    [InlineData("Le dernier jour de l'année, il partira.", "Le dernier jour de l'année", "2025-12-31")]
    [InlineData("Il partira le dernier jour du mois.", "le dernier jour du mois", "2025-04-30")]
    [InlineData("Le premier jour de l'année prochaine, tout change.", "Le premier jour de l'année prochaine", "2026-01-01")]
    [InlineData("Le dernier jour de février 2024 fut chaud.", "Le dernier jour de février 2024", "2024-02-29")]
    public void The_nth_day_of_a_month_is_that_day(string text, string span, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(span, Text(text, t));
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void The_first_day_of_a_strike_is_no_date()
    {
        Assert.Empty(Times("C'est le premier jour de grève."));
        Assert.Empty(Times("C'est le dernier jour de grève."));
    }

    [Theory]
    [InlineData("Cela aura lieu 4 semaines dans le futur.", "P4W", "2025-04-11", "2025-05-08")]
    [InlineData("Revenons deux ans dans le passé.", "P2Y", "2023-04-10", "2025-04-10")]
    public void A_length_into_the_future_runs_from_the_publication_day(string text, string value, string begin, string end)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(value, t.Value);
        Assert.Equal((begin, end), (t.Begin, t.End));
    }

    [Theory]
    [InlineData("Il est venu mardi 22 janvier.", "2019-01-22")]   // past verb: the latest such Tuesday on or before
    [InlineData("Il viendra mardi 22 janvier.", "2030-01-22")]    // future verb: the next one
    public void A_weekday_with_its_date_picks_the_year_in_the_tense_direction(string text, string value) =>
        Assert.Equal(value, Assert.Single(Times(text, new DateOnly(2025, 4, 10))).Value);
}
