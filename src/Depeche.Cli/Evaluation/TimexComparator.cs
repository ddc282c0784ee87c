using System.Globalization;

namespace Depeche.Cli.Evaluation;

/// <summary>One of our time expressions as the comparator sees it: span, value, range ends, tolerance.</summary>
internal sealed record OurTime(int Start, int End, string Type, string? Value, string? Begin, string? EndValue, int? Tolerance);

/// <summary>
/// Maps other systems' TIMEX values onto ours (docs/times.md, "Comparator"). A value of ours matches a reference when:
/// <list type="bullet">
/// <item>the strings are equal ("2016-11-07", "2016-W45", "XXXX-10-02", "P3D");</item>
/// <item>both are durations of the same length (P1W = P7D; a month is 30 days, a year 365);</item>
/// <item>theirs is a period [start, end) ("(2016-11-04,2016-11-22,P18D)", a month "2016-11", a week, a quarter, a season)
/// and ours is the same period: a range whose begin and end are its ends (end inclusive or exclusive), or a single value
/// naming it (our "2016-11" for their 2016-11-01..2016-12-01, "2016-Q3", "2016-W45");</item>
/// <item>ours is an approximate point (it has <c>tolerance_days</c>: "fin mars", "printemps 2017") inside their period;</item>
/// <item>our decade "199X" is 1990-01-01..2000-01-01, our century "19XX" is 1900-01-01..2000-01-01;</item>
/// <item>their season of no stated year ("SU": Recognizers gives no resolution for it) is that season in our value's year;</item>
/// <item>ours has a time of day ("2016-11-07T15:00", "2016-11-07TMO") and its date matches theirs at day precision.</item>
/// </list>
/// Where they list a past and a future resolution, matching either is enough. For a case without a reference date,
/// <see cref="PatternMatches"/> also compares their TIMEX with X digit by digit.
/// </summary>
internal static class TimexComparator
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>True when <paramref name="ours"/> matches any of the reference values (TIMEX strings or [start, end) pairs).</summary>
    public static bool Matches(OurTime ours, IEnumerable<string> values, IEnumerable<(string Start, string End)> periods)
    {
        foreach (var v in values)
            if (ValueMatches(ours, v)) return true;
        foreach (var (s, e) in periods)
            if (PeriodMatches(ours, s, e)) return true;
        return false;
    }

    /// <summary>
    /// For a case without a reference date, whose resolved values assume a date we are not told: their TIMEX with X
    /// ("XXXX-04-02", "XXXX-WXX", "(XXXX-04-02,XXXX-04-07,P5D)") against our value (or our range's begin and end) of the
    /// same shape, character by character, every digit they state being ours. Nothing without an X matches here.
    /// </summary>
    public static bool PatternMatches(OurTime ours, string theirs)
    {
        theirs = theirs.Trim();
        if (!theirs.Contains('X')) return false;
        if (theirs[0] == '(' && theirs[^1] == ')')
        {
            var parts = theirs[1..^1].Split(',');
            return parts.Length >= 2 && ours.Begin is { } b && ours.EndValue is { } e && Fits(DatePart(b), parts[0]) && Fits(DatePart(e), parts[1]);
        }
        if (ours.Value is not { } v) return false;
        if (Fits(DatePart(v), theirs)) return true;
        // our approximate point ("fin mars": 2016-03-26 ± 5) inside their period of unstated year ("XXXX-03"): their
        // pattern with our year, then the rule for approximate points against a period
        if (ours.Tolerance is not null && theirs.Length > 4 && theirs.StartsWith("XXXX", StringComparison.Ordinal) && !theirs.AsSpan(4).Contains('X')
            && v.Length >= 10 && Period(string.Concat(v.AsSpan(0, 4), theirs.AsSpan(4))) is { } inYear)
            return PeriodMatches(ours, inYear.Start, inYear.End);
        return false;
    }

    // ours has their shape and every character they state: "2016-04-02" fits "XXXX-04-02", "2016-W45" fits "XXXX-WXX"
    private static bool Fits(string ours, string pattern)
    {
        if (ours.Length != pattern.Length) return false;
        for (int i = 0; i < ours.Length; i++)
        {
            if (pattern[i] == 'X') { if (!char.IsAsciiDigit(ours[i])) return false; }
            else if (pattern[i] != ours[i]) return false;
        }
        return true;
    }

    public static bool ValueMatches(OurTime ours, string theirs)
    {
        theirs = theirs.Trim();
        if (theirs.Length == 0) return false;
        if (ours.Value is { } v && (v == theirs || DatePart(v) == theirs && theirs.Length == 10)) return true;
        if (theirs[0] == 'P')
            return ours.Value is { } d && d.StartsWith('P') && DurationDays(d) is { } a && DurationDays(theirs) is { } b && Math.Abs(a - b) < 0.01;
        if (theirs[0] == '(' && theirs[^1] == ')')
        {
            var parts = theirs[1..^1].Split(',');
            return parts.Length >= 2 && PeriodMatches(ours, parts[0], parts[1]);
        }
        if (Period(theirs) is { } period) return PeriodMatches(ours, period.Start, period.End);
        // a season of no stated year ("SU", Recognizers' TIMEX for "l'été", with no resolution to compare): the same season
        // of our value's year (for winter, also the winter that begins in December of that year)
        if (theirs is "SP" or "SU" or "FA" or "WI" && ours.Value is { Length: >= 4 } y && int.TryParse(y.AsSpan(0, 4), NumberStyles.None, Invariant, out int year))
        {
            for (int k = year; k <= year + (theirs == "WI" ? 1 : 0); k++)
                if (Period(k.ToString("0000", Invariant) + "-" + theirs) is { } season && PeriodMatches(ours, season.Start, season.End)) return true;
        }
        return false;
    }

    // theirs: [start, end) as yyyy-MM-dd strings (end exclusive, as Recognizers and Duckling give it)
    public static bool PeriodMatches(OurTime ours, string start, string end)
    {
        if (!TryDay(start, out var s) || !TryDay(end, out var e)) return false;
        if (ours.Begin is { } b && ours.EndValue is { } f)
        {
            var ob = Period(b);
            var of = Period(f);
            if (ob is not null && of is not null && TryDay(ob.Value.Start, out var bs) && TryDay(of.Value.End, out var fe) && TryDay(of.Value.Start, out var fs))
                if (bs == s && (fe == e || fs == e || fe == e.AddDays(1))) return true;
        }
        if (ours.Value is not { } v) return false;
        if (Period(DatePart(v)) is { } mine && TryDay(mine.Start, out var ms) && TryDay(mine.End, out var me))
        {
            if (ms == s && me == e) return true;
            if (ours.Tolerance is not null && me.DayNumber - ms.DayNumber == 1 && ms >= s && ms < e) return true;
        }
        return false;
    }

    /// <summary>The [start, end) days a value names: a day, an ISO week (and its weekend), a month, a quarter, a half, a year, a season.</summary>
    public static (string Start, string End)? Period(string value)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);
        if (value.Length >= 10 && TryDay(value[..10], out var day) && (value.Length == 10 || value[10] == 'T')) return (D(day), D(day.AddDays(1)));
        // our decades "199X" and centuries "19XX"
        if (value.Length == 4 && value[3] == 'X' && value[2] != 'X' && int.TryParse(value.AsSpan(0, 3), NumberStyles.None, Invariant, out int decade) && decade > 0)
            return (D(new DateOnly(decade * 10, 1, 1)), D(new DateOnly(decade * 10 + 10, 1, 1)));
        if (value.Length == 4 && value[2] == 'X' && value[3] == 'X' && int.TryParse(value.AsSpan(0, 2), NumberStyles.None, Invariant, out int century))
            return (D(new DateOnly(Math.Max(1, century * 100), 1, 1)), D(new DateOnly(century * 100 + 100, 1, 1)));
        if (value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, Invariant, out int year) || year < 1) return null;
        var rest = value.AsSpan(4);
        if (rest.Length == 0) return (D(new DateOnly(year, 1, 1)), D(new DateOnly(year + 1, 1, 1)));
        if (rest.Length == 3 && rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, Invariant, out int month) && month is >= 1 and <= 12)
            return (D(new DateOnly(year, month, 1)), D(new DateOnly(year, month, 1).AddMonths(1)));
        if (rest.Length >= 4 && rest[..2].SequenceEqual("-W") && int.TryParse(rest.Slice(2, 2), NumberStyles.None, Invariant, out int week) && week is >= 1 and <= 53)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            if (rest.Length == 4) return (D(monday), D(monday.AddDays(7)));
            if (rest[4..].SequenceEqual("-WE")) return (D(monday.AddDays(5)), D(monday.AddDays(7)));
        }
        if (rest.Length == 3 && rest[..2].SequenceEqual("-Q") && rest[2] is >= '1' and <= '4')
        {
            var first = new DateOnly(year, (rest[2] - '1') * 3 + 1, 1);
            return (D(first), D(first.AddMonths(3)));
        }
        if (rest.Length == 3 && rest[..2].SequenceEqual("-H") && rest[2] is '1' or '2')
        {
            var first = new DateOnly(year, rest[2] == '1' ? 1 : 7, 1);
            return (D(first), D(first.AddMonths(6)));
        }
        if (rest.Length == 3 && rest[0] == '-')
        {
            return rest[1..].ToString() switch
            {
                "SP" => (D(new DateOnly(year, 3, 20)), D(new DateOnly(year, 6, 21))),
                "SU" => (D(new DateOnly(year, 6, 21)), D(new DateOnly(year, 9, 23))),
                "FA" => (D(new DateOnly(year, 9, 23)), D(new DateOnly(year, 12, 21))),
                "WI" => (D(new DateOnly(year - 1, 12, 21)), D(new DateOnly(year, 3, 20))),
                _ => null,
            };
        }
        return null;
    }

    /// <summary>Days in an ISO duration (a month is 30 days, a year 365), or null when it is none.</summary>
    public static double? DurationDays(string d)
    {
        if (d.Length < 2 || d[0] != 'P') return null;
        double total = 0;
        bool time = false;
        int i = 1;
        while (i < d.Length)
        {
            if (d[i] == 'T') { time = true; i++; continue; }
            int start = i;
            while (i < d.Length && (char.IsAsciiDigit(d[i]) || d[i] is '.' or ',')) i++;
            if (i == start || i >= d.Length) return null;
            double n = double.Parse(d.AsSpan(start, i - start).ToString().Replace(',', '.'), Invariant);
            total += d[i] switch
            {
                'Y' => n * 365,
                'M' => time ? n / 1440 : n * 30,
                'W' => n * 7,
                'D' => n,
                'H' => n / 24,
                'S' => n / 86400,
                _ => double.NaN,
            };
            i++;
        }
        return double.IsNaN(total) ? null : Math.Round(total, 6);
    }

    public static bool TryDay(string s, out DateOnly day) =>
        DateOnly.TryParseExact(s.Length >= 10 ? s[..10] : s, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out day);

    private static string DatePart(string v) => v.Length > 10 && v[10] == 'T' ? v[..10] : v;
}
