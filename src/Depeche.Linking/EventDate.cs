using System.Globalization;

namespace Depeche.Linking;

/// <summary>Precision of a calendar value, finest first.</summary>
public enum DateGranularity : byte { Day, Week, Month, Quarter, Half, Year }

/// <summary>
/// A SCHEMA.md calendar value (<c>2025-04-10</c>, <c>2025-04</c>, <c>2025</c>, <c>2025-W15</c>, <c>2025-Q2</c>,
/// <c>2025-H1</c>, optionally with a time of day) as the interval of days it covers.
/// </summary>
public readonly record struct EventDate(DateOnly First, DateOnly Last, DateGranularity Granularity, string Value)
{
    /// <summary>Reads <paramref name="value"/>; null for null, durations, unresolved (<c>XXXX-02-27</c>) or malformed values.</summary>
    public static EventDate? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4) return null;
        var s = value.AsSpan();
        int t = s.IndexOf('T');
        if (t > 0) s = s[..t];
        if (!int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1000) return null;
        string canonical = s.ToString();
        if (s.Length == 4) return new EventDate(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DateGranularity.Year, canonical);
        if (s.Length < 6 || s[4] != '-') return null;
        var rest = s[5..];
        if (rest.Length == 2 && (rest[0] == 'Q' || rest[0] == 'H') && char.IsAsciiDigit(rest[1]))
        {
            int n = rest[1] - '0';
            int months = rest[0] == 'Q' ? 3 : 6;
            if (n < 1 || n * months > 12) return null;
            var first = new DateOnly(year, (n - 1) * months + 1, 1);
            return new EventDate(first, first.AddMonths(months).AddDays(-1), rest[0] == 'Q' ? DateGranularity.Quarter : DateGranularity.Half, canonical);
        }
        if (rest.Length == 3 && rest[0] == 'W' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            return new EventDate(monday, monday.AddDays(6), DateGranularity.Week, canonical);
        }
        if (!int.TryParse(rest[..Math.Min(2, rest.Length)], NumberStyles.None, CultureInfo.InvariantCulture, out int month) || month is < 1 or > 12)
            return null;
        if (rest.Length == 2)
        {
            var first = new DateOnly(year, month, 1);
            return new EventDate(first, first.AddMonths(1).AddDays(-1), DateGranularity.Month, canonical);
        }
        if (rest.Length == 5 && rest[2] == '-' && int.TryParse(rest[3..], NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            var d = new DateOnly(year, month, day);
            return new EventDate(d, d, DateGranularity.Day, canonical);
        }
        return null;
    }

    /// <summary>Length of the interval in days.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>True when this interval lies within <paramref name="other"/>.</summary>
    public bool Within(EventDate other) => First >= other.First && Last <= other.Last;

    /// <summary>Days between the two intervals (0 when they overlap).</summary>
    public int Gap(EventDate other) =>
        Last < other.First ? other.First.DayNumber - Last.DayNumber : other.Last < First ? First.DayNumber - other.Last.DayNumber : 0;

    /// <summary>Months (year × 12 + month − 1) the interval touches, for the candidate index.</summary>
    public IEnumerable<int> Months(int widenDays = 0)
    {
        int first = MonthIndex(First.AddDays(-widenDays)), last = MonthIndex(Last.AddDays(widenDays));
        for (int m = first; m <= last; m++) yield return m;
    }

    /// <summary>Year × 12 + month − 1.</summary>
    public static int MonthIndex(DateOnly d) => d.Year * 12 + d.Month - 1;
}
