using System.Globalization;
using Depeche.French.Resources;
using Depeche.French.Times;
using Depeche.Testing;

namespace Depeche.French.Tests.Times;

using Tense = Depeche.French.Times.Tense;

/// <summary>Every entry of the time vocabulary files does its job in a sentence written for it.</summary>
public class TimeVocabularyTests
{
    private static readonly DateOnly Thursday = new(2025, 4, 10);

    private static TimeExpression[] Times(string text, DateOnly? published = null)
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", text, published ?? Thursday));
        LayerInvariants.AssertWellFormed(d);
        return d.Times;
    }

    public static TheoryData<string, string, string> Rows(string file)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (_, c) in Lexicon.Read(file))
            data.Add(c[0], c.Length > 1 ? c[1] : "", c.Length > 2 ? c[2] : "");
        return data;
    }

    public static TheoryData<string, string, string> Months => Rows("time-months.tsv");
    public static TheoryData<string, string, string> Weekdays => Rows("time-weekdays.tsv");
    public static TheoryData<string, string, string> Units => Rows("time-units.tsv");
    public static TheoryData<string, string, string> Numbers => Rows("time-numbers.tsv");
    public static TheoryData<string, string, string> Words => Rows("time-words.tsv");
    public static TheoryData<string, string, string> Holidays => Rows("time-holidays.tsv");

    [Fact]
    public void Every_time_file_loads()
    {
        Assert.NotEmpty(TimeLexicon.Default.Words);
        Assert.NotEmpty(TimeLexicon.Default.Holidays);
        foreach (var file in TimeLexicon.Files) Assert.Contains(file, Lexicon.Names);
        Assert.NotNull(VerbTenseReader.Default);
    }

    [Theory]
    [MemberData(nameof(Months))]
    public void Each_month_form_is_read(string form, string month, string abbreviation)
    {
        // abbreviations count beside a day number; full names also stand alone after "en"
        var t = Assert.Single(Times($"La loi a été votée le 3 {form} 2024."));
        Assert.Equal($"2024-{int.Parse(month):00}-03", t.Value);
        if (abbreviation != "yes")
            Assert.Equal($"2024-{int.Parse(month):00}", Assert.Single(Times($"La loi a été votée en {form} 2024.")).Value);
        // full names and abbreviations marked "cue" also stand alone at the end of the clause after "en"
        if (abbreviation is "" or "cue")
            Assert.Equal($"2024-{int.Parse(month):00}", Assert.Single(Times($"La loi a été votée en {form}.", new DateOnly(2024, 12, 31))).Value);
    }

    [Theory]
    [MemberData(nameof(Weekdays))]
    public void Each_weekday_form_is_read(string form, string weekday, string abbreviation)
    {
        // Thursday 10 April 2025 is weekday 4: the most recent such day on or before it
        var expected = Thursday.AddDays(-((4 - int.Parse(weekday) + 7) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // a weekday abbreviation that is also a word ends no sentence as a weekday: "Tout est en jeu."
        if (abbreviation == "word") Assert.Empty(Times($"Tout est en {form}."));
        if (abbreviation is "yes" or "word")
        {
            // an abbreviation only counts beside a day number: "mer. 9 avril" (the weekday confirms the date)
            var day = Thursday.AddDays(-((4 - int.Parse(weekday) + 7) % 7));
            var t = Assert.Single(Times($"La réunion a eu lieu {form}. {day.Day} avril."));
            Assert.Equal(expected, t.Value);
        }
        else Assert.Equal(expected, Assert.Single(Times($"La réunion a eu lieu {form}.")).Value);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Each_unit_form_makes_a_duration(string form, string unit, string count)
    {
        var t = Assert.Single(Times($"Le conflit dure depuis 3 {form}."));
        Assert.Equal(TimeType.Duration, t.Type);
        int n = 3 * int.Parse(count);
        string expected = unit switch
        {
            "Year" => $"P{n}Y",
            "Month" => $"P{n}M",
            "Week" => $"P{n}W",
            "Day" => $"P{n}D",
            "Hour" => $"PT{n}H",
            "Minute" => $"PT{n}M",
            _ => $"PT{n}S",
        };
        Assert.Equal(expected, t.Value);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Each_number_word_counts(string form, string value, string kind)
    {
        double v = double.Parse(value, CultureInfo.InvariantCulture);
        switch (kind)
        {
            case "Cardinal":
                {
                    var t = Assert.Single(Times($"Le conflit dure depuis {form} ans."));
                    Assert.Equal(v == 0 ? "P0D" : $"P{v}Y", t.Value);
                    break;
                }
            case "Ordinal" when v == -1:
                Assert.Equal("2024-Q4", Assert.Single(Times($"Les ventes ont reculé au {form} trimestre 2024.")).Value);
                break;
            case "Ordinal":
                Assert.Equal(((int)v - 1).ToString("00", CultureInfo.InvariantCulture) + "XX", Assert.Single(Times($"Ce fut la pire guerre du {form} siècle.")).Value);
                break;
            case "Approximate":
                {
                    // "il y a une dizaine d'années", "il y a des centaines d'années": about N years ago, with a tolerance
                    string determiner = form.EndsWith('s') ? "des" : "une";
                    var t = Assert.Single(Times($"Le village a été fondé il y a {determiner} {form} d'années."));
                    Assert.Equal(TimeType.Date, t.Type);
                    Assert.NotNull(t.ToleranceDays);
                    break;
                }
            case "Half" when form.EndsWith('s'):
                Assert.Equal("PT0.75H", Assert.Single(Times($"Il a attendu trois {form} d'heure.")).Value);
                break;
            case "Half":
                Assert.Equal($"P{(1 + v).ToString(CultureInfo.InvariantCulture)}Y", Assert.Single(Times($"Le chantier a duré un an et {form}.")).Value);
                break;
            default:
                Assert.Fail($"no test for number kind {kind}");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void Each_time_word_does_its_job(string form, string kind, string value)
    {
        switch (kind)
        {
            case "RelativeDay":
                Assert.Equal(Thursday.AddDays(int.Parse(value)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Assert.Single(Times($"Tout a changé {form}.")).Value);
                break;
            case "AnchoredDay":
                {
                    var t = Times($"Le 3 mars 2025, il est arrivé. Le {form}, il est reparti.");
                    Assert.Equal(new DateOnly(2025, 3, 3).AddDays(int.Parse(value)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t[^1].Value);
                    break;
                }
            case "DayPart":
                Assert.Equal("2025-04-09" + (value == "MI" ? "T12:00" : "T" + value), Assert.Single(Times($"Tout a changé mercredi {form}.")).Value);
                break;
            case "Season":
                {
                    string at = "aeiouéh".Contains(char.ToLowerInvariant(form[0])) ? "à l'" : "au ";
                    var t = Assert.Single(Times($"Il a été élu {at}{form} 2017."));
                    Assert.StartsWith(value == "WI" ? "2017-02" : "2017-", t.Value);
                    Assert.NotNull(t.ToleranceDays);
                    break;
                }
            case "Weekend":
                Assert.Equal("2025-W14-WE", Assert.Single(Times($"Ils se sont vus le {form} dernier.")).Value);
                break;
            case "Last" or "Next" or "Previous" or "Following" when form.EndsWith('s'):
                {
                    var t = Assert.Single(Times($"Les prix ont grimpé les trois jours {form}."));
                    Assert.Equal("P3D", t.Value);
                    Assert.NotNull(t.Begin);
                    break;
                }
            case "Last" or "Next":
                {
                    bool feminine = form.EndsWith('e');
                    var t = Assert.Single(Times(feminine ? $"Tout a changé la semaine {form}." : $"Tout a changé le mois {form}."));
                    int shift = kind == "Last" ? -1 : 1;
                    Assert.Equal(feminine ? (shift < 0 ? "2025-W14" : "2025-W16") : (shift < 0 ? "2025-03" : "2025-05"), t.Value);
                    break;
                }
            case "Previous" or "Following":
                {
                    bool feminine = form.EndsWith('e');
                    var t = Times(feminine ? $"Le 3 mars 2025, il est arrivé. La semaine {form}, il est reparti." : $"Le 3 mars 2025, il est arrivé. Le mois {form}, il est reparti.");
                    int shift = kind == "Previous" ? -1 : 1;
                    Assert.Equal(feminine ? (shift < 0 ? "2025-W09" : "2025-W11") : (shift < 0 ? "2025-02" : "2025-04"), t[^1].Value);
                    break;
                }
            case "Position":
                {
                    string phrase = form == "mi" ? "mi-mars 2025" : $"{form} mars 2025";
                    var t = Assert.Single(Times($"Les prix ont flambé {phrase}."));
                    Assert.Equal(value switch { "1" => "2025-03-05", "2" => "2025-03-15", "3" => "2025-03-26", _ => "2025-03" }, t.Value);
                    break;
                }
            case "Few":
                {
                    var t = Assert.Single(Times($"Il est arrivé il y a {form} jours."));
                    Assert.Equal("2025-04-07", t.Value);
                    Assert.NotNull(t.ToleranceDays);
                    break;
                }
            case "More" or "Hedge":
                {
                    string hedge = form is "plus" or "moins" or "près" ? $"{form} de" : form;
                    Assert.Equal("P3Y", Assert.Single(Times($"Le conflit dure depuis {hedge} trois ans.")).Value);
                    break;
                }
            case "Later":
                {
                    string phrase = form == "auparavant" ? "trois jours auparavant" : $"trois jours plus {form}";
                    var t = Times($"Le 3 mars 2025, il est arrivé. {char.ToUpperInvariant(phrase[0])}{phrase[1..]}, il est reparti.");
                    Assert.Equal(value == "1" ? "2025-03-06" : "2025-02-28", t[^1].Value);
                    break;
                }
            case "Rest":
                {
                    var t = Assert.Single(Times($"Il sera absent le {form} de la semaine."));
                    Assert.Equal(("2025-04-10", "2025-04-13"), (t.Begin, t.End));
                    break;
                }
            case "Working":
                {
                    var t = Assert.Single(Times($"Le délai est de trois jours {form}."));
                    Assert.Equal("P3D", t.Value);
                    Assert.EndsWith(form, $"Le délai est de trois jours {form}."[t.Span.Start..t.Span.End]);
                    break;
                }
            case "Weekdays":
                {
                    var t = Assert.Single(Times($"Le marché se tient tous les {form}."));
                    Assert.Equal(TimeType.Set, t.Type);
                    Assert.Equal($"XXXX-WXX-{value}", t.Value);
                    break;
                }
            case "Age":
                Assert.Empty(Times($"Le suspect, {form} de 45 ans, a été interpellé."));
                break;
            case "CountNoun":
                Assert.Empty(Times($"Ils ont réuni 2000 {form}."));
                break;
            case "Whole":
                {
                    string phrase = form switch
                    {
                        "tout" => "tout le mois",
                        "toute" => "toute la semaine",
                        "entier" => "le mois entier",
                        "entière" => "la semaine entière",
                        "plein" => "un plein mois",
                        _ => "une pleine semaine",
                    };
                    Assert.Equal(phrase.Contains("semaine") ? "P1W" : "P1M", Assert.Single(Times($"Il est resté {phrase}.")).Value);
                    break;
                }
            default:
                // function words: read by the grammar in the sentences above ("le", "de", "depuis", "il y a" ...); they only need to load
                Assert.Contains(form.ToLowerInvariant(), TimeLexicon.Default.Words.Keys);
                break;
        }
    }

    // Dates in 2024 written by hand from calendars (Easter 2024: 31 March; 1 Shawwal 1445: 10 April 2024).
    private static readonly Dictionary<string, string> Dates2024 = new()
    {
        ["jour de l'an"] = "2024-01-01",
        ["nouvel an"] = "2024-01-01",
        ["épiphanie"] = "2024-01-06",
        ["chandeleur"] = "2024-02-02",
        ["saint-valentin"] = "2024-02-14",
        ["journée internationale des droits des femmes"] = "2024-03-08",
        ["journée de la femme"] = "2024-03-08",
        ["saint-patrick"] = "2024-03-17",
        ["jour de la terre"] = "2024-04-22",
        ["fête des mères"] = "2024-05-26",
        ["fête du travail"] = "2024-05-01",
        ["fête de la victoire"] = "2024-05-08",
        ["veille du nouvel an"] = "2024-12-31",
        ["veille du jour de l'an"] = "2024-12-31",
        ["black friday"] = "2024-11-29",
        ["jour de martin luther king"] = "2024-01-15",
        ["fête de la musique"] = "2024-06-21",
        ["fête nationale"] = "2024-07-14",
        ["assomption"] = "2024-08-15",
        ["halloween"] = "2024-10-31",
        ["toussaint"] = "2024-11-01",
        ["armistice"] = "2024-11-11",
        ["noël"] = "2024-12-25",
        ["jour de noël"] = "2024-12-25",
        ["veille de noël"] = "2024-12-24",
        ["réveillon du nouvel an"] = "2024-12-31",
        ["réveillon de nouvel an"] = "2024-12-31",
        ["réveillon de noël"] = "2024-12-24",
        ["saint-sylvestre"] = "2024-12-31",
        ["fête des pères"] = "2024-06-16",
        ["thanksgiving"] = "2024-11-28",
        ["action de grâce"] = "2024-10-14",
        ["action de grâces"] = "2024-10-14",
        ["mardi gras"] = "2024-02-13",
        ["mercredi des cendres"] = "2024-02-14",
        ["rameaux"] = "2024-03-24",
        ["jeudi saint"] = "2024-03-28",
        ["vendredi saint"] = "2024-03-29",
        ["pâques"] = "2024-03-31",
        ["lundi de pâques"] = "2024-04-01",
        ["ascension"] = "2024-05-09",
        ["pentecôte"] = "2024-05-19",
        ["lundi de pentecôte"] = "2024-05-20",
        ["nouvel an musulman"] = "2024-07-07",
        ["achoura"] = "2024-07-16",
        ["mawlid"] = "2024-09-15",
        ["ramadan"] = "2024-03-11",
        ["aïd el-fitr"] = "2024-04-10",
        ["aïd al-fitr"] = "2024-04-10",
        ["aïd el-kébir"] = "2024-06-16",
        ["aïd el-adha"] = "2024-06-16",
        ["aïd al-adha"] = "2024-06-16",
    };

    [Theory]
    [MemberData(nameof(Holidays))]
    public void Each_holiday_resolves(string phrase, string rule, string argument)
    {
        Assert.True(Dates2024.TryGetValue(phrase, out var expected), $"no hand-written 2024 date for '{phrase}' ({rule} {argument})");
        var t = Times($"Ils se sont retrouvés pour {phrase} 2024.");
        Assert.Equal(expected, Assert.Single(t).Value);
    }

    [Theory]
    [InlineData("Les négociations ont commencé jeudi.", "jeudi", Tense.Past)]
    [InlineData("La délégation s'était installée jeudi.", "jeudi", Tense.Past)]
    [InlineData("Le ministre se rendra jeudi à Paris.", "jeudi", Tense.Future)]
    [InlineData("Le gouvernement va présenter jeudi son plan.", "jeudi", Tense.Future)]
    [InlineData("Le ministre devrait arriver jeudi.", "jeudi", Tense.Future)]
    [InlineData("Le texte aurait été modifié jeudi.", "jeudi", Tense.Past)]
    [InlineData("Grève générale jeudi.", "jeudi", Tense.Unknown)]
    [InlineData("Le vote est prévu jeudi.", "jeudi", Tense.Future)]            // a plan in the present
    [InlineData("Les frappes sont programmées jeudi.", "jeudi", Tense.Future)]
    [InlineData("Le vote était prévu jeudi.", "jeudi", Tense.Past)]
    [InlineData("Le vote, initialement prévu jeudi, a été annulé.", "jeudi", Tense.Past)] // no auxiliary before it: the next verb decides
    public void Tense_reader_finds_the_governing_verb(string sentence, string expression, Tense expected)
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", sentence, Thursday));
        int start = sentence.IndexOf(expression, StringComparison.Ordinal);
        var sentenceSpan = d.Sentences.First(s => s.Span.Contains(start));
        Assert.Equal(expected, VerbTenseReader.Default.Read(d, sentenceSpan, new Depeche.Text.TextSpan(start, start + expression.Length)));
    }
}
