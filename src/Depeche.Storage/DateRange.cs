using System.Globalization;

namespace Depeche.Storage;

/// <summary>
/// The days a calendar value covers, so that range queries respect granularity: "2025" covers 2025-01-01..2025-12-31,
/// "2025-03" the month, "2025-W10" the ISO week, "2025-Q2" the quarter. Unresolved values ("XXXX-02-27") and
/// durations cover nothing. Thread-safe (stateless).
/// </summary>
public static class DateRange
{
    /// <summary>First and last day of <paramref name="value"/>, or null when it is not a dated calendar value.</summary>
    public static (DateOnly First, DateOnly Last)? Of(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1)
            return null;
        if (value.Length == 4) return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (value[4] != '-') return null;
        var rest = value.AsSpan(5);
        try
        {
            if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int month))
            {
                var first = new DateOnly(year, month, 1);
                return (first, first.AddMonths(1).AddDays(-1));
            }
            if (rest.Length >= 5 && rest[2] == '-' && int.TryParse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture, out month)
                && int.TryParse(rest.Slice(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day))
            {
                var d = new DateOnly(year, month, day);
                return (d, d);
            }
            if (rest.Length == 3 && rest[0] == 'W' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int week))
            {
                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
                return (monday, monday.AddDays(6));
            }
            if (rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4')
            {
                var first = new DateOnly(year, (rest[1] - '1') * 3 + 1, 1);
                return (first, first.AddMonths(3).AddDays(-1));
            }
        }
        catch (ArgumentOutOfRangeException) { return null; }
        return null;
    }

    /// <summary>ISO text of a day (<c>YYYY-MM-DD</c>), the form stored and compared.</summary>
    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
