using System.Globalization;

namespace Depeche.French.Times;

/// <summary>What the resolver keeps between expressions of one document: the date and year the text last talked about.</summary>
internal struct NarrativeState
{
    public DateOnly? Day;
    public int Year;
}

/// <summary>A resolved expression: its TIMEX3-style type and value, range ends and tolerance.</summary>
internal readonly record struct Resolution(TimeType Type, string? Value, string? Begin = null, string? End = null, int? Tolerance = null);

/// <summary>
/// Turns a <see cref="Meaning"/> into a calendar value against the publication date (DCT) and the narrative state.
/// Pure functions; no DCT leaves what needs one unresolved ("XXXX-02-27", or no value), never invented.
/// </summary>
/// <summary>Which way a reading with no "dernier"/"prochain" goes: from the tense, or to the nearest date when no verb says.</summary>
internal enum Lean : byte { Back, Forward, Nearest }

internal static class TimeResolver
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>True when the reading's direction depends on the tense of its clause.</summary>
    public static bool NeedsTense(in Meaning m) =>
        m.Heading == Heading.ByTense && m.Year == 0 && m.YearShift is null
        && m.Kind is MeaningKind.Calendar or MeaningKind.Holiday;

    /// <summary>Resolves <paramref name="m"/>; false when the expression has no possible value ("30 février").</summary>
    public static bool Resolve(in Meaning m, DateOnly? dct, Tense tense, ref NarrativeState state, out Resolution result)
    {
        result = default;
        var lean = tense switch { Tense.Future => Lean.Forward, Tense.Unknown => Lean.Nearest, _ => Lean.Back };
        switch (m.Kind)
        {
            case MeaningKind.Calendar:
                return Calendar(m, dct, lean, ref state, out result) && Offset(m, ref state, ref result);
            case MeaningKind.Shift:
                return Shift(m, dct, ref state, out result);
            case MeaningKind.Offset:
                {
                    DateOnly? origin = m.Reference == Reference.Narrative ? state.Day ?? dct : dct?.AddDays(m.AnchorDays);
                    if (origin is not { } o) { result = new Resolution(TimeType.Date, null); return true; }
                    var day = m.Length.Apply(o, m.Sign);
                    double days = m.Length.TotalDays;
                    bool fractional = Fraction(m.Length);
                    int? tolerance = m.Vague ? (int)Math.Max(1, Math.Round(days / 2)) : fractional || m.Approximate ? (int)Math.Max(1, Math.Round(days * 0.15)) : null;
                    result = new Resolution(TimeType.Date, Day(day), Tolerance: tolerance);
                    state.Day = day;
                    state.Year = day.Year;
                    return true;
                }
            case MeaningKind.Duration:
                {
                    string value = m.Length.ToString();
                    if (m.RangeToReference && dct is { } d)
                    {
                        var other = m.Length.Apply(d, m.Sign < 0 ? -1 : 1);
                        result = m.Sign < 0
                            ? new Resolution(TimeType.Duration, value, Day(other), Day(d))
                            : new Resolution(TimeType.Duration, value, Day(d.AddDays(1)), Day(other));
                    }
                    else result = new Resolution(TimeType.Duration, value, Tolerance: m.Vague ? (int)Math.Max(1, Math.Round(m.Length.TotalDays / 2)) : null);
                    return true;
                }
            case MeaningKind.Fixed:
                result = new Resolution(TimeType.Date, m.Text);
                if (m.Grain == Grain.Decade) state.Year = m.Year;
                return true;
            case MeaningKind.Set:
                result = new Resolution(TimeType.Set, m.Text);
                return true;
            case MeaningKind.Holiday:
                return HolidayDate(m, dct, lean, ref state, out result) && Offset(m, ref state, ref result);
            case MeaningKind.Clock:
                {
                    var origin = state.Day ?? dct;
                    string date = origin is { } o ? Day(o) : "XXXX-XX-XX";
                    result = new Resolution(TimeType.Time, date + Clock(m));
                    return true;
                }
        }
        return false;
    }

    // "le lendemain de Noël", "la veille du 3 mars": the resolved day moved by DayOffset (a value without its day stays as is)
    private static bool Offset(in Meaning m, ref NarrativeState state, ref Resolution result)
    {
        if (m.DayOffset == 0 || result.Value is not { Length: >= 10 } v || !DateOnly.TryParseExact(v.AsSpan(0, 10), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var day))
            return true;
        day = day.AddDays(m.DayOffset);
        result = result with { Value = Day(day) + v[10..] };
        state.Day = day;
        state.Year = day.Year;
        return true;
    }

    private static bool Calendar(in Meaning m, DateOnly? dct, Lean lean, ref NarrativeState state, out Resolution result)
    {
        result = default;
        int year = m.Year;
        if (year == 0 && m.YearShift is { } shift)
        {
            if (dct is not { } d) return Unresolved(m, out result);
            year = d.Year + shift;
        }
        switch (m.Grain)
        {
            case Grain.Day:
                {
                    DateOnly? date = null;
                    int month = m.Month, dayOfMonth = m.Day;
                    if (month > 0 && dayOfMonth > 0)
                    {
                        if (year > 0) date = Try(year, m.Month, m.Day);
                        else if (dct is { } d)
                        {
                            if (m.Weekday > 0) date = NearestWithWeekday(d, m.Month, m.Day, m.Weekday, lean);
                            date ??= Directed(d, m.Heading, lean, y => Try(y, month, dayOfMonth));
                        }
                        else
                        {
                            if (m.Day > DateTime.DaysInMonth(2000, m.Month)) return false;
                            return Unresolved(m, out result);
                        }
                        if (date is null) return false;
                    }
                    else if (m.Rank != 0 && m.Weekday > 0)
                    {
                        // "le premier vendredi de juillet": the nth such weekday of the month
                        int rank = m.Rank, weekday = m.Weekday, monthOfRank = m.Month;
                        if (monthOfRank == 0)
                        {
                            if (dct is not { } d0) return Unresolved(m, out result);
                            var shifted = new DateOnly(d0.Year, d0.Month, 1).AddMonths(m.MonthShift ?? 0);
                            date = NthWeekday(shifted.Year, shifted.Month, weekday, rank);
                            // "le cinquième dimanche" in a month that has four and no month named: a count of occurrences,
                            // the weekday itself by tense (as "le sixième dimanche")
                            if (date is null && rank == 5 && m.MonthShift is null or 0)
                            {
                                var alone = m;
                                alone.Rank = 0; alone.MonthShift = null;
                                return Calendar(alone, dct, lean, ref state, out result);
                            }
                        }
                        else if (year > 0) date = NthWeekday(year, monthOfRank, weekday, rank);
                        else if (dct is { } d1) date = Directed(d1, m.Heading, lean, y => NthWeekday(y, monthOfRank, weekday, rank));
                        else return Unresolved(m, out result);
                        if (date is null) return false;
                    }
                    else if (m.Rank == -1 && m.Weekday == 0 && m.Day == 0)
                    {
                        // "le dernier jour du mois", "le dernier jour de février": the month's last day
                        if (dct is null && (m.Month == 0 || year == 0)) return Unresolved(m, out result);
                        int lastOf = m.Month;
                        if (lastOf == 0)
                        {
                            var shiftedMonth = new DateOnly(dct!.Value.Year, dct.Value.Month, 1).AddMonths(m.MonthShift ?? 0);
                            date = shiftedMonth.AddMonths(1).AddDays(-1);
                        }
                        else if (year > 0) date = new DateOnly(year, lastOf, DateTime.DaysInMonth(year, lastOf));
                        else date = Directed(dct!.Value, m.Heading, lean, y => new DateOnly(y, lastOf, DateTime.DaysInMonth(y, lastOf)));
                        if (date is null) return false;
                    }
                    else if (m.Day > 0 && m.MonthShift is { } monthShift && m.Weekday == 0)
                    {
                        // "le 20 du mois prochain"
                        if (dct is not { } d3) return Unresolved(m, out result);
                        var shiftedMonth = new DateOnly(d3.Year, d3.Month, 1).AddMonths(monthShift);
                        date = Try(shiftedMonth.Year, shiftedMonth.Month, m.Day);
                        if (date is null) return false;
                    }
                    else if (m.Day > 0 && m.DayOfCurrentMonth && m.Weekday == 0)
                    {
                        // "le 27": the 27th of a month near the publication date, by tense
                        if (dct is not { } d2) return Unresolved(m, out result);
                        int dom = m.Day;
                        DateOnly? best = null;
                        var firstOfMonth = new DateOnly(d2.Year, d2.Month, 1);
                        for (int k = -2; k <= 2; k++)
                        {
                            var mo = firstOfMonth.AddMonths(k);
                            if (Try(mo.Year, mo.Month, dom) is not { } c) continue;
                            bool ok = m.Heading switch { Heading.Last => c < d2, Heading.Next => c > d2, _ => lean switch { Lean.Back => c <= d2, Lean.Forward => c >= d2, _ => true } };
                            if (ok && (best is null || Math.Abs(c.DayNumber - d2.DayNumber) < Math.Abs(best.Value.DayNumber - d2.DayNumber))) best = c;
                        }
                        date = best;
                        if (date is null) return false;
                    }
                    else if (m.Day > 0 && m.Weekday > 0)
                    {
                        if (dct is not { } d) return Unresolved(m, out result);
                        date = DayOfNearbyMonth(d, m.Day, m.Weekday);
                        if (date is null) return Unresolved(m, out result);
                    }
                    else if (m.Weekday > 0)
                    {
                        if (dct is not { } d) return Unresolved(m, out result);
                        date = WeekdayDate(d, m.Weekday, m.Heading, m.WeekShift, lean);
                    }
                    else return false;
                    var day = date.Value;
                    state.Day = day;
                    state.Year = day.Year;
                    if (m.Container is Grain.Week or Grain.Weekend)
                    {
                        var dt = day.ToDateTime(TimeOnly.MinValue);
                        result = new Resolution(TimeType.Date, ISOWeek.GetYear(dt).ToString("0000", Invariant) + "-W" + ISOWeek.GetWeekOfYear(dt).ToString("00", Invariant) + (m.Container == Grain.Weekend ? "-WE" : ""));
                        return true;
                    }
                    if (m.Container == Grain.Month)
                    {
                        result = new Resolution(TimeType.Date, day.Year.ToString("0000", Invariant) + "-" + day.Month.ToString("00", Invariant));
                        return true;
                    }
                    result = new Resolution(m.Hour >= 0 || m.DayPart is not null ? TimeType.Time : TimeType.Date, Day(day) + Clock(m));
                    return true;
                }
            case Grain.Month:
                {
                    if (year == 0)
                    {
                        if (dct is not { } d) return Unresolved(m, out result);
                        int month = m.Month;
                        year = DirectedPeriod(d, m.Heading, lean, y => new DateOnly(y, month, 1), y => new DateOnly(y, month, 1).AddMonths(1).AddDays(-1));
                    }
                    state.Year = year;
                    if (m.Position is 5 or 6)
                    {
                        // "la première quinzaine de mars": the 1st to the 15th (the 8th ± 7); the second, the 16th to the end
                        int last = DateTime.DaysInMonth(year, m.Month);
                        var day = new DateOnly(year, m.Month, m.Position == 5 ? 8 : (16 + last + 1) / 2);
                        state.Day = day;
                        result = new Resolution(TimeType.Date, Day(day), Tolerance: m.Position == 5 ? 7 : (last - 16) / 2 + 1);
                        return true;
                    }
                    if (m.Position is >= 1 and <= 3)
                    {
                        int last = DateTime.DaysInMonth(year, m.Month);
                        var day = new DateOnly(year, m.Month, m.Position == 1 ? 5 : m.Position == 2 ? 15 : last - 5);
                        state.Day = day;
                        result = new Resolution(TimeType.Date, Day(day), Tolerance: 5);
                        return true;
                    }
                    result = new Resolution(TimeType.Date, year.ToString("0000", Invariant) + "-" + m.Month.ToString("00", Invariant));
                    return true;
                }
            case Grain.Year:
                {
                    if (year == 0) return false;
                    state.Year = year;
                    if (m.Position is >= 1 and <= 3)
                    {
                        var day = new DateOnly(year, m.Position == 1 ? 2 : m.Position == 2 ? 7 : 12, 1);
                        result = new Resolution(TimeType.Date, Day(day), Tolerance: 31);
                        return true;
                    }
                    result = new Resolution(TimeType.Date, year.ToString("0000", Invariant));
                    return true;
                }
            case Grain.Week:
                {
                    // "la troisième semaine de 2027" (ISO week), "la première semaine d'octobre" (from the month's first Monday)
                    DateOnly monday;
                    if (m.Month == 0 && m.MonthShift is null)
                    {
                        if (year == 0) { if (dct is not { } d) return Unresolved(m, out result); year = d.Year; }
                        if (m.Rank == -1) monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, ISOWeek.GetWeeksInYear(year), DayOfWeek.Monday));
                        else if (m.Rank > ISOWeek.GetWeeksInYear(year)) return false;
                        else monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, m.Rank, DayOfWeek.Monday));
                    }
                    else
                    {
                        int month = m.Month;
                        if (m.MonthShift is { } ms)
                        {
                            if (dct is not { } d) return Unresolved(m, out result);
                            var shifted = new DateOnly(d.Year, d.Month, 1).AddMonths(ms);
                            (year, month) = (shifted.Year, shifted.Month);
                        }
                        else if (year == 0)
                        {
                            if (dct is not { } d) return Unresolved(m, out result);
                            year = DirectedPeriod(d, m.Heading, lean, y => new DateOnly(y, month, 1), y => new DateOnly(y, month, 1).AddMonths(1).AddDays(-1));
                        }
                        // weeks of a month count like ISO weeks of a year: the first is the one holding the 4th, the last
                        // the one holding the month's fourth-to-last day ("la première semaine d'octobre" 2016 starts on the 3rd)
                        var fourth = new DateOnly(year, month, 4);
                        var firstMonday = fourth.AddDays(1 - IsoDay(fourth));
                        if (m.Rank == -1)
                        {
                            var lastFourth = new DateOnly(year, month, 1).AddMonths(1).AddDays(-4);
                            monday = lastFourth.AddDays(1 - IsoDay(lastFourth));
                        }
                        else monday = firstMonday.AddDays(7 * (m.Rank - 1));
                        if (monday.AddDays(3).Month != month) return false;
                    }
                    var dt = monday.ToDateTime(TimeOnly.MinValue);
                    state.Year = monday.Year;
                    result = new Resolution(TimeType.Date, ISOWeek.GetYear(dt).ToString("0000", Invariant) + "-W" + ISOWeek.GetWeekOfYear(dt).ToString("00", Invariant));
                    return true;
                }
            case Grain.Quarter or Grain.Half:
                {
                    int months = m.Grain == Grain.Quarter ? 3 : 6;
                    int firstMonth = (m.Part - 1) * months + 1;
                    if (year == 0)
                    {
                        if (dct is not { } d) return Unresolved(m, out result);
                        year = m.Heading == Heading.Current ? d.Year
                            : DirectedPeriod(d, m.Heading, lean, y => new DateOnly(y, firstMonth, 1), y => new DateOnly(y, firstMonth, 1).AddMonths(months).AddDays(-1));
                    }
                    state.Year = year;
                    result = new Resolution(TimeType.Date, year.ToString("0000", Invariant) + (m.Grain == Grain.Quarter ? "-Q" : "-H") + m.Part.ToString(Invariant));
                    return true;
                }
            case Grain.Season:
                {
                    var (startMonth, startDay, midMonth, midDay, tolerance) = m.Season switch
                    {
                        "SP" => (3, 20, 5, 6, 46),
                        "SU" => (6, 21, 8, 6, 46),
                        "FA" => (9, 23, 11, 6, 44),
                        _ => (12, 21, 2, 4, 45),
                    };
                    bool winter = m.Season == "WI";
                    if (year == 0)
                    {
                        if (dct is not { } d) return Unresolved(m, out result);
                        // winter Y runs from December Y-1 to March Y
                        year = m.Heading == Heading.Current ? (winter && d.Month == 12 ? d.Year + 1 : d.Year)
                            : DirectedPeriod(d, m.Heading, lean,
                                y => winter ? new DateOnly(y - 1, 12, 21) : new DateOnly(y, startMonth, startDay),
                                y => winter ? new DateOnly(y, 3, 19) : new DateOnly(y, startMonth, startDay).AddMonths(3).AddDays(-1));
                    }
                    state.Year = year;
                    var mid = new DateOnly(year, midMonth, midDay);
                    result = new Resolution(TimeType.Date, Day(mid), Tolerance: tolerance);
                    return true;
                }
        }
        return false;
    }

    // Unresolvable without a DCT: the fields the text gives, X for the rest.
    private static bool Unresolved(in Meaning m, out Resolution result)
    {
        string? value = m.Grain switch
        {
            Grain.Day when m.Rank != 0 => "XXXX-" + (m.Month > 0 ? m.Month.ToString("00", Invariant) : "XX") + "-WXX-" + m.Weekday.ToString(Invariant) + "-#" + m.Rank.ToString(Invariant),
            Grain.Day when m.Month > 0 && m.Day > 0 => "XXXX-" + m.Month.ToString("00", Invariant) + "-" + m.Day.ToString("00", Invariant),
            Grain.Day when m.Day > 0 => "XXXX-XX-" + m.Day.ToString("00", Invariant),
            Grain.Day when m.Weekday > 0 => "XXXX-WXX-" + m.Weekday.ToString(Invariant),
            Grain.Month => "XXXX-" + m.Month.ToString("00", Invariant),
            Grain.Quarter => "XXXX-Q" + m.Part.ToString(Invariant),
            Grain.Half => "XXXX-H" + m.Part.ToString(Invariant),
            Grain.Season => "XXXX-" + m.Season,
            _ => null,
        };
        result = new Resolution(m.Hour >= 0 || m.DayPart is not null ? TimeType.Time : TimeType.Date, value is null ? null : value + Clock(m));
        return true;
    }

    private static bool Shift(in Meaning m, DateOnly? dct, ref NarrativeState state, out Resolution result)
    {
        result = default;
        if (m.RangeToReference)
        {
            // "le reste de la semaine": from the DCT to the last day of its week, month or year
            if (dct is not { } d) { result = new Resolution(TimeType.Duration, null); return true; }
            var last = m.Grain switch
            {
                Grain.Week or Grain.Weekend => d.AddDays(7 - IsoDay(d)),
                Grain.Month => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1),
                Grain.Quarter => new DateOnly(d.Year, (d.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1),
                Grain.Half => new DateOnly(d.Year, d.Month <= 6 ? 6 : 12, d.Month <= 6 ? 30 : 31),
                _ => new DateOnly(d.Year, 12, 31),
            };
            result = new Resolution(TimeType.Duration, "P" + (last.DayNumber - d.DayNumber).ToString(Invariant) + "D", Day(d), Day(last));
            return true;
        }
        DateOnly? origin = m.Reference == Reference.Narrative ? state.Day ?? dct : dct;
        if (m.Reference == Reference.Narrative && m.Grain == Grain.Year && state.Year > 0)
        {
            int y = state.Year + m.Shift;
            result = new Resolution(TimeType.Date, y.ToString("0000", Invariant));
            return true;
        }
        if (origin is not { } o)
        {
            result = new Resolution(m.DayPart is null ? TimeType.Date : TimeType.Time, null);
            return true;
        }
        string value;
        switch (m.Grain)
        {
            case Grain.Day:
                {
                    var day = o.AddDays(m.Shift);
                    state.Day = day;
                    state.Year = day.Year;
                    result = new Resolution(m.DayPart is null ? TimeType.Date : TimeType.Time, Day(day) + Clock(m));
                    return true;
                }
            case Grain.Week or Grain.Weekend:
                {
                    var day = o.AddDays(7 * m.Shift).ToDateTime(TimeOnly.MinValue);
                    value = ISOWeek.GetYear(day).ToString("0000", Invariant) + "-W" + ISOWeek.GetWeekOfYear(day).ToString("00", Invariant) + (m.Grain == Grain.Weekend ? "-WE" : "");
                    break;
                }
            case Grain.Month when m.Position is >= 1 and <= 3:
            case Grain.Year when m.Position is >= 1 and <= 3:
                {
                    // "fin du mois", "au début de l'année prochaine": an approximate day
                    var calendar = Meaning.Create(MeaningKind.Calendar);
                    calendar.Grain = m.Grain;
                    calendar.Position = m.Position;
                    calendar.Year = m.Grain == Grain.Year ? o.Year + m.Shift : o.AddMonths(m.Shift).Year;
                    calendar.Month = m.Grain == Grain.Month ? o.AddMonths(m.Shift).Month : 0;
                    return Calendar(calendar, dct, Lean.Back, ref state, out result);
                }
            case Grain.Month:
                {
                    var month = o.AddMonths(m.Shift);
                    state.Year = month.Year;
                    value = month.Year.ToString("0000", Invariant) + "-" + month.Month.ToString("00", Invariant);
                    break;
                }
            case Grain.Quarter or Grain.Half:
                {
                    int months = m.Grain == Grain.Quarter ? 3 : 6;
                    var shifted = o.AddMonths(months * m.Shift);
                    value = shifted.Year.ToString("0000", Invariant) + (m.Grain == Grain.Quarter ? "-Q" : "-H") + ((shifted.Month - 1) / months + 1).ToString(Invariant);
                    break;
                }
            case Grain.Year:
                {
                    int y = o.Year + m.Shift;
                    state.Year = y;
                    value = y.ToString("0000", Invariant);
                    break;
                }
            case Grain.Decade:
                value = (o.Year / 10 + m.Shift).ToString(Invariant) + "X";
                break;
            default:
                return false;
        }
        result = new Resolution(TimeType.Date, value);
        return true;
    }

    private static bool HolidayDate(in Meaning m, DateOnly? dct, Lean lean, ref NarrativeState state, out Resolution result)
    {
        result = default;
        var h = m.Holiday!;
        DateOnly? date;
        if (m.Year > 0) date = HolidayIn(h, m.Year);
        else if (m.YearShift is { } shift && dct is { } ds) date = HolidayIn(h, ds.Year + shift); // "Noël de l'année prochaine"
        else if (dct is { } d) date = Directed(d, m.Heading, lean, y => HolidayIn(h, y));
        else
        {
            result = new Resolution(TimeType.Date, h.Rule switch
            {
                HolidayRule.Fixed => "XXXX-" + h.Month.ToString("00", Invariant) + "-" + h.Day.ToString("00", Invariant),
                HolidayRule.NthWeekday when h.After != 0 || h.ClashEaster is not null => null,
                HolidayRule.NthWeekday => "XXXX-" + h.Month.ToString("00", Invariant) + "-WXX-" + h.Day.ToString(Invariant) + "-#" + h.EasterOffset.ToString(Invariant),
                _ => null,
            });
            return true;
        }
        if (date is not { } day) return false;
        state.Day = day;
        state.Year = day.Year;
        result = new Resolution(TimeType.Date, Day(day));
        return true;
    }

    /// <summary>The date of a holiday in a Gregorian year, or null when the calendar cannot say.</summary>
    public static DateOnly? HolidayIn(Holiday h, int year)
    {
        switch (h.Rule)
        {
            case HolidayRule.Fixed:
                return Try(year, h.Month, h.Day);
            case HolidayRule.Easter:
                return Easter(year).AddDays(h.EasterOffset);
            case HolidayRule.NthWeekday:
                {
                    var date = NthWeekday(year, h.Month, h.Day, h.EasterOffset);
                    if (date is { } d && h.ClashEaster is { } clash && d == Easter(year).AddDays(clash)) date = NthWeekday(year, h.Instead.Month, h.Instead.Weekday, h.Instead.Rank);
                    return date?.AddDays(h.After);
                }
            default:
                {
                    var calendar = new UmAlQuraCalendar();
                    try
                    {
                        int hijri = calendar.GetYear(new DateTime(year, 1, 1));
                        for (int hy = hijri; hy <= hijri + 1; hy++)
                        {
                            var g = calendar.ToDateTime(hy, h.Month, h.Day, 0, 0, 0, 0);
                            if (g.Year == year) return DateOnly.FromDateTime(g);
                        }
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                    }
                    return null;
                }
        }
    }

    /// <summary>Easter Sunday (Gregorian), by the anonymous Gregorian algorithm.</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    // The candidate date (one per year around the DCT) that the heading picks.
    private static DateOnly? Directed(DateOnly dct, Heading heading, Lean lean, Func<int, DateOnly?> inYear)
    {
        DateOnly? best = null;
        for (int y = dct.Year - 2; y <= dct.Year + 2; y++)
        {
            if (inYear(y) is not { } c) continue;
            bool ok = heading switch
            {
                Heading.Last => c < dct,
                Heading.Next => c > dct,
                Heading.Current => c.Year == dct.Year,
                _ => lean switch { Lean.Forward => c >= dct, Lean.Back => c <= dct, _ => true },
            };
            if (!ok) continue;
            if (best is null) { best = c; continue; }
            bool forward = heading == Heading.Next || (heading == Heading.ByTense && lean == Lean.Forward);
            bool better = heading == Heading.ByTense && lean == Lean.Nearest
                ? Math.Abs(c.DayNumber - dct.DayNumber) < Math.Abs(best.Value.DayNumber - dct.DayNumber)
                : forward ? c < best : c > best;
            if (better) best = c;
        }
        return best;
    }

    // The year of the period (month, quarter, season) that the heading picks: past = the latest started on or before
    // the DCT (the current one included), future = the earliest not yet over.
    private static int DirectedPeriod(DateOnly dct, Heading heading, Lean lean, Func<int, DateOnly> start, Func<int, DateOnly> end)
    {
        if (heading == Heading.ByTense && lean == Lean.Nearest)
        {
            // no tense: the occurrence whose middle is closest to the DCT
            int best = dct.Year;
            long bestDistance = long.MaxValue;
            for (int y = dct.Year - 1; y <= dct.Year + 1; y++)
            {
                if (start(y) <= dct && end(y) >= dct) return y;
                long mid = (start(y).DayNumber + end(y).DayNumber) / 2;
                long distance = Math.Abs(mid - dct.DayNumber);
                if (distance < bestDistance) { bestDistance = distance; best = y; }
            }
            return best;
        }
        bool future = lean == Lean.Forward;
        switch (heading)
        {
            case Heading.Current: return dct.Year;
            case Heading.Last:
                for (int y = dct.Year; ; y--) if (end(y) < dct) return y;
            case Heading.Next:
                for (int y = dct.Year; ; y++) if (start(y) > dct) return y;
            default:
                if (future) { for (int y = dct.Year - 1; ; y++) if (end(y) >= dct) return y; }
                for (int y = dct.Year + 1; ; y--) if (start(y) <= dct) return y;
        }
    }

    private static DateOnly WeekdayDate(DateOnly dct, int weekday, Heading heading, int weekShift, Lean lean)
    {
        int today = (int)dct.DayOfWeek == 0 ? 7 : (int)dct.DayOfWeek;
        var monday = dct.AddDays(1 - today);
        if (heading == Heading.Current || weekShift != 0) return monday.AddDays(7 * weekShift + weekday - 1);
        int back = (today - weekday + 7) % 7;     // days back to the most recent such day (0 = today)
        int ahead = (weekday - today + 7) % 7;    // days ahead to the next (0 = today)
        return heading switch
        {
            Heading.Last => dct.AddDays(-(back == 0 ? 7 : back)),
            Heading.Coming => dct.AddDays(ahead),
            Heading.Next => monday.AddDays(7 + weekday - 1), // "vendredi prochain": the Friday of next week ("ce vendredi" is this week's)
            _ => lean == Lean.Forward || (lean == Lean.Nearest && ahead < back) ? dct.AddDays(ahead) : dct.AddDays(-back),
        };
    }

    // "mardi 10 septembre": the year near the DCT in which that date is that weekday: the nearest when it lies within a year of
    // the DCT (an announcement in the present, "mercredi 11 septembre" the day before, is ahead); farther off, the one in the
    // tense's direction (a past verb: on or before the DCT; a future one: on or after), else the nearest either way.
    private static DateOnly? NearestWithWeekday(DateOnly dct, int month, int day, int weekday, Lean lean)
    {
        DateOnly? best = null, directed = null;
        for (int y = dct.Year - 6; y <= dct.Year + 6; y++)
        {
            if (Try(y, month, day) is not { } c || IsoDay(c) != weekday) continue;
            if (best is null || Math.Abs(c.DayNumber - dct.DayNumber) < Math.Abs(best.Value.DayNumber - dct.DayNumber)) best = c;
            bool inDirection = lean switch { Lean.Back => c <= dct, Lean.Forward => c >= dct, _ => true };
            if (inDirection && (directed is null || Math.Abs(c.DayNumber - dct.DayNumber) < Math.Abs(directed.Value.DayNumber - dct.DayNumber))) directed = c;
        }
        if (best is { } near && Math.Abs(near.DayNumber - dct.DayNumber) <= 366) return near;
        return directed ?? best;
    }

    // "vendredi 20": the month near the DCT whose 20th is a Friday.
    private static DateOnly? DayOfNearbyMonth(DateOnly dct, int day, int weekday)
    {
        DateOnly? best = null;
        var first = new DateOnly(dct.Year, dct.Month, 1);
        for (int k = -3; k <= 3; k++)
        {
            var month = first.AddMonths(k);
            if (Try(month.Year, month.Month, day) is not { } c || IsoDay(c) != weekday) continue;
            if (best is null || Math.Abs(c.DayNumber - dct.DayNumber) < Math.Abs(best.Value.DayNumber - dct.DayNumber)) best = c;
        }
        return best;
    }

    private static DateOnly? NthWeekday(int year, int month, int weekday, int rank)
    {
        if (year < 1 || year > 9998 || month is < 1 or > 12) return null;
        if (rank == -1)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-((IsoDay(last) - weekday + 7) % 7));
        }
        var first = new DateOnly(year, month, 1);
        var date = first.AddDays((weekday - IsoDay(first) + 7) % 7 + 7 * (rank - 1));
        return date.Month == month ? date : null;
    }

    private static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    private static DateOnly? Try(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static bool Fraction(in Length l) =>
        l.Years != Math.Floor(l.Years) || l.Months != Math.Floor(l.Months) || l.Weeks != Math.Floor(l.Weeks) || l.Days != Math.Floor(l.Days);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);

    private static string Clock(in Meaning m) =>
        m.Hour >= 0 ? "T" + m.Hour.ToString("00", Invariant) + ":" + m.Minute.ToString("00", Invariant)
        : m.DayPart is { } part ? (part == "MI" ? "T12:00" : "T" + part) : "";
}
