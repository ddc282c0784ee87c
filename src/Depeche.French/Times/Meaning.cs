namespace Depeche.French.Times;

/// <summary>How precise a calendar value is.</summary>
internal enum Grain : byte { None, Century, Decade, Year, Half, Quarter, Season, Month, Week, Weekend, Day }

/// <summary>What kind of reading the grammar made of an expression.</summary>
internal enum MeaningKind : byte
{
    /// <summary>Calendar fields, some possibly missing ("le 27 février", "jeudi", "mai 2017").</summary>
    Calendar,
    /// <summary>A unit shifted from a reference ("hier", "la semaine dernière", "la veille", "la même année").</summary>
    Shift,
    /// <summary>A duration before or after a reference ("il y a trois ans", "six mois plus tard").</summary>
    Offset,
    /// <summary>A length of time ("depuis trois ans", "deux ans et demi").</summary>
    Duration,
    /// <summary>A decade ("les années 1990") or a century ("le XXe siècle"); <see cref="Meaning.Text"/> holds the value.</summary>
    Fixed,
    /// <summary>A named day ("Noël", "lundi de Pâques").</summary>
    Holiday,
    /// <summary>A recurrence ("chaque année"); <see cref="Meaning.Text"/> holds the value.</summary>
    Set,
    /// <summary>A clock time alone ("15h30"): on the date the text is talking about.</summary>
    Clock,
}

/// <summary>Which way an underspecified date goes from the publication date.</summary>
internal enum Heading : byte
{
    /// <summary>Past or present verb: on or before the publication date; future verb: on or after.</summary>
    ByTense,
    /// <summary>"dernier": strictly before.</summary>
    Last,
    /// <summary>"prochain": strictly after.</summary>
    Next,
    /// <summary>"ce vendredi", "cet été": in the current week or year.</summary>
    Current,
    /// <summary>"jeudi en huit": the coming such weekday (today included), then <see cref="Meaning.DayOffset"/> days on.</summary>
    Coming,
}

/// <summary>What a shift or offset counts from.</summary>
internal enum Reference : byte
{
    /// <summary>The publication date ("hier", "il y a trois ans").</summary>
    Document,
    /// <summary>The date the text last mentioned ("la veille", "trois jours plus tard", "la même année").</summary>
    Narrative,
}

/// <summary>A length of time as ISO 8601 components (fractions allowed: "un mois et demi" is 1.5 months).</summary>
internal struct Length
{
    public double Years, Months, Weeks, Days, Hours, Minutes, Seconds;

    public readonly bool IsZero => Years == 0 && Months == 0 && Weeks == 0 && Days == 0 && Hours == 0 && Minutes == 0 && Seconds == 0;

    public void Add(TimeUnit unit, double amount)
    {
        switch (unit)
        {
            case TimeUnit.Year: Years += amount; break;
            case TimeUnit.Month: Months += amount; break;
            case TimeUnit.Week: Weeks += amount; break;
            case TimeUnit.Day: Days += amount; break;
            case TimeUnit.Hour: Hours += amount; break;
            case TimeUnit.Minute: Minutes += amount; break;
            default: Seconds += amount; break;
        }
    }

    /// <summary>Approximate length in days (a month is 30 days, a year 365).</summary>
    public readonly double TotalDays => Years * 365 + Months * 30 + Weeks * 7 + Days + Hours / 24 + Minutes / 1440 + Seconds / 86400;

    /// <summary>ISO 8601: "P3Y", "P1.5M", "P1M21D", "PT24H".</summary>
    public override readonly string ToString()
    {
        var b = new System.Text.StringBuilder("P");
        Part(b, Years, 'Y');
        Part(b, Months, 'M');
        Part(b, Weeks, 'W');
        Part(b, Days, 'D');
        if (Hours != 0 || Minutes != 0 || Seconds != 0)
        {
            b.Append('T');
            Part(b, Hours, 'H');
            Part(b, Minutes, 'M');
            Part(b, Seconds, 'S');
        }
        return b.Length == 1 ? "P0D" : b.ToString();
    }

    private static void Part(System.Text.StringBuilder b, double value, char unit)
    {
        if (value == 0) return;
        b.Append(value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).Append(unit);
    }

    /// <summary><paramref name="date"/> moved by this length times <paramref name="sign"/>; fractions of a unit become days.</summary>
    public readonly DateOnly Apply(DateOnly date, int sign)
    {
        double years = Years, months = Months, days = Days + Weeks * 7 + Hours / 24;
        int wholeYears = (int)Math.Truncate(years);
        months += (years - wholeYears) * 12;
        int wholeMonths = (int)Math.Truncate(months);
        days += (months - wholeMonths) * 30;
        try
        {
            return date.AddYears(sign * wholeYears).AddMonths(sign * wholeMonths).AddDays(sign * (int)Math.Round(days));
        }
        catch (ArgumentOutOfRangeException)
        {
            return date;
        }
    }
}

/// <summary>The grammar's reading of one expression, before it is resolved against the calendar.</summary>
internal struct Meaning
{
    public MeaningKind Kind;
    public Grain Grain;
    public int Year, Month, Day, Weekday;   // 0 = not said
    public int Part;                         // quarter (1-4) or half (1-2)
    public int Rank;                         // "le premier vendredi de juillet": 1 (-1 = last)
    public int? MonthShift;                  // "le premier vendredi du mois prochain": +1
    public bool DayOfCurrentMonth;           // "le 27": day of a month near the publication date
    public Grain Container;                  // "la semaine du 15 septembre": the week (or month) holding the date
    public string? Season;                   // "SP", "SU", "FA", "WI"
    public int WeekShift;                    // "vendredi de la semaine prochaine": +1
    public int? YearShift;                   // "juin de l'année prochaine": the publication year + 1
    public Heading Heading;
    public int Position;                     // 1 "début", 2 "mi-", 3 "fin", 4 "courant", 5 and 6 the first and second "quinzaine"
    public int Hour, Minute;                 // Hour -1 = no clock time
    public string? DayPart;                  // "MO", "AF", "EV", "NI", "MI"
    public Reference Reference;
    public int Shift;                        // Shift: how many units
    public int Sign;                         // Offset: -1 before, +1 after
    public Length Length;                    // Offset, Duration
    public bool Vague;                       // "quelques", "une dizaine de"
    public bool Approximate;                 // "plus de", "près de", fractions
    public int DayOffset;                    // Calendar, Holiday: days after the date ("le lendemain de Noël": +1)
    public int AnchorDays;                   // Offset from the document: days from the DCT it counts from ("deux jours après demain": 1)
    public bool FromNext;                    // Offset: counted from the date right after ("quelques jours après le 18 février")
    public bool RangeToReference;            // "les trois derniers jours": a duration ending (or starting) at the reference
    public Holiday? Holiday;
    public string? Text;                     // value of Fixed and Set readings

    public static Meaning Create(MeaningKind kind) => new() { Kind = kind, Hour = -1 };
}
