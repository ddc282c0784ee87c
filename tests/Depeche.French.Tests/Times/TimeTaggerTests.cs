using System.Globalization;
using Depeche.French.Resources;
using Depeche.French.Times;
using Depeche.Testing;

namespace Depeche.French.Tests.Times;

public class TimeTaggerTests
{
    // Thursday 10 April 2025
    private static readonly DateOnly Thursday = new(2025, 4, 10);

    private static Document Tag(string text, DateOnly? published = null)
    {
        var document = FrenchPipeline.Instance.Process(new Document("t", text, published));
        LayerInvariants.AssertWellFormed(document);
        for (int i = 1; i < document.Times.Length; i++)
            Assert.True(document.Times[i].Span.Start >= document.Times[i - 1].Span.End, "times overlap or are out of order");
        return document;
    }

    private static TimeExpression Find(Document d, string text)
    {
        var hits = d.Times.Where(t => d.Slice(t.Span).Contains(text, StringComparison.Ordinal) || text.Contains(d.Slice(t.Span), StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count > 0, $"no time expression for '{text}' in: {string.Join(" | ", d.Times.Select(t => d.Slice(t.Span) + "=" + t.Value))}");
        return hits[0];
    }

    private static string? Value(string sentence, string expression, DateOnly? published = null) => Find(Tag(sentence, published), expression).Value;

    [Theory]
    [InlineData("Les pourparlers ont commencé jeudi à Istanbul.", "jeudi", "2025-04-10")]      // past verb, same day as the DCT
    [InlineData("Elle avait précisé mardi que rien ne changerait.", "mardi", "2025-04-08")]   // pluperfect: back
    [InlineData("Le ministre se rendra mardi à Paris.", "mardi", "2025-04-15")]               // future verb: forward
    [InlineData("Le président va signer le texte lundi.", "lundi", "2025-04-14")]             // "va" + infinitive: forward
    [InlineData("Ils se retrouveront jeudi prochain.", "jeudi prochain", "2025-04-17")]      // "prochain": strictly after
    [InlineData("Ils se sont vus mardi dernier.", "mardi dernier", "2025-04-08")]            // "dernier": strictly before
    [InlineData("La réunion précédente s'était tenue le 27 février.", "le 27 février", "2025-02-27")]
    [InlineData("Le sommet aura lieu le 27 février.", "le 27 février", "2026-02-27")]         // future: next 27 February
    [InlineData("Le texte aurait été signé le 1er mai.", "1er mai", "2024-05-01")]            // past conditional is past
    public void Weekdays_and_days_follow_the_tense(string sentence, string expression, string expected) =>
        Assert.Equal(expected, Value(sentence, expression, Thursday));

    [Theory]
    [InlineData("Le ministre Jean-Noël Barrot a rencontré son homologue la veille.", "Noël")]
    [InlineData("Le maire de Saint-Martin-de-Mai a démissionné hier.", "Mai")]
    public void A_capitalised_compound_name_holds_no_time(string sentence, string part)
    {
        var d = Tag(sentence, Thursday);
        Assert.DoesNotContain(d.Times, t => d.Slice(t.Span) == part);
    }

    [Fact]
    public void A_capitalised_compound_that_starts_with_a_time_word_is_still_read() =>
        Assert.Equal("2025-05-01", Value("Les syndicats défileront le 1er-Mai à Paris.", "1er-Mai", Thursday));

    [Fact]
    public void A_month_and_a_half_ago_is_a_day_with_a_tolerance()
    {
        var t = Find(Tag("Ils s'étaient retrouvés il y a un mois et demi à Istanbul.", Thursday), "il y a un mois et demi");
        Assert.Equal(TimeType.Date, t.Type);
        var day = DateOnly.ParseExact(t.Value!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.InRange(day.DayNumber, new DateOnly(2025, 2, 22).DayNumber, new DateOnly(2025, 2, 25).DayNumber);
        Assert.NotNull(t.ToleranceDays);
    }

    [Theory]
    [InlineData("La politique menée depuis trois ans a changé.", "depuis trois ans", "P3Y")]
    [InlineData("Il a été condamné à deux ans et demi de prison.", "deux ans et demi", "P2.5Y")]
    [InlineData("Ils ont travaillé pendant une quinzaine de jours.", "quinzaine de jours", "P15D")]
    [InlineData("La grève a duré 24 heures.", "24 heures", "PT24H")]
    [InlineData("Le chantier durera un an, un mois et vingt et un jours.", "un an", "P1Y1M21D")]
    [InlineData("Il est resté toute la journée.", "toute la journée", "P1D")]
    public void Durations_are_iso_lengths(string sentence, string expression, string expected)
    {
        var t = Find(Tag(sentence, Thursday), expression);
        Assert.Equal(TimeType.Duration, t.Type);
        Assert.Equal(expected, t.Value);
    }

    [Theory]
    [InlineData("Les premiers pourparlers depuis février 2022 ont eu lieu.", "février 2022", "2022-02")]
    [InlineData("La situation s'est dégradée la semaine dernière.", "la semaine dernière", "2025-W14")]
    [InlineData("Les élections auront lieu l'an prochain.", "l'an prochain", "2026")]
    [InlineData("Le chômage a baissé l'an dernier.", "l'an dernier", "2024")]
    [InlineData("Les ventes ont reculé au premier trimestre.", "premier trimestre", "2025-Q1")]
    [InlineData("Les ventes ont reculé au troisième trimestre 2023.", "troisième trimestre 2023", "2023-Q3")]
    [InlineData("La mode des années 1990 revient.", "années 1990", "199X")]
    [InlineData("Ce fut la pire guerre du XXe siècle.", "XXe siècle", "19XX")]
    [InlineData("Il est arrivé hier soir.", "hier soir", "2025-04-09TEV")]
    [InlineData("Des frappes ont eu lieu dans la nuit de mardi à mercredi.", "dans la nuit de mardi à mercredi", "2025-04-08TNI")] // the night that starts on Tuesday
    [InlineData("Les ventes ont baissé en début d'année.", "début d'année", "2025-02-01")]
    [InlineData("Il partira demain.", "demain", "2025-04-11")]
    [InlineData("Il est arrivé avant-hier.", "avant-hier", "2025-04-08")]
    [InlineData("Rien n'a changé cette année.", "cette année", "2025")]
    [InlineData("Le rapport a été publié en juin dernier.", "juin dernier", "2024-06")]
    [InlineData("La loi a été votée le 15 novembre 2019.", "le 15 novembre 2019", "2019-11-15")]
    [InlineData("La loi a été votée le 10/04/2024.", "10/04/2024", "2024-04-10")]
    [InlineData("Ils se sont vus le premier vendredi de mars.", "premier vendredi de mars", "2025-03-07")]
    [InlineData("Ils se verront la première semaine de mai.", "la première semaine de mai", "2025-W18")]   // the week holding 4 May (Thursday 1 May: 4 days of May)
    [InlineData("Ils se verront la première semaine de juin.", "la première semaine de juin", "2025-W23")]  // 1 June is a Sunday: the week from 2 June
    [InlineData("Ils se verront la troisième semaine de 2026.", "la troisième semaine de 2026", "2026-W03")]
    [InlineData("Le rendez-vous est fixé au 20 du mois prochain.", "20 du mois prochain", "2025-05-20")]
    [InlineData("La grève est prévue la semaine du 15 septembre 2025.", "semaine du 15 septembre 2025", "2025-W38")] // the week holding the date
    [InlineData("Les ventes ont reculé en semaine 31 de 2024.", "semaine 31 de 2024", "2024-W31")]
    [InlineData("Les élections ont eu lieu le 13-5-2015.", "13-5-2015", "2015-05-13")]
    [InlineData("On se voit vendredi prochain.", "vendredi prochain", "2025-04-18")]                   // the Friday of next week
    [InlineData("La réunion est prévue mercredi 16 avril à 15h30.", "mercredi 16 avril à 15h30", "2025-04-16T15:30")]
    public void Relative_and_calendar_expressions_resolve(string sentence, string expression, string expected) =>
        Assert.Equal(expected, Value(sentence, expression, Thursday));

    [Theory]
    [InlineData("Le texte sera examiné en déc.", "déc", "2025-12")]                               // an abbreviation marked "cue", alone after "en"
    [InlineData("Les chiffres datent de 11 / 2024.", "11 / 2024", "2024-11")]                     // month and year in figures apart
    [InlineData("Le rapport date de 2024.11.", "2024.11", "2024-11")]
    [InlineData("Le rapport date de 2024 - 11.", "2024 - 11", "2024-11")]
    [InlineData("Le rapport date de 2024-nov.", "2024-nov", "2024-11")]
    [InlineData("Il reviendra le vingt-deux.", "le vingt-deux", "2025-04-22")]                    // a day in words after "le"
    [InlineData("La loi date du 7 février deux mille dix-huit.", "7 février deux mille dix-huit", "2018-02-07")] // a year in words
    [InlineData("La ville fut fondée en mille sept cent quatre-vingt-neuf.", "mille sept cent quatre-vingt-neuf", "1789")]
    [InlineData("Charlemagne fut couronné en l'an 800.", "l'an 800", "0800")]
    [InlineData("Les ventes ont reculé au troisième quart de 2023.", "troisième quart de 2023", "2023-Q3")]
    [InlineData("Les ventes ont reculé en 2023 le troisième trimestre.", "2023 le troisième trimestre", "2023-Q3")]
    [InlineData("Le contrat a pris fin en juin. 2001", "juin. 2001", "2001-06")]                  // the sentence cut at "juin." goes on
    [InlineData("Il est arrivé ce matin.", "ce matin", "2025-04-10TMO")]
    [InlineData("Le ministre parlera cette nuit.", "cette nuit", "2025-04-10TNI")]
    [InlineData("Ils se sont vus le lendemain de Noël.", "le lendemain de Noël", "2024-12-26")]
    [InlineData("Le texte a été signé la veille du 3 avril.", "la veille du 3 avril", "2025-04-02")]
    [InlineData("Ils se verront l'après-midi du 15 avril.", "l'après-midi du 15 avril", "2025-04-15TAF")]
    [InlineData("Les ventes ont reculé en fin d'année dernière.", "fin d'année dernière", "2024-12-01")]
    [InlineData("Il sera libre deux jours après aujourd'hui.", "deux jours après aujourd'hui", "2025-04-12")]
    [InlineData("Il sera libre trois semaines à partir de demain.", "trois semaines à partir de demain", "2025-05-02")]
    [InlineData("Il sera libre deux jours avant demain.", "deux jours avant demain", "2025-04-09")]
    [InlineData("Le vote est prévu pour le 20.", "le 20", "2025-04-20")]                          // a plan in the present looks ahead
    [InlineData("Le vote était prévu le 3 avril.", "le 3 avril", "2025-04-03")]
    [InlineData("Les ventes ont reculé dans les 1970s.", "les 1970s", "197X")]
    [InlineData("Ils se verront la semaine qui vient.", "la semaine qui vient", "2025-W16")]
    [InlineData("Les prix monteront le mois à venir.", "le mois à venir", "2025-05")]
    [InlineData("Ils se verront lundi qui vient.", "lundi qui vient", "2025-04-14")]
    [InlineData("Le 3 mars 2025, il est arrivé. Il est reparti la semaine d'après.", "la semaine d'après", "2025-W11")]
    [InlineData("Il est venu y a trois jours.", "y a trois jours", "2025-04-07")]
    [InlineData("Le tarif change à partir de demain.", "demain", "2025-04-11")]
    [InlineData("Le loyer est dû le premier du mois.", "le premier du mois", "2025-04-01")]
    [InlineData("Ils se verront le week-end du 19 avril.", "le week-end du 19 avril", "2025-W16-WE")]
    [InlineData("Ils se verront au Nouvel An de l'année prochaine.", "Nouvel An de l'année prochaine", "2026-01-01")]
    [InlineData("Ils se sont vus pour la fête des pères de 2015.", "la fête des pères de 2015", "2015-06-21")]
    [InlineData("Ils se sont vus à Noël en 2010.", "Noël en 2010", "2010-12-25")]
    [InlineData("Ils se verront le jour de la Saint-Patrick.", "le jour de la Saint-Patrick", "2026-03-17")]
    [InlineData("Les frappes ont commencé mardi à l'aube.", "mardi à l'aube", "2025-04-08TMO")]
    [InlineData("Il est arrivé mardi en fin de journée.", "mardi en fin de journée", "2025-04-08TEV")]
    [InlineData("Il est arrivé mardi en fin d'après-midi.", "mardi en fin d'après-midi", "2025-04-08TAF")]
    [InlineData("Il est arrivé mardi à midi.", "mardi à midi", "2025-04-08T12:00")]
    [InlineData("Il viendra fin avril début mai.", "début mai", "2025-05-05")]          // "début" is no verb governing its own date
    [InlineData("Le 3 mars, il est arrivé. Il est reparti à l'aube.", "l'aube", "2025-03-03TMO")]   // the date the text is talking about
    [InlineData("Ils se verront le premier week-end de mai.", "le premier week-end de mai", "2025-W18-WE")]    // Saturday 3 May
    [InlineData("Ils se sont vus le dernier week-end de mars.", "le dernier week-end de mars", "2025-W13-WE")] // Saturday 29 March
    public void New_forms_resolve(string sentence, string expression, string expected) =>
        Assert.Equal(expected, Value(sentence, expression, Thursday));

    [Theory]
    [InlineData("Il a attendu un quart d'heure.", "un quart d'heure", "PT0.25H")]
    [InlineData("Il a attendu trois quarts d'heure.", "trois quarts d'heure", "PT0.75H")]
    [InlineData("Le délai est de deux jours ouvrés.", "deux jours ouvrés", "P2D")]
    [InlineData("Il a couru le marathon en 2h15.", "2h15", "PT2H15M")]
    [InlineData("Il a attendu 1 heure 30.", "1 heure 30", "PT1H30M")]
    [InlineData("Il est resté un jour et demi.", "un jour et demi", "P1.5D")]
    [InlineData("Il a passé 15 ans à Paris.", "15 ans", "P15Y")]
    [InlineData("La peine peut aller jusqu'à quatorze ans.", "quatorze ans", "P14Y")]                       // "passé" is the verb here, no "dernier"
    public void Quarters_of_an_hour_and_working_days_are_lengths(string sentence, string expression, string expected)
    {
        var t = Find(Tag(sentence, Thursday), expression);
        Assert.Equal(TimeType.Duration, t.Type);
        Assert.Equal(expected, t.Value);
        Assert.Equal(expression, Tag(sentence, Thursday).Slice(t.Span));
    }

    [Theory]
    [InlineData("La grève a duré du 1er au 10 février.", "2025-02-01", "2025-02-10")]
    [InlineData("Le stage se tiendra juillet 7-11.", "2025-07-07", "2025-07-11")]              // the month first
    [InlineData("Le salon aura lieu entre le 1er et le 5 mai.", "2025-05-01", "2025-05-05")]
    [InlineData("Il travaille du lundi au vendredi.", "2025-04-07", "2025-04-11")]               // the end is not put before the beginning
    [InlineData("Il viendra entre lundi et mercredi.", "2025-04-14", "2025-04-16")]              // a bare weekday takes no year from its partner
    [InlineData("La saison a duré de novembre à février.", "2024-11", "2025-02")]
    [InlineData("Il sera absent entre le 25 et le 28.", "2025-04-25", "2025-04-28")]          // days of the month the second one is in
    [InlineData("Il a été absent entre le 28 et le 3.", "2025-03-28", "2025-04-03")]
    public void Ranges_join_their_ends(string sentence, string begin, string end)
    {
        var d = Tag(sentence, Thursday);
        Assert.Equal(2, d.Times.Length);
        Assert.All(d.Times, t => Assert.Equal((begin, end), (t.Begin, t.End)));
    }

    [Theory]
    [InlineData("Il est mort à l'âge de 85 ans.")]              // an age
    [InlineData("Il travaille depuis l'âge de dix-huit ans.")]  // an age, not "huit ans"
    [InlineData("Ils étaient deux mille manifestants.")]       // a count in words, not a year
    [InlineData("Il a fini au dernier quart d'heure.")]        // no quarter of a year
    [InlineData("Il viendra au plus tard demain.")]            // "au plus tard" is no "plus tard"
    [InlineData("A l'aube de la Révolution, tout change.")]  // a figure of speech
    [InlineData("Des millions d'euros sont en jeu.")]          // "jeu." ending the sentence is no Thursday
    [InlineData("Ils sont partis à la mer.")]
    public void More_non_times_are_left_out(string sentence)
    {
        var d = Tag(sentence, Thursday);
        Assert.DoesNotContain(d.Times, t => t.Value is "P85Y" or "P8Y" or "P18Y" or "2000" or "2025-Q4" || d.Slice(t.Span).Contains("plus tard", StringComparison.Ordinal)
            || d.Slice(t.Span).Contains("jeu", StringComparison.Ordinal) || d.Slice(t.Span).Contains("mer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_range_gives_both_ends_its_begin_and_end()
    {
        var d = Tag("Le festival s'est tenu du 3 au 5 mars.", Thursday);
        Assert.Equal(2, d.Times.Length);
        Assert.All(d.Times, t => Assert.Equal(("2025-03-03", "2025-03-05"), (t.Begin, t.End)));
        Assert.Equal("2025-03-05", d.Times[1].Value);
    }

    [Fact]
    public void Coordinated_dates_share_the_year_the_last_one_states()
    {
        var d = Tag("Le projet pilote a duré entre le 21 juin et le 15 novembre 2019.", Thursday);
        Assert.Equal("2019-06-21", Find(d, "le 21 juin").Value);
        Assert.Equal("2019-11-15", Find(d, "le 15 novembre 2019").Value);
    }

    [Theory]
    [InlineData("Les prix ont flambé à la mi-avril.", "mi-avril", "2025-04-15", 5)]
    [InlineData("Les prix ont flambé fin mars.", "fin mars", "2025-03-26", 5)]
    [InlineData("Les prix ont flambé début février 2019.", "début février 2019", "2019-02-05", 5)]
    [InlineData("Le texte sera prêt fin 2026.", "fin 2026", "2026-12-01", 31)]
    [InlineData("Le texte sera prêt dans la première quinzaine de mai.", "première quinzaine de mai", "2025-05-08", 7)]
    [InlineData("Le texte sera prêt dans la deuxième quinzaine de mai.", "deuxième quinzaine de mai", "2025-05-24", 8)]
    [InlineData("Il a été élu au printemps 2017.", "printemps 2017", "2017-05-06", 46)]
    public void Approximate_positions_are_days_with_a_tolerance(string sentence, string expression, string value, int tolerance)
    {
        var t = Find(Tag(sentence, Thursday), expression);
        Assert.Equal(value, t.Value);
        Assert.Equal(tolerance, t.ToleranceDays);
    }

    [Fact]
    public void A_clock_time_alone_takes_the_date_the_text_is_talking_about()
    {
        var d = Tag("L'assemblée se tiendra mercredi 16 avril. Rendez-vous à 15h30 devant la mairie.", Thursday);
        Assert.Equal(TimeType.Time, Find(d, "15h30").Type);
        Assert.Equal("2025-04-16T15:30", Find(d, "15h30").Value);
    }

    [Fact]
    public void A_list_of_days_takes_the_month_and_year_that_close_it()
    {
        var d = Tag("Le festival aura lieu les 14, 15 et 16 mars 2026.", Thursday);
        Assert.Equal(["2026-03-14", "2026-03-15", "2026-03-16"], d.Times.Select(t => t.Value));
        Assert.Empty(Tag("Il a gagné 5, 6 et 7 matchs.", Thursday).Times);
    }

    [Fact]
    public void A_clock_time_before_its_date_takes_that_date()
    {
        var d = Tag("Le 3 mars, il est arrivé. Il est reparti à 8h30 le 12 avril.", Thursday);
        Assert.Equal(Find(d, "le 12 avril").Value + "T08:30", Find(d, "8h30").Value); // 2024-04-12: a past verb
    }

    [Fact]
    public void Anchored_expressions_count_from_the_last_date_mentioned()
    {
        var d = Tag("Le 18 février 2025, les ministres se sont réunis. La veille, un accord avait été trouvé. Quelques jours plus tard, tout a changé.", Thursday);
        Assert.Equal("2025-02-17", Find(d, "La veille").Value);
        Assert.Equal("2025-02-20", Find(d, "Quelques jours plus tard").Value);
    }

    [Fact]
    public void An_offset_counts_from_the_date_that_follows_it()
    {
        var d = Tag("L'accord a été signé quelques jours après le 18 février.", Thursday);
        Assert.Equal("2025-02-21", Find(d, "quelques jours après").Value);
    }

    [Theory]
    [InlineData("Le 30 février, rien ne s'est passé.")]
    [InlineData("Le 31 avril 2024 n'existe pas.")]
    public void Nonexistent_dates_get_no_value(string sentence)
    {
        var d = Tag(sentence, Thursday);
        Assert.DoesNotContain(d.Times, t => t.Value is { } v && (v.EndsWith("-02-30", StringComparison.Ordinal) || v.EndsWith("-04-31", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("La réunion précédente s'était tenue le 27 février.", "le 27 février", "XXXX-02-27")]
    [InlineData("Les pourparlers ont commencé jeudi.", "jeudi", "XXXX-WXX-4")]
    [InlineData("Les ventes ont reculé en février.", "février", "XXXX-02")]
    [InlineData("Les élections ont eu lieu en 2022.", "2022", "2022")]
    public void Without_a_publication_date_nothing_is_invented(string sentence, string expression, string expected) =>
        Assert.Equal(expected, Value(sentence, expression));

    [Fact]
    public void Without_a_publication_date_hier_has_no_value() => Assert.Null(Value("Il est arrivé hier.", "hier"));

    [Theory]
    [InlineData("Elle a versé 2000 euros.")]                     // a count, not a year
    [InlineData("La culture de demain est menacée.")]            // an era, not a day
    [InlineData("Il a été reçu récemment.")]                     // vague: left out
    [InlineData("Ils sont restés quelques heures.")]             // vague length: left out
    [InlineData("Le suspect, âgé de 45 ans, a été interpellé.")] // an age
    [InlineData("Jean Dupont, 45 ans, a été interpellé.")]       // an age in apposition
    [InlineData("Le robot a été envoyé sur Mars pour étudier le sol.")] // the planet
    public void Non_times_are_left_out(string sentence) => Assert.Empty(Tag(sentence, Thursday).Times);

    [Fact]
    public void Years_need_a_cue()
    {
        var d = Tag("En 2018, le taux a baissé de 2019 points à 10 % en 2019.", Thursday);
        Assert.Equal(["2018", "2019"], d.Times.Select(t => t.Value));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Extreme_publication_dates_do_not_break_the_arithmetic(int y, int m, int d)
    {
        var doc = Tag("Il est venu hier, il repartira dans 3 ans, le 27 février, jeudi prochain, il y a 1000 siècles.", new DateOnly(y, m, d));
        Assert.NotEmpty(doc.Times);
    }

    [Fact]
    public void A_long_run_of_plus_tard_does_not_recurse()
    {
        var text = string.Concat(Enumerable.Repeat("plus tard ", 5000)) + "cette semaine.";
        Assert.NotEmpty(Tag(text, Thursday).Times);
    }

    [Fact]
    public void Random_input_keeps_layers_well_formed()
    {
        var random = new Random(4);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz 0123456789éèàçû'’-/.,:;«»()hj";
        for (int n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(1, 120)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            Tag(new string(chars), random.Next(2) == 0 ? Thursday : null);
        }
        Tag("le 12 mars 12 mars 2000 2001 - 2002 du 3 au au 5 il y a il y a un mois et et demi mi- fin début 15h30h 1er-Mai", Thursday);
    }
}
