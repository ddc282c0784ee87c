using System.Buffers;
using Depeche.Pipeline;
using Depeche.Text;

namespace Depeche.French.Times;

/// <summary>
/// Finds temporal expressions ("jeudi", "le 27 février", "il y a un mois et demi", "depuis trois ans", "fin mars",
/// "les années 1990") and resolves them against the publication date into TIMEX3-style values (see docs/times.md).
/// A bare weekday or day goes back from the publication date when its clause is past or present, forward when future
/// (<see cref="ITenseReader"/>). Coordinated dates share what the last one says ("le 21 juin et le 15 novembre 2019");
/// a range is written as its two ends, each carrying the range's <c>begin</c> and <c>end</c>.
/// </summary>
/// <remarks>Immutable and thread-safe: one instance serves every document.</remarks>
public sealed class TimeTagger : IStage
{
    // Longest run of pieces before the word that names time ("il y a une dizaine d'" before "années").
    private const int MaxLeadIn = 6;

    private readonly TimeLexicon lexicon;
    private readonly ITenseReader tenses;

    /// <summary>A tagger over the embedded vocabulary with the heuristic <see cref="VerbTenseReader"/>.</summary>
    public TimeTagger() : this(TimeLexicon.Default, VerbTenseReader.Default)
    {
    }

    public TimeTagger(TimeLexicon lexicon, ITenseReader tenses)
    {
        this.lexicon = lexicon;
        this.tenses = tenses;
    }

    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Normalized;
    public Layers Adds => Layers.Times;

    private struct Found
    {
        public int Start, End;        // piece indexes
        public Meaning Meaning;
        public int Range;             // 0, or an id shared by the two ends of a range
        public int Partner;           // index of the coordinated date that completes this one, or -1
        public bool Dropped;
    }

    // Publication dates the calendar arithmetic can move around safely (DateOnly spans years 1 to 9999).
    private static readonly DateOnly EarliestPublished = new(100, 1, 1), LatestPublished = new(9899, 12, 31);

    public void Process(Document document)
    {
        if (document.Published is { } published && (published < EarliestPublished || published > LatestPublished))
        {
            // a date no real dispatch has ("0001-01-01", "9999-12-31"): resolve as if there were none
            var copy = new Document(document.Id, document.Text, null) { Normalized = document.Normalized, Tokens = document.Tokens, Sentences = document.Sentences };
            Process(copy);
            document.Times = copy.Times;
            return;
        }
        var times = new List<TimeExpression>();
        var pieces = ArrayPool<Piece>.Shared.Rent(256);
        var found = new List<Found>();
        var state = new NarrativeState();
        int rangeId = 0;
        try
        {
            var sentences = document.Sentences.AsSpan();
            for (int s = 0; s < sentences.Length; s++)
            {
                var sentence = sentences[s];
                if (sentence.Kind is SegmentKind.Credit or SegmentKind.Boilerplate) continue;
                // "Oct. 2", "juin. 2001": the splitter may end a sentence at a month's period; a next "sentence" that is one
                // number continues the date
                if (s + 1 < sentences.Length && sentences[s + 1].FirstToken == sentence.EndToken && EndsWithMonthPeriod(document, sentence) && IsLoneNumber(document, sentences[s + 1]))
                {
                    var next = sentences[s + 1];
                    sentence = new Sentence(new TextSpan(sentence.Span.Start, next.Span.End), sentence.FirstToken, sentence.TokenCount + next.TokenCount, sentence.Kind);
                    s++;
                }
                int n = PieceReader.Read(document.Text, document.Tokens, sentence.FirstToken, sentence.EndToken, lexicon, ref pieces, 0);
                var span = pieces.AsSpan(0, n);
                Find(span, document.Text, found);
                if (found.Count == 0) continue;
                Coordinate(span, found, ref rangeId);
                WeekdaysOfWeek(span, found);
                WeekdayWithDateInBrackets(span, found);
                Emit(document, sentence, span, found, ref state, times);
                found.Clear();
            }
        }
        finally
        {
            ArrayPool<Piece>.Shared.Return(pieces);
        }
        document.Times = [.. times];
    }

    private bool EndsWithMonthPeriod(Document document, in Sentence sentence)
    {
        var tokens = document.Tokens;
        int last = sentence.EndToken - 1;
        if (last < sentence.FirstToken) return false;
        var span = document.Text.AsSpan(tokens[last].Span.Start, tokens[last].Span.Length);
        if (span.Length == 1 && span[0] == '.' && last > sentence.FirstToken)
            span = document.Text.AsSpan(tokens[last - 1].Span.Start, tokens[last - 1].Span.Length);
        else if (span.Length > 1 && span[^1] == '.') span = span[..^1];
        else return false;
        if (span.Length is 0 or > 12) return false;
        Span<char> lower = stackalloc char[span.Length];
        span.ToLowerInvariant(lower);
        return lexicon.WordLookup.TryGetValue(lower, out var senses) && Array.Exists(senses, w => w.Kind == TimeWordKind.Month);
    }

    private static bool IsLoneNumber(Document document, in Sentence sentence)
    {
        var tokens = document.Tokens;
        if (sentence.TokenCount is 0 or > 2 || tokens[sentence.FirstToken].Kind != TokenKind.Number) return false;
        return sentence.TokenCount == 1 || tokens[sentence.FirstToken + 1].Kind == TokenKind.Punctuation;
    }

    // A day one week or one year later, a month one year later ("2013-02-08" → "2013-02-15"; "2013-02" → "2014-02"); keeps a time part.
    private static string? NextCycle(string value, byte cycle)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", inv, System.Globalization.DateTimeStyles.None, out var day))
        {
            var next = cycle == 7 ? day.AddDays(7) : day.AddYears(1);
            return next.ToString("yyyy-MM-dd", inv) + value[10..];
        }
        if (cycle == 12 && value.Length == 7 && int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, inv, out int year))
            return (year + 1).ToString("0000", inv) + value[4..];
        return null;
    }

    private static void Find(ReadOnlySpan<Piece> pieces, string text, List<Found> found)
    {
        var grammar = new TimeGrammar(pieces, text);
        int i = 0;
        while (i < pieces.Length)
        {
            // every expression names time within its first seven pieces ("il y a une dizaine d'années")
            if (pieces[i].NextStrong - i > MaxLeadIn || pieces[i].Senses is null && pieces[i].Figure == Figure.None && pieces[i].Holidays is null)
            {
                i++;
                continue;
            }
            int end = grammar.Match(i, out var meaning);
            if (end > i)
            {
                found.Add(new Found { Start = i, End = end, Meaning = meaning, Partner = -1 });
                i = end;
                // "entre le 22 janvier et maintenant", "de 2015 à maintenant", "depuis mars jusqu'à maintenant": "maintenant"
                // ends a range as "aujourd'hui" does
                int first = found[^1].Start;
                bool between = first > 0 && pieces[first - 1].Has(TimeWordKind.Between);
                bool from = pieces[first].Has(TimeWordKind.Of) || first > 0 && (pieces[first - 1].Has(TimeWordKind.Of) || pieces[first - 1].Has(TimeWordKind.Since));
                int k = end;
                if (k < pieces.Length && (between && pieces[k].Has(TimeWordKind.And) || from && pieces[k].Has(TimeWordKind.To))) k++;
                else if (k + 1 < pieces.Length && (from || between) && pieces[k].Has(TimeWordKind.Until) && (pieces[k + 1].Has(TimeWordKind.To) || pieces[k + 1].Has(TimeWordKind.There, 2))) k += 2;
                if (k > end && grammar.Now(k, out var now) is int nowEnd && nowEnd > k)
                {
                    found.Add(new Found { Start = k, End = nowEnd, Meaning = now, Partner = -1 });
                    i = nowEnd;
                }
            }
            else i++;
        }
    }

    // "le 21 juin et le 15 novembre 2019", "du 3 au 5 mars", "entre 2005 et 2017", "vendredi 20 et samedi 21 septembre":
    // the first end takes the month and year the second states; "du/entre … au/et …" makes a range.
    private static void Coordinate(ReadOnlySpan<Piece> p, List<Found> found, ref int rangeId)
    {
        var list = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found);
        for (int k = 0; k + 1 < list.Length; k++)
        {
            ref var a = ref list[k];
            ref var b = ref list[k + 1];
            bool datesOnly = a.Meaning.Kind is MeaningKind.Calendar or MeaningKind.Shift or MeaningKind.Holiday or MeaningKind.Offset
                && b.Meaning.Kind is MeaningKind.Calendar or MeaningKind.Shift or MeaningKind.Holiday or MeaningKind.Offset;
            // "de 9h30 à 11h", "entre 14 h et 16 h": two clock times make a range too
            bool clocks = a.Meaning.Kind == MeaningKind.Clock && b.Meaning.Kind == MeaningKind.Clock;
            if (!datesOnly && !clocks) continue;
            int gap = b.Start - a.End;
            // "d'aujourd'hui au lendemain": the connector opened the second reading
            bool glued = gap == 0 && p[b.Start].Has(TimeWordKind.To);
            if (!glued && (gap < 1 || gap > 3)) continue;
            bool joins = true, to = false, and = false;
            for (int g = a.End; g < b.Start; g++)
            {
                ref readonly var q = ref p[g];
                if (q.Punctuation == '-' || q.Has(TimeWordKind.To) || q.Has(TimeWordKind.Until) || q.Has(TimeWordKind.There, 2)) to = true; // "a" typed for "à"
                else if (q.Has(TimeWordKind.And)) and = true;
                else if (!q.Has(TimeWordKind.Article) && !q.Has(TimeWordKind.Of)) joins = false;
            }
            if (glued) to = true;
            if (!joins || !(to || and)) continue;
            ref var am = ref a.Meaning;
            var bm = b.Meaning;
            bool calendars = am.Kind == MeaningKind.Calendar && bm.Kind == MeaningKind.Calendar;
            if (!calendars) { }
            else if (am.Year == 0 && am.YearShift is null && bm.Grain is Grain.Day or Grain.Month && am.Grain == bm.Grain) a.Partner = k + 1;
            if (!calendars) { }
            else if (am.Grain == Grain.Day && bm.Grain == Grain.Day)
            {
                if (am.Month == 0 && bm.Month > 0) am.Month = bm.Month;
                if (am.Month == 0 && am.MonthShift is null && bm.MonthShift is not null) { am.MonthShift = bm.MonthShift; am.DayOfCurrentMonth = true; }
                if (am.Month == 0 && am.MonthShift is null && bm.Month == 0 && bm.DayOfCurrentMonth && am.Weekday == 0) am.DayOfCurrentMonth = true; // "entre le 5 et le 10"
                if (am.Year == 0 && bm.Year > 0 && am.Month > 0) am.Year = am.Month > bm.Month ? bm.Year - 1 : bm.Year;
                if (am.Year == 0 && am.YearShift is null && bm.YearShift is not null) am.YearShift = bm.YearShift;
            }
            else if (am.Grain == Grain.Month && bm.Grain == Grain.Month && am.Year == 0 && bm.Year > 0)
                am.Year = am.Month > bm.Month ? bm.Year - 1 : bm.Year;
            else if (am.Grain != bm.Grain)
            {
                // "du 1er février au mars 2019", "entre le 1er janvier 2015 et février 2018": only a range joins different grains
                if (!to && !(and && a.Start > 0 && p[a.Start - 1].Has(TimeWordKind.Between))) continue;
                if (am.Year == 0 && am.YearShift is null && bm.Year > 0 && am.Month > 0) am.Year = am.Month > bm.Month && bm.Month > 0 ? bm.Year - 1 : bm.Year;
            }
            bool opened = a.Start > 0 && (p[a.Start - 1].Has(TimeWordKind.Between) || p[a.Start - 1].Has(TimeWordKind.Of) || p[a.Start - 1].Has(TimeWordKind.Since))
                || p[a.Start].Has(TimeWordKind.Of);
            bool betweenInside = a.End - a.Start >= 3 && p[a.End - 2].Has(TimeWordKind.Between); // "Novembre entre 19 et 20"
            if (to || (and && (opened && a.Start > 0 && p[a.Start - 1].Has(TimeWordKind.Between) || betweenInside)))
            {
                rangeId++;
                a.Range = rangeId;
                b.Range = rangeId;
            }
        }
        foreach (ref var f in list)
        {
            // a day whose month never came ("le 11" alone) is no date
            if (f.Meaning.Kind == MeaningKind.Calendar && f.Meaning.Grain == Grain.Day && f.Meaning.Day > 0 && f.Meaning.Month == 0 && f.Meaning.Weekday == 0 && !f.Meaning.DayOfCurrentMonth)
                f.Dropped = true;
        }
    }

    // "la semaine prochaine entre mercredi et vendredi", "cette semaine, du mardi au jeudi": the weekdays of that week,
    // one range whose first end opens with the week
    private static void WeekdaysOfWeek(ReadOnlySpan<Piece> p, List<Found> found)
    {
        var list = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found);
        for (int k = 0; k + 2 < list.Length; k++)
        {
            ref var week = ref list[k];
            ref var a = ref list[k + 1];
            ref var b = ref list[k + 2];
            if (week.Dropped || week.Meaning.Kind != MeaningKind.Shift || week.Meaning.Grain != Grain.Week || week.Meaning.Reference != Reference.Document) continue;
            if (a.Range == 0 || a.Range != b.Range || !IsBareWeekday(a.Meaning) || !IsBareWeekday(b.Meaning)) continue;
            if (a.Start - week.End > 2) continue;
            bool joins = true;
            for (int g = week.End; g < a.Start; g++)
                if (!(p[g].Has(TimeWordKind.Between) || p[g].Has(TimeWordKind.Of) || p[g].Punctuation == ',')) joins = false;
            if (!joins) continue;
            a.Meaning.WeekShift = b.Meaning.WeekShift = week.Meaning.Shift;
            a.Meaning.Heading = b.Meaning.Heading = Heading.Current;
            a.Start = week.Start;
            week.Dropped = true;
        }
    }

    // "vendredi (15 juin)", "ce mardi (03/06)": the weekday and the date it names are one expression, as "vendredi 15 juin"
    private static void WeekdayWithDateInBrackets(ReadOnlySpan<Piece> p, List<Found> found)
    {
        var list = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found);
        for (int k = 0; k + 1 < list.Length; k++)
        {
            ref var day = ref list[k];
            ref var date = ref list[k + 1];
            if (day.Dropped || date.Dropped || day.Range != 0 || date.Range != 0) continue;
            var dm = day.Meaning;
            if (!(dm.Kind == MeaningKind.Calendar && dm.Weekday > 0 && dm.Day == 0 && dm.Month == 0 && dm.Year == 0 && dm.WeekShift == 0 && dm.Hour < 0 && dm.DayPart is null)) continue;
            var m = date.Meaning;
            if (!(m.Kind == MeaningKind.Calendar && m.Grain == Grain.Day && m.Day > 0 && m.Month > 0 && m.Weekday == 0 && m.Container == Grain.None)) continue;
            if (date.Start != day.End + 1 || p[day.End].Punctuation != '(' || date.End >= p.Length || p[date.End].Punctuation != ')') continue;
            m.Weekday = dm.Weekday;
            day.Meaning = m;
            day.End = date.End + 1;
            date.Dropped = true;
        }
    }

    private static bool IsBareWeekday(in Meaning m) =>
        m.Kind == MeaningKind.Calendar && m.Weekday > 0 && m.Day == 0 && m.Month == 0 && m.Year == 0 && m.WeekShift == 0 && m.Heading == Heading.ByTense;

    // "jusqu'au 15 mai", "jusqu'à fin juin", "jusqu'en 2030": the expression opens after "jusqu'" (and "au"/"à"/"en");
    // "d'ici le 31 décembre", "d'ici à 2030": by a date, which is ahead
    private static bool UntilBefore(ReadOnlySpan<Piece> p, int start)
    {
        int k = start - 1;
        if (k >= 0 && (p[k].Has(TimeWordKind.To) || p[k].Has(TimeWordKind.In))) k--;
        if (k >= 1 && p[k].Has(TimeWordKind.Here) && p[k - 1].Has(TimeWordKind.Of)) return true;
        return k >= 0 && p[k].Has(TimeWordKind.Until);
    }

    // "2025-04-10T21:00" then "2025-04-10T06:00": the end the next day ("2025-04-11T06:00"), else null
    private static string? ClockNextDay(string? begin, string? end)
    {
        if (begin is not { Length: 16 } || end is not { Length: 16 } || begin[10] != 'T' || end[10] != 'T' || !begin.AsSpan(0, 10).SequenceEqual(end.AsSpan(0, 10))) return null;
        if (string.CompareOrdinal(end, 11, begin, 11, 5) >= 0) return null;
        if (!DateOnly.TryParseExact(end.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)) return null;
        return day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + end[10..];
    }

    // "en juin, du 5 au 10", "en mars 2024, le 12": a day of no month takes the month the sentence just named
    private static void InNamedMonth(ref Meaning meaning, List<TimeExpression> times, int first)
    {
        if (meaning.Kind != MeaningKind.Calendar || !meaning.DayOfCurrentMonth || meaning.Month != 0 || meaning.MonthShift is not null || meaning.Weekday != 0) return;
        string? named = null;
        for (int k = times.Count - 1; k >= first && named is null; k--)
            if (times[k].Value is { Length: 7 } v && v[4] == '-' && char.IsAsciiDigit(v[0]) && char.IsAsciiDigit(v[5])) named = v;
        if (named is null) return;
        meaning.Month = (named[5] - '0') * 10 + named[6] - '0';
        meaning.Year = int.Parse(named.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        meaning.DayOfCurrentMonth = false;
    }

    private void Emit(Document document, in Sentence sentence, ReadOnlySpan<Piece> p, List<Found> found, ref NarrativeState state, List<TimeExpression> times)
    {
        int first = times.Count;
        Span<int> ranges = stackalloc int[Math.Min(found.Count, 64)];
        Span<byte> cycles = stackalloc byte[ranges.Length]; // 7: a bare weekday, 12: a day or month without its year
        int emitted = 0;
        for (int index = 0; index < found.Count; index++)
        {
            var f = found[index];
            if (f.Dropped) continue;
            var span = new TextSpan(p[f.Start].Start, p[f.End - 1].End);
            var meaning = f.Meaning;
            // "le 11 et le 28 mars": the first takes the year the second resolves to; "quelques jours après le 18
            // février": the offset counts from the date that follows
            // "à 8h30 le 12 avril": a clock time right before its date takes that date
            bool fromNext = (meaning.Kind == MeaningKind.Offset && meaning.FromNext || meaning.Kind == MeaningKind.Clock && index + 1 < found.Count
                    && found[index + 1].Meaning.Kind == MeaningKind.Calendar && found[index + 1].Meaning.Grain == Grain.Day)
                && index + 1 < found.Count && found[index + 1].Start == f.End;
            // "entre 14 h et 16 h jeudi": the first clock of a range takes the date right after the second
            int dateOf = index + 1;
            if (!fromNext && meaning.Kind == MeaningKind.Clock && f.Range != 0 && index + 2 < found.Count && found[index + 1].Range == f.Range
                && found[index + 2].Meaning.Kind == MeaningKind.Calendar && found[index + 2].Meaning.Grain == Grain.Day && found[index + 2].Start == found[index + 1].End)
            {
                fromNext = true;
                dateOf = index + 2;
            }
            if ((f.Partner >= 0 && meaning.Year == 0) || fromNext)
            {
                var next = found[fromNext ? dateOf : f.Partner];
                InNamedMonth(ref next.Meaning, times, first);
                var scratch = state;
                var nextSpan = new TextSpan(p[next.Start].Start, p[next.End - 1].End);
                var nextTense = TimeResolver.NeedsTense(next.Meaning) && document.Published is not null ? tenses.Read(document, sentence, nextSpan) : Tense.Present;
                if (TimeResolver.Resolve(next.Meaning, document.Published, nextTense, ref scratch, out _))
                {
                    if (fromNext) state.Day = scratch.Day;
                    else if (meaning.DayOfCurrentMonth && meaning.Month == 0 && meaning.MonthShift is null && next.Meaning.DayOfCurrentMonth && next.Meaning.Month == 0 && scratch.Day is { } partnerDay)
                    {
                        // "entre le 5 et le 10": the month the second day resolved to
                        meaning.Month = partnerDay.Month; meaning.Year = partnerDay.Year; meaning.DayOfCurrentMonth = false;
                        if (meaning.Day > partnerDay.Day) { var previous = new DateOnly(partnerDay.Year, partnerDay.Month, 1).AddMonths(-1); meaning.Month = previous.Month; meaning.Year = previous.Year; }
                    }
                    else if (scratch.Year > 0 && meaning.Month > 0) meaning.Year = meaning.Month > next.Meaning.Month && next.Meaning.Month > 0 ? scratch.Year - 1 : scratch.Year; // a bare weekday takes no year
                }
            }
            InNamedMonth(ref meaning, times, first);
            var tense = TimeResolver.NeedsTense(meaning) && document.Published is not null ? tenses.Read(document, sentence, span) : Tense.Present;
            // "l'exposition est ouverte jusqu'au 15 mai": a state in the present that lasts until a date, which is ahead
            if (tense == Tense.Present && UntilBefore(p, f.Start)) tense = Tense.Future;
            if (!TimeResolver.Resolve(meaning, document.Published, tense, ref state, out var r)) continue;
            times.Add(new TimeExpression { Span = span, Type = r.Type, Value = r.Value, Begin = r.Begin, End = r.End, ToleranceDays = r.Tolerance });
            if (emitted < ranges.Length)
            {
                ranges[emitted] = f.Range;
                cycles[emitted] = meaning.Kind != MeaningKind.Calendar || meaning.Year != 0 || meaning.YearShift is not null || meaning.Heading != Heading.ByTense ? (byte)0
                    : meaning.Weekday > 0 && meaning.Month == 0 && meaning.Day == 0 ? (byte)7 : meaning.Month > 0 ? (byte)12 : (byte)0;
            }
            emitted++;
        }
        // the two ends of a range carry its begin and end
        for (int k = 0; k + 1 < Math.Min(emitted, ranges.Length); k++)
        {
            if (ranges[k] == 0 || ranges[k] != ranges[k + 1]) continue;
            var a = times[first + k];
            var b = times[first + k + 1];
            // "du lundi au vendredi", "de novembre à février": an end that the tense put before the beginning is the next one
            if (cycles[k + 1] != 0 && a.Value is { } av && b.Value is { } bv && av.Length >= 7 && bv.Length == av.Length && string.CompareOrdinal(bv, av) < 0
                && NextCycle(bv, cycles[k + 1]) is { } moved)
                b = new TimeExpression { Span = b.Span, Type = b.Type, Value = moved, ToleranceDays = b.ToleranceDays };
            // "de 21 h à 6 h": a clock range that ends before it begins ends the next day
            if (b.Type == TimeType.Time && ClockNextDay(a.Value, b.Value) is { } nextDay)
                b = new TimeExpression { Span = b.Span, Type = b.Type, Value = nextDay, ToleranceDays = b.ToleranceDays };
            string? begin = a.Value, end = b.Value;
            times[first + k] = new TimeExpression { Span = a.Span, Type = a.Type, Value = a.Value, Begin = begin, End = end, ToleranceDays = a.ToleranceDays };
            times[first + k + 1] = new TimeExpression { Span = b.Span, Type = b.Type, Value = b.Value, Begin = begin, End = end, ToleranceDays = b.ToleranceDays };
            k++;
        }
    }
}
