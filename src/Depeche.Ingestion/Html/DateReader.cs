using System.Collections.Frozen;

namespace Depeche.Ingestion.Html;

/// <summary>
/// Parses the date forms pages use: ISO 8601 from metadata (<c>2025-04-10T14:05:00+02:00</c>), French visible dates
/// ("jeudi 10 avril 2025 à 14h05", "10/04/2025 14:05", "1er mai 2025"), and URL paths (<c>/2025/04/10/</c>).
/// Hand-written scanners: no regular expressions. Thread-safe (stateless).
/// </summary>
public static class DateReader
{
    private static readonly FrozenDictionary<string, int> months = new Dictionary<string, int>
    {
        ["janvier"] = 1,
        ["janv"] = 1,
        ["février"] = 2,
        ["fevrier"] = 2,
        ["févr"] = 2,
        ["fevr"] = 2,
        ["fév"] = 2,
        ["mars"] = 3,
        ["avril"] = 4,
        ["avr"] = 4,
        ["mai"] = 5,
        ["juin"] = 6,
        ["juillet"] = 7,
        ["juil"] = 7,
        ["août"] = 8,
        ["aout"] = 8,
        ["septembre"] = 9,
        ["sept"] = 9,
        ["octobre"] = 10,
        ["oct"] = 10,
        ["novembre"] = 11,
        ["nov"] = 11,
        ["décembre"] = 12,
        ["decembre"] = 12,
        ["déc"] = 12,
        ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> monthLookup =
        months.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, DayOfWeek> weekdays = new Dictionary<string, DayOfWeek>
    {
        ["lundi"] = DayOfWeek.Monday,
        ["mardi"] = DayOfWeek.Tuesday,
        ["mercredi"] = DayOfWeek.Wednesday,
        ["jeudi"] = DayOfWeek.Thursday,
        ["vendredi"] = DayOfWeek.Friday,
        ["samedi"] = DayOfWeek.Saturday,
        ["dimanche"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenDictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> weekdayLookup =
        weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Earliest and latest years accepted: guards against "1200 habitants" or a product code read as a year.</summary>
    private const int MinYear = 1990, MaxYear = 2100;

    /// <summary>Parses ISO 8601 (<c>YYYY-MM-DD</c>, optional <c>THH:MM[:SS[.f]]</c>, optional <c>Z</c> or <c>±HH[:]MM</c>).</summary>
    public static bool TryParseIso(ReadOnlySpan<char> s, DateSource source, out PageDate? date)
    {
        date = null;
        s = s.Trim();
        if (s.Length < 8) return false;
        int p = 0;
        if (!Digits(s, ref p, 4, out int y)) return false;
        bool dashed = p < s.Length && s[p] == '-';
        if (dashed) p++;
        if (!Digits(s, ref p, 2, out int m)) return false;
        if (dashed) { if (p >= s.Length || s[p] != '-') return false; p++; }
        if (!Digits(s, ref p, 2, out int d)) return false;
        if (!Valid(y, m, d)) return false;
        var day = new DateOnly(y, m, d);
        if (p >= s.Length || s[p] is not ('T' or 't' or ' ')) { date = new PageDate(day, null, null, source); return p == s.Length || !char.IsAsciiDigit(s[p]); }
        p++;
        if (!Digits(s, ref p, 2, out int hh) || p >= s.Length || s[p] != ':') { date = new PageDate(day, null, null, source); return true; }
        p++;
        if (!Digits(s, ref p, 2, out int mm)) { date = new PageDate(day, null, null, source); return true; }
        int ss = 0;
        if (p < s.Length && s[p] == ':') { p++; if (!Digits(s, ref p, 2, out ss)) ss = 0; }
        if (p < s.Length && s[p] is '.' or ',') { p++; while (p < s.Length && char.IsAsciiDigit(s[p])) p++; }
        if (hh > 23 || mm > 59 || ss > 59) { date = new PageDate(day, null, null, source); return true; }
        TimeSpan? offset = null;
        if (p < s.Length && s[p] is 'Z' or 'z') offset = TimeSpan.Zero;
        else if (p < s.Length && s[p] is '+' or '-')
        {
            int sign = s[p] == '-' ? -1 : 1;
            p++;
            if (Digits(s, ref p, 2, out int oh))
            {
                if (p < s.Length && s[p] == ':') p++;
                if (!Digits(s, ref p, 2, out int om)) om = 0;
                if (oh <= 14 && om < 60) offset = sign * new TimeSpan(oh, om, 0);
            }
        }
        date = new PageDate(day, new TimeOnly(hh, mm, ss), offset, source);
        return true;
    }

    /// <summary>
    /// Parses a French visible date at the start of <paramref name="s"/> (after a cue such as "Publié le"): optional
    /// weekday, day ("1er"), month name, year, optional time ("à 14h05", "14:05"); or numeric <c>10/04/2025</c>.
    /// </summary>
    public static bool TryParseFrench(ReadOnlySpan<char> s, out PageDate? date)
    {
        date = null;
        if (!TryParseFrenchDay(s, requireYear: true, out var day, out _, out int p) || day.Year == 0) return false;
        var date0 = new DateOnly(day.Year, day.Month, day.Day);
        date = new PageDate(date0, ReadTime(s, p), null, DateSource.Dateline);
        return true;
    }

    /// <summary>A day read from text; <c>Year</c> is 0 when the text gave none ("jeudi 10 avril").</summary>
    public readonly record struct TextDay(int Year, int Month, int Day, DayOfWeek? Weekday);

    /// <summary>Reads "[jeudi] 10 avril [2025]" or "10/04/2025" at the start of <paramref name="s"/> (leading spaces skipped).</summary>
    public static bool TryParseFrenchDay(ReadOnlySpan<char> s, bool requireYear, out TextDay day, out int start, out int end)
    {
        day = default;
        int p = 0;
        SkipSpaces(s, ref p);
        start = p;
        end = p;
        DayOfWeek? weekday = null;
        int w = p;
        while (w < s.Length && char.IsLetter(s[w])) w++;
        if (w > p && weekdayLookup.TryGetValue(s[p..w], out var wd))
        {
            weekday = wd;
            p = w;
            if (p < s.Length && s[p] == ',') p++;
            SkipSpaces(s, ref p);
        }
        int dStart = p;
        while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        if (p == dStart || p - dStart > 2) return false;
        int d = int.Parse(s[dStart..p]);
        if (p < s.Length && s[p] == '/')
        {
            // 10/04/2025
            p++;
            int mStart = p;
            while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
            if (p - mStart is < 1 or > 2 || p >= s.Length || s[p] != '/') return false;
            int mo = int.Parse(s[mStart..p]);
            p++;
            int yStart = p;
            while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
            if (p - yStart != 4) return false;
            int yr = int.Parse(s[yStart..p]);
            if (!Valid(yr, mo, d)) return false;
            day = new TextDay(yr, mo, d, weekday);
            end = p;
            return true;
        }
        if (s[p..].StartsWith("er")) p += 2; // 1er mai
        SkipSpaces(s, ref p);
        int monthStart = p;
        while (p < s.Length && char.IsLetter(s[p])) p++;
        if (p == monthStart || !monthLookup.TryGetValue(s[monthStart..p], out int month)) return false;
        if (p < s.Length && s[p] == '.') p++;
        end = p;
        int q = p;
        SkipSpaces(s, ref q);
        int year = 0;
        int yS = q;
        while (q < s.Length && char.IsAsciiDigit(s[q])) q++;
        if (q - yS == 4 && (q == s.Length || !char.IsAsciiDigit(s[q])))
        {
            year = int.Parse(s[yS..q]);
            end = q;
        }
        if (year == 0 && requireYear) return false;
        if (year != 0 && !Valid(year, month, d)) return false;
        if (year == 0 && (d < 1 || d > 31)) return false;
        day = new TextDay(year, month, d, weekday);
        return true;
    }

    // "à 14h05", ", 14:05", "- 14h", at most a few characters after the day
    private static TimeOnly? ReadTime(ReadOnlySpan<char> s, int p)
    {
        int limit = Math.Min(s.Length, p + 8);
        while (p < limit && !char.IsAsciiDigit(s[p]))
        {
            if (char.IsLetter(s[p]) && s[p] != 'à' && s[p] != 'a') return null;
            p++;
        }
        int hStart = p;
        while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        if (p - hStart is < 1 or > 2 || p >= s.Length || s[p] is not ('h' or 'H' or ':')) return null;
        int h = int.Parse(s[hStart..p]);
        p++;
        int mStart = p;
        while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        int m = p - mStart == 2 ? int.Parse(s[mStart..p]) : 0;
        if (p - mStart is not (0 or 2) || h > 23 || m > 59) return null;
        return new TimeOnly(h, m);
    }

    /// <summary>A day from a URL path: <c>/2025/04/10/</c>, <c>/2025-04-10/</c>, <c>/20250410/</c> (a month alone does not count).</summary>
    public static bool TryParseUrl(string? url, out PageDate? date)
    {
        date = null;
        if (string.IsNullOrEmpty(url)) return false;
        var s = url.AsSpan();
        int q = s.IndexOfAny('?', '#');
        if (q >= 0) s = s[..q];
        for (int i = 0; i + 8 <= s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && (char.IsAsciiDigit(s[i - 1]) || char.IsAsciiLetter(s[i - 1])))) continue;
            int p = i;
            if (!Digits(s, ref p, 4, out int y) || y < MinYear || y > MaxYear) continue;
            char sep = p < s.Length ? s[p] : '\0';
            if (sep is '/' or '-' or '_') p++; else sep = '\0';
            if (!Digits(s, ref p, 2, out int m)) continue;
            if (sep != '\0') { if (p >= s.Length || s[p] != sep) continue; p++; }
            if (!Digits(s, ref p, 2, out int d)) continue;
            if (p < s.Length && char.IsAsciiDigit(s[p])) continue;
            if (!Valid(y, m, d)) continue;
            date = new PageDate(new DateOnly(y, m, d), null, null, DateSource.Url);
            return true;
        }
        return false;
    }

    private static void SkipSpaces(ReadOnlySpan<char> s, ref int p)
    {
        while (p < s.Length && (char.IsWhiteSpace(s[p]) || s[p] == ':')) p++;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int p, int count, out int value)
    {
        value = 0;
        if (p + count > s.Length) return false;
        for (int i = 0; i < count; i++)
        {
            char c = s[p + i];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        p += count;
        return true;
    }

    internal static bool Valid(int y, int m, int d) =>
        y is >= MinYear and <= MaxYear && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
}
