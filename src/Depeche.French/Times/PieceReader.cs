namespace Depeche.French.Times;

/// <summary>
/// Turns tokens into <see cref="Piece"/>s: looks each word up in the lexicon (lower case, typographic apostrophe read
/// as <c>'</c>), splits hyphenated tokens that are not entries ("mi-avril", "vingt-deux", "mois-ci") and reads figures.
/// Pure function over the text; allocates nothing per token.
/// </summary>
internal static class PieceReader
{
    // Longest word looked up; longer tokens (URLs, junk) are never time words.
    private const int MaxWordLength = 40;

    /// <summary>Appends the pieces of tokens [first, end) to <paramref name="pieces"/>; returns the new count.</summary>
    public static int Read(string text, Token[] tokens, int first, int end, TimeLexicon lexicon, ref Piece[] pieces, int count)
    {
        Span<char> lower = stackalloc char[MaxWordLength];
        for (int t = first; t < end; t++)
        {
            var token = tokens[t];
            var span = text.AsSpan(token.Span.Start, token.Span.Length);
            if (count + 8 > pieces.Length) Array.Resize(ref pieces, pieces.Length * 2);
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                pieces[count++] = new Piece { Start = token.Span.Start, End = token.Span.End, Punctuation = span[0] is '\u2013' or '\u2014' or '\u2010' or '\u2011' ? '-' : span[0], Token = t };
                continue;
            }
            if (token.Kind is not (TokenKind.Word or TokenKind.Number) || span.Length > MaxWordLength)
            {
                pieces[count++] = new Piece { Start = token.Span.Start, End = token.Span.End, Token = t };
                continue;
            }
            int n = Lower(span, lower);
            var word = lower[..n];
            if (char.IsAsciiDigit(span[0]) && ReadFigure(span, token.Span.Start, t, ref pieces[count]))
            {
                count++;
                continue;
            }
            // "3jours", "3,5ans", "10min": a figure glued to a unit is two pieces
            if (char.IsAsciiDigit(span[0]))
            {
                int d = 0;
                while (d < span.Length && (char.IsAsciiDigit(span[d]) || (span[d] is ',' or '.' && d + 1 < span.Length && char.IsAsciiDigit(span[d + 1])))) d++;
                if (d < span.Length && lexicon.WordLookup.TryGetValue(word[d..], out var unitSenses) && Array.Exists(unitSenses, w => w.Kind == TimeWordKind.Unit)
                    && ReadFigure(span[..d], token.Span.Start, t, ref pieces[count]))
                {
                    count++;
                    pieces[count++] = new Piece { Start = token.Span.Start + d, End = token.Span.End, Senses = unitSenses, Token = t, Joined = true };
                    continue;
                }
            }
            // "2016H2", "2024T3", "2019Q1": a year glued to its half or quarter is two pieces, as "2016 H2"
            if (span.Length == 6 && AllDigits(span[..4]) && span[4] is 'T' or 'Q' or 'H' or 'S' && char.IsAsciiDigit(span[5])
                && ReadFigure(span[..4], token.Span.Start, t, ref pieces[count]) && pieces[count].Number is >= 1900 and <= 2100)
            {
                var part = Word(token.Span.Start + 4, token.Span.End, word[4..], null, span[4..], t, joined: true, lexicon);
                if (part.Figure == Figure.Part)
                {
                    count++;
                    pieces[count++] = part;
                    continue;
                }
                pieces[count] = default;
            }
            // a capitalised compound whose first part neither is a time word nor opens a holiday is a name
            // ("Jean-Noël", "Saint-Martin-de-Mai" but not "Saint-Patrick"): its parts are not read on their own
            if (lexicon.WordLookup.TryGetValue(word, out var senses) || word.IndexOf('-') < 0
                || char.IsUpper(span[0]) && IsNameCompound(word, lexicon))
            {
                pieces[count++] = Word(token.Span.Start, token.Span.End, word, senses, span, t, joined: false, lexicon);
                continue;
            }
            // a hyphenated token that is no entry: one piece per part ("mi-août", "quatre-vingt-dix", "1er-Mai")
            int partStart = 0;
            bool joined = false;
            for (int k = 0; k <= n; k++)
            {
                if (k < n && word[k] != '-') continue;
                if (k > partStart)
                {
                    if (count + 2 > pieces.Length) Array.Resize(ref pieces, pieces.Length * 2);
                    var part = span[partStart..k];
                    int s = token.Span.Start + partStart, e = token.Span.Start + k;
                    if (joined && char.IsAsciiDigit(part[0]) && count > 0 && pieces[count - 1].Figure != Figure.None)
                    {
                        // "2019-2021" is one token since the tokenizer keeps ranges whole: the hyphen between two
                        // figures is the range's dash, as in "2019 - 2021"
                        pieces[count++] = new Piece { Start = s - 1, End = s, Punctuation = '-', Token = t };
                        if (count + 2 > pieces.Length) Array.Resize(ref pieces, pieces.Length * 2);
                    }
                    if (char.IsAsciiDigit(part[0]) && ReadFigure(part, s, t, ref pieces[count]))
                        pieces[count].Joined = joined;
                    else
                    {
                        lexicon.WordLookup.TryGetValue(word[partStart..k], out var partSenses);
                        pieces[count] = Word(s, e, word[partStart..k], partSenses, part, t, joined, lexicon);
                    }
                    count++;
                    joined = true;
                }
                partStart = k + 1;
            }
        }
        // "1/4 %", "6 1/4%": a fraction, no date — a day/month figure with a slash and no year that a percent sign
        // follows or a whole number precedes
        for (int k = 0; k < count; k++)
        {
            if (pieces[k].Figure != Figure.NumericDate || pieces[k].C >= 0
                || text.AsSpan(pieces[k].Start, pieces[k].End - pieces[k].Start).IndexOf('/') < 0) continue;
            bool percent = k + 1 < count && pieces[k + 1].Punctuation == '%';
            bool whole = k > 0 && pieces[k - 1].Figure == Figure.Integer && pieces[k - 1].Digits <= 3;
            if (percent || whole) pieces[k] = new Piece { Start = pieces[k].Start, End = pieces[k].End, Token = pieces[k].Token };
        }
        for (int k = 0; k < count; k++)
        {
            ulong kinds = 0;
            if (pieces[k].Senses is { } senses)
                foreach (var sense in senses) kinds |= 1UL << (int)sense.Kind;
            pieces[k].Kinds = kinds;
        }
        int next = int.MaxValue;
        for (int k = count - 1; k >= 0; k--)
        {
            // a number in words names time when it is a day after "le" ("le vingt-deux") or holds "mille" (a year in words)
            // (and "deux" in "entre midi et deux")
            if (IsStrong(pieces[k]) || pieces[k].Has(TimeWordKind.Cardinal) && (pieces[k].Has(TimeWordKind.Cardinal, 1000) || k > 0 && pieces[k - 1].Has(TimeWordKind.Article)
                || k > 1 && pieces[k].Has(TimeWordKind.Cardinal, 2) && pieces[k - 1].Has(TimeWordKind.And) && pieces[k - 2].Has(TimeWordKind.DayPart)))
                next = k;
            pieces[k].NextStrong = next;
        }
        return count;
    }

    // Every expression holds a word that names time itself (a month, a weekday, a unit, a day, a season, a holiday) or a
    // figure; articles, numbers in words and modifiers only ever stand a few words before one.
    private static bool IsStrong(in Piece piece)
    {
        if (piece.Figure != Figure.None || piece.Holidays is not null) return true;
        if (piece.Senses is null) return false;
        foreach (var s in piece.Senses)
            if (s.Kind is TimeWordKind.Month or TimeWordKind.Weekday or TimeWordKind.Unit or TimeWordKind.RelativeDay or TimeWordKind.AnchoredDay
                or TimeWordKind.DayPart or TimeWordKind.Season or TimeWordKind.Weekend or TimeWordKind.Weekdays)
                return true;
            else if (s.Kind == TimeWordKind.Approximate && s.Value is 8 or 15) return true; // "dans une quinzaine", "sous huitaine": days in themselves
        return false;
    }

    private static Piece Word(int start, int end, ReadOnlySpan<char> lower, TimeWord[]? senses, ReadOnlySpan<char> original, int token, bool joined, TimeLexicon lexicon)
    {
        var piece = new Piece
        {
            Start = start,
            End = end,
            Senses = senses,
            Token = token,
            Joined = joined,
            Capitalized = char.IsUpper(original[0]),
            Elided = lower.Length > 1 && lower[^1] == '\'',
        };
        if (lexicon.HolidayLookup.TryGetValue(lower, out var holidays)) piece.Holidays = holidays;
        // "janv." kept whole by the tokenizer: look the word up without its period
        if (senses is null && lower.Length > 2 && lower[^1] == '.')
            lexicon.WordLookup.TryGetValue(lower[..^1], out piece.Senses);
        // "XXe", "XIXe" siècle: a Roman ordinal
        if (senses is null && original.Length >= 2 && RomanOrdinal(original, out int roman))
        {
            piece.Figure = Figure.Ordinal;
            piece.Number = roman;
        }
        // "T1", "Q3", "H2", "S1": quarter or half of a year
        else if (senses is null && original.Length == 2 && char.IsAsciiDigit(original[1]) && original[0] is 'T' or 'Q' or 'H' or 'S')
        {
            int d = original[1] - '0';
            if (original[0] is 'T' or 'Q' && d is >= 1 and <= 4) { piece.Figure = Figure.Part; piece.A = d; }
            else if (original[0] is 'H' or 'S' && d is 1 or 2) { piece.Figure = Figure.Part; piece.B = d; }
        }
        return piece;
    }

    private static int Lower(ReadOnlySpan<char> span, Span<char> buffer)
    {
        int n = Math.Min(span.Length, buffer.Length);
        for (int i = 0; i < n; i++)
        {
            char c = span[i];
            buffer[i] = c switch
            {
                '\u2019' or '\u2018' or '\u02BC' => '\'',
                '\u2010' or '\u2011' => '-',
                _ => char.ToLowerInvariant(c),
            };
        }
        return n;
    }

    // Reads "2019", "1er", "27e", "15h30", "10/04/2025", "3,5", "1 000" into the piece; false when it is no figure.
    private static bool ReadFigure(ReadOnlySpan<char> s, int start, int token, ref Piece piece)
    {
        piece = new Piece { Start = start, End = start + s.Length, Token = token };
        int i = 0;
        long value = ReadDigits(s, ref i, out int digits);
        // thousands groups "1 000"
        while (i + 3 < s.Length + 0 && s[i] is ' ' or '\u00A0' or '\u202F' && i + 4 <= s.Length && AllDigits(s.Slice(i + 1, 3)))
        {
            value = value * 1000 + int.Parse(s.Slice(i + 1, 3));
            digits += 3;
            i += 4;
        }
        if (i == s.Length)
        {
            piece.Figure = Figure.Integer;
            piece.Number = value;
            piece.Digits = digits;
            return true;
        }
        var rest = s[i..];
        // "1970s", "70s": a decade written the English way
        if (rest.Length == 1 && rest[0] == 's' && value % 10 == 0 && (digits == 4 && value is >= 1000 and <= 2100 || digits == 2))
        {
            piece.Figure = Figure.Decade;
            piece.Number = digits == 2 ? 1900 + value : value;
            return true;
        }
        // ordinals: 1er, 1re, 2e, 3ème, 2nd
        if (rest.Equals("er", StringComparison.OrdinalIgnoreCase) || rest.Equals("re", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("e", StringComparison.OrdinalIgnoreCase) || rest.Equals("ème", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("eme", StringComparison.OrdinalIgnoreCase) || rest.Equals("è", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("ième", StringComparison.OrdinalIgnoreCase) || rest.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("nde", StringComparison.OrdinalIgnoreCase))
        {
            piece.Figure = Figure.Ordinal;
            piece.Number = value;
            return true;
        }
        // clock: 15h30, 15h, 8h00, 13:45
        if ((rest[0] is 'h' or 'H' || (rest[0] == ':' && rest.Length == 3)) && value <= 24 && digits <= 2)
        {
            int j = 1;
            int minute = 0;
            if (j < rest.Length)
            {
                minute = (int)ReadDigits(rest, ref j, out int md);
                if (md != 2 || j != rest.Length || minute > 59) return false;
            }
            piece.Figure = Figure.Clock;
            piece.A = (int)value;
            piece.B = minute;
            return true;
        }
        // decimal 3,5 / 1.5
        if (rest[0] is ',' or '.' && rest.Length > 1 && AllDigits(rest[1..]) && !(rest[0] == '.' && rest.Length > 3))
        {
            if (rest.IndexOfAny(',', '.') != rest.LastIndexOfAny(',', '.')) return false;
            if (rest[0] == '.' && MonthDay(ref piece, value, digits, rest[1..])) return true;
            piece.Figure = Figure.Decimal;
            piece.Number = value + double.Parse(rest[1..]) / Math.Pow(10, rest.Length - 1);
            if (rest[0] == '.' && digits <= 2 && rest.Length <= 3)
            {
                // "13.5" could also be day.month; the grammar reads A/B when it needs a date
                piece.A = (int)value;
                piece.B = int.Parse(rest[1..]);
            }
            return true;
        }
        // numeric dates: 10/04/2025, 13.5.2015, 22/04, 2015/08/12, 03/2015, 2015/3, and with hyphens (one token since
        // the tokenizer keeps "2023-2024" whole) only in three parts: 13-5-2015, 2015-05-13
        if (rest[0] is '/' or '.' or '-')
        {
            char sep = rest[0];
            int j = 1;
            long second = ReadDigits(rest, ref j, out int d2);
            if (d2 == 0) return false;
            long third = -1;
            int d3 = 0;
            if (j < rest.Length)
            {
                // "12/08/2015", and "12/08,2015" with a comma before the year
                if (rest[j] != sep && rest[j] != ',') return false;
                j++;
                third = ReadDigits(rest, ref j, out d3);
                if (d3 == 0 || j != rest.Length) return false;
            }
            if (third < 0)
            {
                if (sep == '-') return false; // "2023-2024", "4-0", "4-22": a range or a score, not a date
                if (MonthDay(ref piece, value, digits, rest[1..])) return true;
                if (digits <= 2 && d2 <= 2 && value is >= 1 and <= 31 && second is >= 1 and <= 12)
                {
                    piece.Figure = Figure.NumericDate; piece.A = (int)value; piece.B = (int)second; piece.C = -1; return true;
                }
                if (digits <= 2 && d2 == 4 && value is >= 1 and <= 12)
                {
                    piece.Figure = Figure.NumericMonth; piece.B = (int)value; piece.C = (int)second; return true;
                }
                if (digits == 4 && d2 <= 2 && second is >= 1 and <= 12)
                {
                    piece.Figure = Figure.NumericMonth; piece.B = (int)second; piece.C = (int)value; return true;
                }
                return false;
            }
            if (digits == 4)
            {
                piece.Figure = Figure.NumericDate; piece.A = (int)third; piece.B = (int)second; piece.C = (int)value;
            }
            else if (digits <= 2 && d2 <= 2 && (d3 == 4 || d3 == 2))
            {
                int year = (int)(d3 == 2 ? (third < 50 ? 2000 + third : 1900 + third) : third);
                // day first (French); month first only when the first cannot be a month and the second cannot be a day
                if (second > 12 && value <= 12) { piece.A = (int)second; piece.B = (int)value; }
                else { piece.A = (int)value; piece.B = (int)second; }
                piece.C = year;
                piece.Figure = Figure.NumericDate;
            }
            else return false;
            return piece.A is >= 1 and <= 31 && piece.B is >= 1 and <= 12;
        }
        return false;
    }

    // "4/22", "4.22": a month (one or two digits, 1-12) then a day that cannot be a month (13-31, two digits);
    // the day-first reading is impossible, so month first, as in three-part dates ("3/22/2017")
    private static bool MonthDay(ref Piece piece, long month, int digits, ReadOnlySpan<char> day)
    {
        if (digits > 2 || month is < 1 or > 12 || day.Length != 2 || !AllDigits(day)) return false;
        int d = (day[0] - '0') * 10 + day[1] - '0';
        if (d is < 13 or > 31) return false;
        piece.Figure = Figure.MonthDay; piece.A = d; piece.B = (int)month; piece.C = -1;
        return true;
    }

    private static long ReadDigits(ReadOnlySpan<char> s, ref int i, out int digits)
    {
        long value = 0;
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 12) value = value * 10 + (s[i++] - '0');
        digits = i - start;
        return value;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsAsciiDigit(c)) return false;
        return s.Length > 0;
    }

    // "XXe", "XIXe", "IIIe", "XXIème": upper-case Roman numeral then an ordinal suffix
    private static bool RomanOrdinal(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        int i = 0;
        while (i < s.Length && s[i] is 'I' or 'V' or 'X' or 'L' or 'C' or 'M') i++;
        if (i == 0) return false;
        var suffix = s[i..];
        if (!(suffix.SequenceEqual("e") || suffix.SequenceEqual("ème") || suffix.SequenceEqual("eme") || suffix.SequenceEqual("er"))) return false;
        int previous = 0;
        for (int k = i - 1; k >= 0; k--)
        {
            int v = s[k] switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, _ => 1000 };
            value += v < previous ? -v : v;
            previous = Math.Max(previous, v);
        }
        return value is > 0 and <= 30;
    }

    private static bool IsNameCompound(ReadOnlySpan<char> word, TimeLexicon lexicon)
    {
        var first = word[..word.IndexOf('-')];
        if (lexicon.WordLookup.ContainsKey(first)) return false;
        if (!lexicon.HolidayLookup.TryGetValue(first, out var holidays)) return true;
        // the first part opens a holiday: a name only when no holiday's next word is the compound's next part
        var rest = word[(first.Length + 1)..];
        int dash = rest.IndexOf('-');
        var second = dash < 0 ? rest : rest[..dash];
        foreach (var h in holidays)
            if (h.Words.Length > 1 && second.SequenceEqual(h.Words[1])) return false;
        return true;
    }
}
