namespace Depeche.French.Times;

using K = TimeWordKind;

/// <summary>
/// The grammar of French temporal expressions over the <see cref="Piece"/>s of one sentence: hand-written rules that
/// read word senses from the lexicon, each rule a few comparisons, no backtracking over characters. <see cref="Match"/>
/// returns the longest reading starting at a piece.
/// </summary>
internal readonly ref struct TimeGrammar(ReadOnlySpan<Piece> pieces, string text)
{
    private readonly ReadOnlySpan<Piece> p = pieces;
    private readonly string text = text;

    /// <summary>The end (exclusive piece index) of the longest expression starting at <paramref name="i"/>, or -1.</summary>
    public int Match(int i, out Meaning meaning)
    {
        meaning = default;
        int best = -1;
        if (p[i].IsPunctuation) return -1;
        Keep(Calendar(i, out var m), m, ref best, ref meaning);
        Keep(MonthOrYear(i, out m), m, ref best, ref meaning);
        Keep(Relative(i, out m), m, ref best, ref meaning);
        Keep(DurationOrOffset(i, out m), m, ref best, ref meaning);
        Keep(Period(i, out m), m, ref best, ref meaning);
        Keep(HolidayAt(i, out m), m, ref best, ref meaning);
        Keep(ClockAt(i, out m), m, ref best, ref meaning);
        Keep(SetAt(i, out m), m, ref best, ref meaning);
        Keep(RestOf(i, out m), m, ref best, ref meaning);
        Keep(NightOf(i, out m), m, ref best, ref meaning);
        // "plus tôt en septembre", "plus tard cette semaine": the period that follows
        if (best < 0 && Is(i, K.More, 1) && Is(i + 1, K.Later) && i + 2 < p.Length && !WordIs(i - 1, "au"))
        {
            int j = WordIs(i + 2, "en") || WordIs(i + 2, "dans") ? i + 3 : i + 2;
            // (one level only: "plus tard plus tard …" must not recurse down a long sentence)
            if (j < p.Length && !Is(j, K.More) && new TimeGrammar(p, text).Match(j, out var inner) is int e && e > j && inner.Kind is MeaningKind.Calendar or MeaningKind.Shift) { best = e; meaning = inner; }
        }
        Keep(NthWeek(i, out m), m, ref best, ref meaning);
        return best;
    }

    private int SumLength(int k, int count)
    {
        int total = 0;
        for (int x = k; x < k + count; x++) total += p[x].End - p[x].Start;
        return total;
    }

    private bool IsPossessive(int k) =>
        WordIs(k, "son") || WordIs(k, "sa") || WordIs(k, "ses") || WordIs(k, "leur") || WordIs(k, "leurs") || WordIs(k, "mon") || WordIs(k, "ma") || WordIs(k, "notre") || WordIs(k, "un") || WordIs(k, "une");

    private static void Keep(int end, in Meaning m, ref int best, ref Meaning meaning)
    {
        if (end > best) { best = end; meaning = m; }
    }

    // ---------- helpers ----------

    private bool Is(int k, K kind) => k >= 0 && k < p.Length && p[k].Has(kind);
    private bool Is(int k, K kind, double value) => k >= 0 && k < p.Length && p[k].Has(kind, value);
    private bool IsPunct(int k, char c) => k >= 0 && k < p.Length && p[k].Punctuation == c;
    private bool AtEnd(int k) => k >= p.Length || p[k].IsPunctuation;
    private bool IsUnit(int k, TimeUnit unit, double count = 1) =>
        k >= 0 && k < p.Length && p[k].Has(K.Unit, out var w) && w.Unit == unit && w.Value == count && !w.Abbreviation;

    private bool WordIs(int k, string lower)
    {
        if (k < 0 || k >= p.Length) return false;
        var s = text.AsSpan(p[k].Start, p[k].End - p[k].Start);
        if (s.Length != lower.Length) return false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = char.ToLowerInvariant(s[i]);
            if (c is '\u2019' or '\u2018') c = '\'';
            if (c != lower[i] && TimeLexicon.Fold(c) != lower[i]) return false;
        }
        return true;
    }

    /// <summary>A month word at k (abbreviations only beside a number or with their period).</summary>
    private int MonthAt(int k, out int month, bool besideNumber)
    {
        month = 0;
        if (k >= p.Length || !p[k].Has(K.Month, out var w)) return -1;
        int end = k + 1;
        bool dotted = IsPunct(end, '.') && p[end].Start == p[k].End;
        bool withPeriod = dotted || text[p[k].End - 1] == '.';
        if (w.Abbreviation && !besideNumber && !withPeriod) return -1;
        if (w.Abbreviation && dotted) end++;
        month = (int)w.Value;
        return end;
    }

    /// <summary>A month right after a day: "mars", "du mois de mars", "de ce mois", "du mois prochain" (end, or -1).</summary>
    private int MonthAfterDay(int k, ref Meaning m)
    {
        int me = MonthAt(k, out int month, true);
        if (me < 0 && Is(k, K.Of) && WordIs(k, "de") && MonthAt(k + 1, out month, true) is int m1 && m1 > 0) me = m1; // "seconde de Aout"
        if (me < 0 && (Is(k, K.Of) || Is(k, K.Article)) && IsUnit(k + 1, TimeUnit.Month) && Is(k + 2, K.Of)) me = MonthAt(k + 3, out month, true); // "19 du mois de novembre"
        if (me > 0) { m.Month = month; return me; }
        // "du 4 au 22 de ce mois", "le 20 du mois prochain", "4 au 23 le mois prochain"
        int r = k;
        if (Is(r, K.Of) && !WordIs(r, "du") && !WordIs(r, "d'")) r++;
        int re = Relative(r, out var shift);
        int u = WordIs(r, "du") ? r + 1 : r;
        if (re < 0 && IsUnit(u, TimeUnit.Month) && (Is(u + 1, K.Last) || Is(u + 1, K.Next)))
        {
            m.MonthShift = Is(u + 1, K.Last) ? -1 : 1; // "du mois prochain", "4 au 23 mois prochain"
            return u + 2;
        }
        if (re > 0 && shift.Grain == Grain.Month && shift.Reference == Reference.Document) { m.MonthShift = shift.Shift; return re; }
        // "le premier du mois", "le 15 du mois": this month
        if (re < 0 && WordIs(k, "du") && IsUnit(k + 1, TimeUnit.Month) && AtEnd(k + 2)) { m.MonthShift = 0; return k + 2; }
        return -1;
    }

    /// <summary>A day of the month: "27", "1er", "premier", "vingt et un".</summary>
    private int DayNumber(int k, out int day)
    {
        day = 0;
        if (k >= p.Length) return -1;
        ref readonly var q = ref p[k];
        if (q.Figure == Figure.Integer && q.Digits <= 2 && q.Number is >= 1 and <= 31) { day = (int)q.Number; return k + 1; }
        if (q.Figure == Figure.Ordinal && q.Number is >= 1 and <= 31 && (q.Number == 1 || !text.AsSpan(q.Start, q.End - q.Start).Contains('X'))) { day = (int)q.Number; return k + 1; }
        if (q.Has(K.Ordinal, 1) && !q.Has(K.Last)) { day = 1; return k + 1; }
        if (q.Has(K.Ordinal, out TimeWord ordinalWord) && ordinalWord.Value is >= 2 and <= 31 && (MonthAt(k + 1, out _, true) > 0 || (Is(k + 1, K.Of) && MonthAt(k + 2, out _, true) > 0))) { day = (int)ordinalWord.Value; return k + 1; }
        // a day in words needs its month after it ("vingt et un mars"); "un"/"une" are articles ("jeudi une source")
        int end = NumberWords(k, out double v);
        if (end > 0 && v is >= 2 and <= 31 && v == Math.Floor(v) && (MonthAt(end, out _, true) > 0 || WordIs(k - 1, "le") && AtEnd(end))) { day = (int)v; return end; }
        return -1;
    }

    /// <summary>A number in words: "trois", "vingt-deux", "quatre-vingt-dix", "vingt et un", "mille neuf cent".</summary>
    private int NumberWords(int k, out double value)
    {
        value = 0;
        long total = 0, current = 0;
        int j = k, last = -1;
        int previous = 0;
        while (j < p.Length && p[j].Has(K.Cardinal, out var w))
        {
            int v = (int)w.Value;
            if (v == 1000) { total += Math.Max(current, 1) * 1000; current = 0; }
            else if (v == 100) current = Math.Max(current, 1) * 100;
            else if (v == 20 && previous == 4 && p[j].Joined) current += 76;   // quatre-vingt
            else if (previous > 0 && previous < 10 && v < 100 && previous != 0 && !(previous == 4 && v == 20)) break; // "deux trois"
            else current += v;
            previous = v;
            last = j;
            j++;
            // "vingt et un", "soixante et onze"
            if (Is(j, K.And) && WordIs(j, "et") && j + 1 < p.Length && (WordIs(j + 1, "un") || WordIs(j + 1, "une") || WordIs(j + 1, "onze")) && previous is 20 or 30 or 40 or 50 or 60)
                j++;
        }
        if (last < 0) return -1;
        value = total + current;
        return last + 1;
    }

    /// <summary>A year in words ("deux mille dix-huit", "mille sept cent quatre-vingt-neuf"): from 1000 to 2100, or from 1
    /// when <paramref name="anyCentury"/> ("l'année deux cent soixante-sept"); not a count ("deux mille euros").</summary>
    private int YearWords(int k, bool anyCentury, out int year)
    {
        year = 0;
        if (k >= p.Length || !p[k].Has(K.Cardinal)) return -1;
        int end = NumberWords(k, out double v);
        if (end < 0 || v != Math.Floor(v) || v > 2100 || v < (anyCentury ? 1 : 1000)) return -1;
        if (end < p.Length && (p[end].Has(K.Unit) || p[end].Has(K.CountNoun) || p[end].Has(K.Of) || p[end].Punctuation is '%' or '€' or '$')) return -1;
        if (!anyCentury && !AtEnd(end) && !p[end].Has(K.And) && !p[end].Has(K.To) && !p[end].Has(K.In) && !p[end].Capitalized) return -1; // "deux mille manifestants"
        year = (int)v;
        return end;
    }

    /// <summary>A count before a unit: a figure, a number in words, "quelques", "une dizaine de".</summary>
    private int Quantity(int k, out double value, out bool vague, out bool approximate)
    {
        value = 0; vague = false; approximate = false;
        int j = k;
        // hedges: "plus de", "moins d'", "près de", "environ", "au moins"
        while (j < p.Length)
        {
            if ((Is(j, K.More) || Is(j, K.Hedge)) && Is(j + 1, K.Of) && !WordIs(j + 1, "des") && !WordIs(j + 1, "du")) { approximate = true; j += 2; continue; }
            if (Is(j, K.Hedge)) { approximate = true; j++; continue; }
            if (WordIs(j, "au") && WordIs(j + 1, "moins")) { approximate = true; j += 2; continue; }
            break;
        }
        if (j >= p.Length) return -1;
        ref readonly var q = ref p[j];
        if (q.Figure is Figure.Integer or Figure.Decimal && q.Number < 100000) { value = q.Number; return HalfBeforeUnit(j + 1, ref value); }
        if (q.Has(K.Half, 0.5) && j + 1 < p.Length && p[j + 1].Has(K.Unit)) { value = 0.5; return j + 1; } // "demi heure", "demi-journée"
        if (q.Has(K.Few)) { value = 3; vague = true; return j + 1; }
        // "une dizaine de", "des dizaines d'", "une quinzaine de"
        int a = j;
        if ((WordIs(a, "une") || WordIs(a, "un") || WordIs(a, "des")) && Is(a + 1, K.Approximate, out double approx) && Is(a + 2, K.Of))
        {
            value = approx;
            vague = WordIs(a, "des");
            approximate = true;
            return a + 3;
        }
        // "une demi-heure", "un demi-siècle"
        if ((WordIs(a, "une") || WordIs(a, "un")) && Is(a + 1, K.Half, 0.5)) { value = 0.5; return a + 2; }
        // "un quart d'heure"
        if (WordIs(a, "un") && Is(a + 1, K.Half, 0.25) && Is(a + 2, K.Of)) { value = 0.25; return a + 3; }
        int end = NumberWords(j, out value);
        if (end < 0) return -1;
        // "trois quarts d'heure"
        if (Is(end, K.Half, 0.25) && Is(end + 1, K.Of)) { value *= 0.25; return end + 2; }
        return HalfBeforeUnit(end, ref value);


    }

    // "deux et demi heures": the half before the unit
    private int HalfBeforeUnit(int e, ref double v)
    {
        if (WordIs(e, "et") && Is(e + 1, K.Half, 0.5) && e + 2 < p.Length && p[e + 2].Has(K.Unit)) { v += 0.5; return e + 2; }
        return e;
    }

    private bool Is(int k, K kind, out double value)
    {
        value = 0;
        if (k < 0 || k >= p.Length || !p[k].Has(kind, out var w)) return false;
        value = w.Value;
        return true;
    }

    /// <summary>A four-digit year in [1000, 2100] at k, if its neighbours say it is a year (not "2000 euros").</summary>
    private bool IsYear(int k, bool introduced)
    {
        if (k >= p.Length) return false;
        ref readonly var q = ref p[k];
        if (q.Figure != Figure.Integer || q.Digits != 4 || q.Number < 1000 || q.Number > 2100) return false;
        if (text.AsSpan(q.Start, q.End - q.Start).Contains(' ')) return false; // "2 000" is a count
        int next = k + 1;
        if (Is(next, K.CountNoun) || (next < p.Length && p[next].Has(K.Unit) && !Is(next, K.Month))) return false;
        if (next < p.Length && p[next].Punctuation is '%' or '$' or '€' or '£') return false;
        if (introduced) return true;
        int prev = k - 1;
        if (prev >= 0 && (p[prev].Has(K.In) || p[prev].Has(K.Since) || p[prev].Has(K.Until) || p[prev].Has(K.Toward) || p[prev].Has(K.Before)
            || p[prev].Has(K.After) || p[prev].Has(K.Here) || p[prev].Has(K.Position) || p[prev].Has(K.During) || p[prev].Has(K.Between)))
            return true;
        bool weak = prev >= 0 && (p[prev].Has(K.Of) || p[prev].Has(K.To) || p[prev].Has(K.And) || p[prev].Has(K.Article) || p[prev].Has(K.Over)
            || p[prev].Punctuation is '-' or '(' or '/');
        if (q.Number < 1800) return false;
        if (weak) return true;
        if (q.Number < 1900) return false;
        return next >= p.Length || p[next].IsPunctuation || p[next].Capitalized || p[next].Has(K.And) || p[next].Has(K.To) || p[next].Has(K.In);
    }

    /// <summary>"dernier"/"prochain" after a word; returns the end and sets the heading.</summary>
    private int Modifier(int k, ref Meaning m)
    {
        if (Is(k, K.Last)) { m.Heading = Heading.Last; return k + 1; }
        if (Is(k, K.Next)) { m.Heading = Heading.Next; return k + 1; }
        return k;
    }

    /// <summary>"de l'année prochaine", "de l'an dernier", "de cette année": sets the year relation; returns the end or k.</summary>
    private int OfYear(int k, ref Meaning m)
    {
        int j = k;
        if (!Is(j, K.Of)) return k;
        j++;
        if (IsYear(j, true)) { m.Year = (int)p[j].Number; return j + 1; }
        if (YearWords(j, false, out int wy) is int we && we > 0) { m.Year = wy; return we; } // "de deux mille vingt"
        if (Is(j, K.Article) && IsUnit(j + 1, TimeUnit.Year) && IsYear(j + 2, true)) { m.Year = (int)p[j + 2].Number; return j + 3; }
        bool demonstrative = Is(j, K.Demonstrative);
        if (Is(j, K.Article) || demonstrative) j++;
        if (!(IsUnit(j, TimeUnit.Year) && (WordIs(j, "année") || WordIs(j, "an") || WordIs(j, "annee")))) return k;
        j++;
        if (Is(j, K.Last)) { m.YearShift = -1; return j + 1; }
        if (Is(j, K.Next)) { m.YearShift = 1; return j + 1; }
        if (demonstrative) { m.YearShift = 0; return j; }
        return k;
    }

    // ---------- rules ----------

    /// <summary>Dates with a day or a weekday: "le 27 février", "jeudi", "mardi 10 septembre 2019", "10/04/2025", "vendredi 20".</summary>
    private int Calendar(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Calendar);
        int j = i;
        // "l'après-midi du 15 février", "le matin de lundi": that day's part
        if (Is(j, K.Article) && !WordIs(j, "les") && j + 2 < p.Length && p[j + 1].Has(K.DayPart, out var partOf) && (WordIs(j + 2, "du") || WordIs(j + 2, "de")))
        {
            int e = Calendar(j + 3, out var partDay);
            if (e > 0 && partDay.Grain == Grain.Day && partDay.DayPart is null && partDay.Hour < 0 && partDay.Container == Grain.None)
            {
                m = partDay;
                m.DayPart = partOf.Code;
                return e;
            }
            m = Meaning.Create(MeaningKind.Calendar);
        }
        bool demonstrative = false;
        if (Is(j, K.Article) && !p[j].Has(K.Demonstrative) && (WordIs(j, "le") || WordIs(j, "les"))) j++;
        else if (Is(j, K.Demonstrative) && !WordIs(j, "ces")) { demonstrative = true; j++; }
        int weekday = 0;
        if (j < p.Length && p[j].Has(K.Weekday, out var wd) && (!p[j].Has(K.Month, out var wm) || wm.Abbreviation && wd.Abbreviation)) // "mar." is March or Tuesday
        {
            bool besideNumber = DayNumber(j + 1, out _) > 0 || (IsPunct(j + 1, ',') && DayNumber(j + 2, out _) > 0);
            // "ven.", "lun. soir": an abbreviation with its period; "jeu.", "mer." not at the end of the sentence ("en jeu.", "à la mer.")
            if (!wd.Abbreviation || besideNumber || (IsPunct(j + 1, '.') && p[j + 1].Start == p[j].End && !p[j].Has(K.Month) && (wd.Cued || j + 2 < p.Length)))
            {
                weekday = (int)wd.Value;
                j++;
                if (wd.Abbreviation && IsPunct(j, '.')) j++;
                if (IsPunct(j, ',') && (DayNumber(j + 1, out _) > 0 || WordIs(j + 1, "le") && DayNumber(j + 2, out _) > 0)) j++;
                if (WordIs(j, "le") && DayNumber(j + 1, out _) > 0) j++; // "vendredi le 15", "mercredi, le 22 janvier"
            }
        }
        // "le premier vendredi de juillet", "le deuxième dimanche", "1er lundi du mois prochain"
        // "le premier week-end de mars", "le dernier week-end d'octobre": the weekend of the nth Saturday (with its month)
        bool weekendRank = false;
        TimeWord nth = default;
        if (weekday == 0 && j < p.Length && (p[j].Figure == Figure.Ordinal || p[j].Has(K.Ordinal)) && j + 1 < p.Length
            && (p[j + 1].Has(K.Weekday, out nth) && !nth.Abbreviation || (weekendRank = p[j + 1].Has(K.Weekend))))
        {
            int rank = p[j].Figure == Figure.Ordinal ? (int)p[j].Number : p[j].Has(K.Ordinal, out var rw) ? (int)rw.Value : 0;
            // "le sixième dimanche", "pour le troisième samedi consécutif": a count of occurrences, not a rank in a month
            // (no month has six), so the weekday itself, placed by tense
            bool running = WordIs(j + 2, "consécutif") || WordIs(j + 2, "consécutive") || WordIs(j + 2, "d'") && WordIs(j + 3, "affilée");
            if (!weekendRank && (rank > 5 || rank >= 2 && running))
            {
                m.Kind = MeaningKind.Calendar; m.Grain = Grain.Day; m.Weekday = (int)nth.Value;
                int after = j + 2;
                if (running) after += WordIs(after, "d'") ? 2 : 1;
                return after;
            }
            if (rank is >= 1 and <= 5 or -1)
            {
                m.Kind = MeaningKind.Calendar; m.Grain = Grain.Day; m.Weekday = weekendRank ? 6 : (int)nth.Value; m.Rank = rank;
                if (weekendRank) m.Container = Grain.Weekend;
                int k = j + 2;
                if (Is(k, K.Of) || WordIs(k, "en")) k++;
                int me2 = MonthAt(k, out int nm, true);
                if (me2 > 0)
                {
                    m.Month = nm;
                    k = me2;
                    if (IsYear(k, true)) { m.Year = (int)p[k].Number; k++; }
                    return k;
                }
                int rel = Relative(k - (Is(k - 1, K.Of) ? 0 : 0), out var monthShift);
                if (rel > 0 && monthShift.Grain == Grain.Month && monthShift.Reference == Reference.Document) { m.MonthShift = monthShift.Shift; return rel; }
                if (IsUnit(k, TimeUnit.Month) && (Is(k + 1, K.Last) || Is(k + 1, K.Next))) { m.MonthShift = Is(k + 1, K.Last) ? -1 : 1; return k + 2; }
                if (Is(k - 1, K.Of) && WordIs(k - 1, "du") && IsUnit(k, TimeUnit.Month) && (Is(k + 1, K.Last) || Is(k + 1, K.Next))) { m.MonthShift = Is(k + 1, K.Last) ? -1 : 1; return k + 2; }
                if (weekendRank) return -1; // "le dernier week-end" alone is no calendar weekend
                m.MonthShift = 0;
                return j + 2;
            }
        }
        // "le troisième jour d'octobre", "le premier jour du mois prochain": the nth day of that month
        if (weekday == 0 && j > i && j + 2 < p.Length && (p[j].Figure == Figure.Ordinal || p[j].Has(K.Ordinal)) && WordIs(j + 1, "jour"))
        {
            int nthDay = p[j].Figure == Figure.Ordinal ? (int)p[j].Number : p[j].Has(K.Ordinal, out var dw) ? (int)dw.Value : 0;
            var probe = m;
            int m0 = 0;
            int me0 = WordIs(j + 2, "d'") ? MonthAt(j + 3, out m0, true) : -1;
            if (me0 > 0) probe.Month = m0;
            else me0 = MonthAfterDay(j + 2, ref probe);
            if ((nthDay is >= 1 and <= 31 || nthDay == -1) && me0 > 0 && (probe.Month > 0 || probe.MonthShift is not null))
            {
                m = probe;
                m.Grain = Grain.Day;
                if (IsYear(me0, true)) { m.Year = (int)p[me0].Number; me0++; }
                if (nthDay == -1) { m.Rank = -1; return me0; } // "le dernier jour du mois": the month's last day
                m.Day = nthDay;
                if (m.MonthShift is not null) { m.DayOfCurrentMonth = true; return me0; }
                return me0;
            }
            // "le premier jour de l'année", "le dernier jour de l'année 2024": 1 January, 31 December
            int oy0 = nthDay is 1 or -1 ? OfYear(j + 2, ref probe) : -1;
            // "de l'année" alone: this year
            if (oy0 == j + 2 && Is(j + 2, K.Of) && Is(j + 3, K.Article) && (WordIs(j + 4, "année") || WordIs(j + 4, "annee"))) { probe.YearShift = 0; oy0 = j + 5; }
            if (oy0 > j + 2)
            {
                m = probe;
                m.Grain = Grain.Day; m.Month = nthDay == 1 ? 1 : 12; m.Day = nthDay == 1 ? 1 : 31;
                if (m.Year == 0 && m.YearShift is null) m.YearShift = 0; // "de l'année": this year
                return oy0;
            }
        }
        if (weekday == 0 && j > i && DayNumber(j, out _) < 0 && !(j < p.Length && p[j].Figure is Figure.NumericDate or Figure.MonthDay)) return -1;
        m.Weekday = weekday;
        int start = j;
        // "13-5-2015", "3-7-07": day-month-year with hyphens (three adjacent figures)
        if (j + 4 < p.Length && p[j].Figure == Figure.Integer && p[j].Digits <= 2 && IsPunct(j + 1, '-') && p[j + 2].Figure == Figure.Integer && p[j + 2].Digits <= 2
            && IsPunct(j + 3, '-') && p[j + 4].Figure == Figure.Integer && p[j + 4].Digits is 2 or 4 && p[j + 4].End - p[j].Start == SumLength(j, 5))
        {
            int d = (int)p[j].Number, mo2 = (int)p[j + 2].Number, y = (int)p[j + 4].Number;
            if (p[j + 4].Digits == 2) y += y < 50 ? 2000 : 1900;
            if (mo2 > 12 && d <= 12) (d, mo2) = (mo2, d);
            if (d is >= 1 and <= 31 && mo2 is >= 1 and <= 12)
            {
                m.Day = d; m.Month = mo2; m.Year = y; m.Grain = Grain.Day;
                return Tail(j + 5, ref m);
            }
        }
        // "le 4/22", "sur 4.22": month first (22 cannot be a month), only after "le" or "sur" and closing the clause
        // (a score or a figure elsewhere: "4-22 ans")
        if (j < p.Length && p[j].Figure == Figure.MonthDay)
        {
            if (weekday > 0 || !(j > i && WordIs(i, "le") || j == i && WordIs(i - 1, "sur")) || !AtEnd(j + 1) || IsPunct(j + 1, '%')) return -1;
            m.Day = p[j].A; m.Month = p[j].B; m.Grain = Grain.Day;
            return j + 1;
        }
        int dayEnd = DayNumber(j, out int day);
        if (dayEnd > 0)
        {
            int k = dayEnd;
            // "27 février", "1er avril 2005", "12 Janvier, 2016"
            int monthEnd = MonthAfterDay(k, ref m);
            if (monthEnd > 0 && m.MonthShift is not null)
            {
                m.Day = day; m.Grain = Grain.Day; m.DayOfCurrentMonth = true;
                return Tail(monthEnd, ref m);
            }
            if (monthEnd > 0)
            {
                m.Day = day; m.Grain = Grain.Day;
                k = monthEnd;
                int y = k;
                if (IsPunct(y, ',') && y + 1 < p.Length && p[y + 1].Figure == Figure.Integer) y++;
                if (IsYear(y, introduced: true)) { m.Year = (int)p[y].Number; k = y + 1; }
                else if (YearWords(y, false, out int wy) is int we && we > 0) { m.Year = wy; k = we; } // "7 février deux mille dix-huit"
                else if (y < p.Length && p[y].Figure == Figure.Integer && p[y].Digits == 2 && AtEnd(y + 1) && !IsPunct(y + 1, '%'))
                {
                    int yy = (int)p[y].Number;
                    m.Year = yy < 50 ? 2000 + yy : 1900 + yy;
                    k = y + 1;
                }
                else k = OfYear(k, ref m) is int oy && oy > k ? oy : Modifier(k, ref m);
                return Tail(k, ref m);
            }
            if (weekday > 0)
            {
                m.Day = day; m.Grain = Grain.Day;
                return Tail(dayEnd, ref m);
            }
            // "les 14, 15 et 16 mars": a day of a list that ends with its month (a list of three or more)
            if (IsPunct(dayEnd, ',') && (j > i || IsPunct(i - 1, ',')) && p[start].Figure == Figure.Integer && ListMonth(dayEnd, out int listMonth, out int listYear))
            {
                m.Day = day; m.Month = listMonth; m.Year = listYear; m.Grain = Grain.Day;
                return dayEnd;
            }
            // "le 11" before "et le 28 mars": a day whose month comes later (completed by the coordination pass)
            if (j > i && (Is(dayEnd, K.And) || Is(dayEnd, K.To) || Is(dayEnd, K.Until) || IsPunct(dayEnd, '-')) && (p[start].Figure != Figure.Ordinal || p[start].Number == 1))
            {
                int after = dayEnd + 1;
                if (WordIs(after, "au") || WordIs(after, "à") || WordIs(after, "a") || Is(after, K.Article)) after++; // "jusqu'au", "jusqu'à"
                if (Is(after, K.Weekday)) after++;
                if (DayNumber(after, out _) > 0) { m.Day = day; m.Grain = Grain.Day; return dayEnd; }
            }
            // "le 27", "pour le vingt-deux": a day of the month the text is in (resolved around the publication date)
            if (j > i && WordIs(i, "le") && (AtEnd(dayEnd) || Is(dayEnd, K.And) && !Is(dayEnd + 1, K.Article)) && p[start].Figure != Figure.Decimal
                && !(start + 1 < dayEnd && p[start].Has(K.Cardinal, 1)))
            {
                if (p[start].Figure == Figure.Integer && IsUnit(dayEnd, TimeUnit.Day)) return -1;
                m.Day = day; m.Grain = Grain.Day; m.DayOfCurrentMonth = true;
                return dayEnd;
            }
            // "Novembre 19-20", "novembre 19 au 20", "Novembre 15 jusqu'à 19": the second day of a range whose month came first
            if (j == i && p[i].Figure == Figure.Integer && !Is(dayEnd, K.Unit) && !Is(dayEnd, K.CountNoun) && MonthFirstRangeStart(i - 1) is int rm && rm > 0)
            {
                m.Day = day; m.Month = rm; m.Grain = Grain.Day;
                return dayEnd;
            }
            // "du 5 au 10" with no month: days of the month the text is in ("en juin, du 5 au 10": that month), not "du 5 au 10 %"
            if (j == i && p[i].Figure == Figure.Integer && p[i].Digits <= 2 && WordIs(i - 1, "du") && WordIs(dayEnd, "au") && dayEnd + 1 < p.Length
                && p[dayEnd + 1].IsInteger(1, 31) && p[dayEnd + 1].Digits <= 2 && p[dayEnd + 1].Number > day && AtEnd(dayEnd + 2) && !IsPunct(dayEnd + 2, '%'))
            {
                m.Day = day; m.Grain = Grain.Day; m.DayOfCurrentMonth = true;
                return dayEnd;
            }
            if (j == i && p[i].Figure == Figure.Integer && p[i].Digits <= 2 && WordIs(i - 1, "au") && i >= 3 && p[i - 2].IsInteger(1, day - 1) && p[i - 2].Digits <= 2 && WordIs(i - 3, "du")
                && AtEnd(dayEnd) && !IsPunct(dayEnd, '%'))
            {
                m.Day = day; m.Grain = Grain.Day; m.DayOfCurrentMonth = true;
                return dayEnd;
            }
            // "19-20 novembre", "3 au 5 mars" (no article)
            if (j == i && (Is(dayEnd, K.To) || Is(dayEnd, K.Until) || IsPunct(dayEnd, '-') || Is(dayEnd, K.And)) && (p[i].Figure == Figure.Integer || p[i].Figure == Figure.Ordinal && p[i].Number == 1))
            {
                int after = dayEnd + 1;
                if (WordIs(after, "au") || WordIs(after, "à") || WordIs(after, "a") || Is(after, K.Article)) after++; // "3 jusqu'au 12 septembre"
                int e2 = DayNumber(after, out _);
                var probe = m;
                if (e2 > 0 && MonthAfterDay(e2, ref probe) > 0) { m.Day = day; m.Grain = Grain.Day; return dayEnd; }
            }
            return -1;
        }
        if (j < p.Length && p[j].Figure == Figure.NumericDate)
        {
            m.Day = p[j].A; m.Month = p[j].B; m.Year = Math.Max(0, p[j].C); m.Grain = Grain.Day;
            // "le 12/08, 2015": the year after a comma, closing the clause
            if (p[j].C < 0 && IsPunct(j + 1, ',') && IsYear(j + 2, true) && AtEnd(j + 3)) { m.Year = (int)p[j + 2].Number; return Tail(j + 3, ref m); }
            return Tail(j + 1, ref m);
        }
        // "Oct. 2", "janvier 21 2018": month before the day, only when a year or the end follows
        int me = MonthAt(j, out int mo, besideNumber: true);
        if (me > 0 && !demonstrative)
        {
            // "Octobre. 2": the period the splitter took for a sentence end, then the day closing the (rejoined) sentence
            if (weekday == 0 && IsPunct(me, '.') && p[me].Start == p[me - 1].End && me + 1 < p.Length && p[me + 1].IsInteger(1, 31) && p[me + 1].Digits <= 2 && AtEnd(me + 2))
            {
                m.Day = (int)p[me + 1].Number; m.Month = mo; m.Grain = Grain.Day;
                return me + 2;
            }
            // "Novembre entre 19 et 20": the month, then the days of the range (the second read by MonthFirstRangeStart)
            if (weekday == 0 && Is(me, K.Between) && me + 1 < p.Length && p[me + 1].IsInteger(1, 31) && p[me + 1].Digits <= 2 && Is(me + 2, K.And)
                && me + 3 < p.Length && p[me + 3].IsInteger(1, 31) && p[me + 3].Digits <= 2 && AtEnd(me + 4))
            {
                m.Day = (int)p[me + 1].Number; m.Month = mo; m.Grain = Grain.Day;
                return me + 2;
            }
            int de = DayNumber(me, out int d2);
            // "dimanche janvier 21 2018": after a weekday, only a full date with its year
            if (weekday > 0 && !(de > 0 && p[me].Figure == Figure.Integer && IsYear(de, true))) return -1;
            // "Oct-2", "Oct/2": the day glued to the month
            if (de < 0 && (IsPunct(me, '-') || IsPunct(me, '/')) && p[me].Start == p[me - 1].End && me + 1 < p.Length && p[me + 1].Start == p[me].End)
            {
                int glued = DayNumber(me + 1, out d2);
                if (glued > 0 && p[me + 1].Figure == Figure.Integer) { m.Day = d2; m.Month = mo; m.Grain = Grain.Day; return Tail(glued, ref m); }
            }
            // "Aout seconde", "Mai vingt et un": a day in words after the month, closing the phrase
            if (de < 0 && me < p.Length && (p[me].Has(K.Ordinal) || p[me].Has(K.Cardinal)))
            {
                int we = NumberWords(me, out double wv);
                if (we < 0 && p[me].Has(K.Ordinal, out var ow2) && ow2.Value >= 1) { we = me + 1; wv = ow2.Value; }
                if (we > 0 && wv is >= 1 and <= 31 && wv == Math.Floor(wv) && AtEnd(we)) { m.Day = (int)wv; m.Month = mo; m.Grain = Grain.Day; return we; }
            }
            if (de > 0 && p[me].Figure is Figure.Integer or Figure.Ordinal && (AtEnd(de) || IsYear(de, true) || Is(de, K.To) || Is(de, K.Until) || Is(de, K.And) || Is(de, K.There, 2)
                || IsPunct(de, '-') && de + 1 < p.Length && p[de + 1].IsInteger(1, 31)) && !Is(de, K.Unit))
            {
                m.Day = d2; m.Month = mo; m.Grain = Grain.Day;
                if (IsYear(de, true)) { m.Year = (int)p[de].Number; de++; }
                return Tail(de, ref m);
            }
            return -1;
        }
        if (weekday > 0)
        {
            m.Grain = Grain.Day;
            if (demonstrative) m.Heading = Heading.Current;
            int k = Modifier(j, ref m);
            // "vendredi de la semaine prochaine", "dimanche de cette semaine"
            int w = k;
            if (Is(w, K.Of) || WordIs(w, "la")) w++;
            if (Is(w, K.Article)) w++;
            bool demo = Is(w, K.Demonstrative);
            if (demo) w++;
            if (k == j && WordIs(k, "qui") && WordIs(k + 1, "vient")) { m.Heading = Heading.Next; k += 2; } // "lundi qui vient"
            // "jeudi en huit", "lundi en quinze": a week (two weeks) after the coming such day
            if (k == j && WordIs(k, "en") && (WordIs(k + 1, "huit") || WordIs(k + 1, "quinze")) && !(k + 2 < p.Length && (p[k + 2].Has(K.Unit) || p[k + 2].Has(K.CountNoun))))
            {
                m.Heading = Heading.Coming; m.DayOffset = WordIs(k + 1, "huit") ? 7 : 14;
                return k + 2;
            }
            if (w > k && IsUnit(w, TimeUnit.Week))
            {
                if (Is(w + 1, K.Last)) { m.WeekShift = -1; m.Heading = Heading.Current; k = w + 2; }
                else if (Is(w + 1, K.Next)) { m.WeekShift = 1; m.Heading = Heading.Current; k = w + 2; }
                else if (demo) { m.Heading = Heading.Current; k = w + 1; }
            }
            return Tail(k, ref m);
        }
        return -1;
    }

    /// <summary>The month (and year, or 0) that closes a list of days from piece k: ", 15 et 16 mars", ", 6, 7 et 8 mai 2024".</summary>
    private bool ListMonth(int k, out int month, out int year)
    {
        month = 0; year = 0;
        for (int steps = 0; steps < 8 && k < p.Length; steps++)
        {
            bool and = Is(k, K.And) && WordIs(k, "et");
            if (!IsPunct(k, ',') && !and) return false;
            int d = k + 1;
            if (WordIs(d, "le")) d++;
            if (d >= p.Length || !p[d].IsInteger(1, 31) || p[d].Digits > 2) return false;
            int e = d + 1;
            if (and)
            {
                var probe = Meaning.Create(MeaningKind.Calendar);
                int me = MonthAfterDay(e, ref probe);
                if (me < 0 || probe.Month == 0) return false;
                month = probe.Month;
                if (IsYear(me, true)) year = (int)p[me].Number;
                return true;
            }
            k = e;
        }
        return false;
    }

    /// <summary>The month of "Novembre 19" when piece k ends "Novembre 19 -", "Novembre 19 au", "Novembre 15 jusqu'à"; else 0.</summary>
    private int MonthFirstRangeStart(int k)
    {
        if (k < 2) return 0;
        // "Novembre entre 19 et 20"
        if (Is(k, K.And) && k >= 3 && p[k - 1].IsInteger(1, 31) && Is(k - 2, K.Between) && MonthAt(k - 3, out int between, true) == k - 2) return between;
        if (!(IsPunct(k, '-') || Is(k, K.To) || Is(k, K.There, 2) || Is(k, K.Until))) return 0;
        if ((Is(k, K.To) || Is(k, K.There, 2)) && Is(k - 1, K.Until)) k--;
        int d = k - 1;
        if (d < 1 || !p[d].IsInteger(1, 31) || p[d].Digits > 2) return 0;
        for (int s = Math.Max(0, d - 2); s < d; s++)
            if (MonthAt(s, out int month, true) == d) return month;
        return 0;
    }

    /// <summary>After a date: a part of the day or a clock time ("mercredi matin", "samedi 21 au matin", "jeudi à 15h").</summary>
    private int Tail(int k, ref Meaning m)
    {
        int j = k;
        if (WordIs(j, "au") || WordIs(j, "en") || (WordIs(j, "dans") || WordIs(j, "à") || WordIs(j, "a")) && Is(j + 1, K.Article)) j += WordIs(j, "au") || WordIs(j, "en") ? 1 : 2;
        if (j < p.Length && p[j].Has(K.DayPart, out var part))
        {
            m.DayPart = part.Code ?? "NI";
            return j + 1;
        }
        // "en fin de journée", "en fin d'après-midi", "en début de soirée", "en milieu de journée"
        if (WordIs(k, "en") && Is(k + 1, K.Position, out double where) && Is(k + 2, K.Of) && k + 3 < p.Length)
        {
            if (p[k + 3].Has(K.DayPart, out var inPart)) { m.DayPart = inPart.Code ?? "NI"; return k + 4; }
            if (WordIs(k + 3, "journée") || WordIs(k + 3, "journee")) { m.DayPart = where == 1 ? "MO" : where == 3 ? "EV" : "MI"; return k + 4; }
        }
        j = k;
        if (WordIs(j, "à") || WordIs(j, "vers") || WordIs(j, "dès")) j++;
        if (j > k && (WordIs(j, "midi") || WordIs(j, "minuit"))) { m.Hour = WordIs(j, "midi") ? 12 : 0; m.Minute = 0; return j + 1; } // "mardi à midi"
        int c = ClockFigure(j, out int h, out int min);
        if (c > 0) { m.Hour = h; m.Minute = min; return c; }
        return k;
    }

    private int ClockFigure(int j, out int hour, out int minute)
    {
        hour = -1; minute = 0;
        if (j >= p.Length) return -1;
        if (p[j].Figure == Figure.Clock) { hour = p[j].A; minute = p[j].B; return j + 1; }
        // "17 h 30", "8 heures"
        if (p[j].IsInteger(0, 24) && p[j].Digits <= 2 && j + 1 < p.Length && p[j + 1].Has(K.Unit, out var u) && u.Unit == TimeUnit.Hour && u.Abbreviation)
        {
            hour = (int)p[j].Number;
            if (j + 2 < p.Length && p[j + 2].IsInteger(0, 59) && p[j + 2].Digits == 2) { minute = (int)p[j + 2].Number; return j + 3; }
            return j + 2;
        }
        return -1;
    }

    /// <summary>Months, years, decades, centuries and seasons, with "début"/"mi-"/"fin": "février 2022", "en juin", "juin dernier", "fin 2017", "les années 1990", "au XXe siècle", "printemps 2017".</summary>
    private int MonthOrYear(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Calendar);
        int j = i;
        bool introduced = false;
        // "début", "mi-", "fin", "courant", optionally after an article ("la mi-août", "à la fin de")
        if (Is(j, K.Article) && Is(j + 1, K.Position)) j++;
        if (Is(j, K.Position, out double position) && (!WordIs(j, "mi") || (j + 1 < p.Length && p[j + 1].Joined) || IsPunct(j + 1, '-')))
        {
            m.Position = (int)position;
            j++;
            if (IsPunct(j, '-')) j++;
            if (Is(j, K.Of)) j++;
            introduced = true;
            // "au début de la semaine prochaine", "à la fin du mois", "depuis le début de l'année"
            int re = WordIs(j - 1, "du") ? Relative(j - 1, out var relative) : Relative(j, out relative);
            if (re > 0 && relative.Grain is Grain.Year or Grain.Month or Grain.Week)
            {
                m = relative;
                m.Position = (int)position;
                return re;
            }
            int a = WordIs(j - 1, "du") || p[j - 1].Elided || WordIs(j - 1, "de") && !Is(j, K.Article) ? j : j + 1; // "du mois", "d'année", "de semaine"
            if ((a == j || Is(j, K.Article) && !WordIs(j, "les")) && Is(j - 1, K.Of) && a < p.Length && p[a].Has(K.Unit, out var cu) && !cu.Abbreviation
                && cu.Unit is TimeUnit.Year or TimeUnit.Month or TimeUnit.Week && cu.Value == 1 && !IsYear(a + 1, true) && !Is(a + 1, K.Of))
            {
                m = Meaning.Create(MeaningKind.Shift);
                SetGrain(ref m, cu);
                m.Position = (int)position;
                if (Is(a + 1, K.Last)) { m.Shift = -1; return a + 2; } // "en fin d'année dernière"
                if (Is(a + 1, K.Next)) { m.Shift = 1; return a + 2; }
                return a + 1;
            }
        }
        bool demonstrative = false;
        if (Is(j, K.Article) && !WordIs(j, "les")) { j++; introduced = true; }
        else if (Is(j, K.Demonstrative) && !WordIs(j, "ces")) { j++; demonstrative = true; introduced = true; }
        // "le mois de mai", "du mois d'août"
        if (IsUnit(j, TimeUnit.Month) && Is(j + 1, K.Of) && (Is(j + 2, K.Month) || SpacedMonthYear(j + 2, out _, out _) > 0)) { j += 2; introduced = true; }
        // "le prochain juin", "prochain Juin": the heading before the month
        if ((Is(j, K.Next) || Is(j, K.Last)) && !Is(j, K.Ordinal) && j + 1 < p.Length && p[j + 1].Has(K.Month, out var hm) && (!hm.Abbreviation || hm.Cued))
        {
            m.Heading = Is(j, K.Next) ? Heading.Next : Heading.Last;
            introduced = true;
            j++;
        }
        // "la première quinzaine de mars", "la deuxième quinzaine d'août 2024": half a month
        if (j + 3 < p.Length && (p[j].Has(K.Ordinal, out var half) && (half.Value is 1 or 2 or -1) || p[j].Figure == Figure.Ordinal && p[j].Number is 1 or 2)
            && (WordIs(j + 1, "quinzaine")) && Is(j + 2, K.Of) && MonthAt(j + 3, out int halfMonth, true) is int hme && hme > 0)
        {
            int rank = p[j].Figure == Figure.Ordinal ? (int)p[j].Number : (int)half.Value;
            m.Month = halfMonth; m.Grain = Grain.Month; m.Position = rank == 1 ? 5 : 6;
            if (IsYear(hme, true)) { m.Year = (int)p[hme].Number; hme++; }
            return hme;
        }
        int me = MonthAt(j, out int month, besideNumber: false);
        // an abbreviation with its year ("oct. 2001", "Sep, 2001") or after a demonstrative ("cette Oct")
        if (me < 0) me = MonthAt(j, out month, besideNumber: IsYear(j + 1, true) || IsPunct(j + 1, ',') && IsYear(j + 2, true) || demonstrative);
        // "en déc", "dans Oct", "prochain jun": an abbreviation marked "cue" alone at the end of the clause after its cue
        if (me < 0 && j < p.Length && p[j].Has(K.Month, out var cued) && cued.Cued && (AtEnd(j + 1) || IsPunct(j + 1, '.') && AtEnd(j + 2))
            && (m.Heading != Heading.ByTense || j > 0 && (p[j - 1].Has(K.In) || p[j - 1].Has(K.Within))))
            me = MonthAt(j, out month, besideNumber: true);
        if (me > 0)
        {
            m.Month = month; m.Grain = Grain.Month;
            if (demonstrative) m.Heading = Heading.Current;
            int k = me;
            // "Jan, 2001", "juin. 2001"
            if ((IsPunct(k, ',') || IsPunct(k, '.')) && IsYear(k + 1, introduced: true)) { m.Year = (int)p[k + 1].Number; k += 2; }
            else if (IsYear(k, introduced: true)) { m.Year = (int)p[k].Number; k++; }
            else if (YearWords(k, false, out int wy) is int we && we > 0) { m.Year = wy; k = we; }
            else if (k < p.Length && p[k].Figure == Figure.Integer && p[k].Digits == 2 && (p[me - 1].Has(K.Month, out var mw) && mw.Abbreviation || IsPunct(me - 1, '.') || p[k].Number > 31) && AtEnd(k + 1))
            {
                int yy = (int)p[k].Number; m.Year = yy < 50 ? 2000 + yy : 1900 + yy; k++;
            }
            else
            {
                int oy = OfYear(k, ref m);
                if (oy > k) k = oy;
                else k = Modifier(k, ref m);
                // a bare capitalised month needs a cue: "Mars" alone is the planet
                bool cue = introduced || k > me || i > 0 && (p[i - 1].Has(K.In) || p[i - 1].Has(K.Since) || p[i - 1].Has(K.Of) || p[i - 1].Has(K.To)
                    || p[i - 1].Has(K.Until) || p[i - 1].Has(K.Between) || p[i - 1].Has(K.And) || p[i - 1].Has(K.Toward) || p[i - 1].Has(K.Before)
                    || p[i - 1].Has(K.After) || p[i - 1].Has(K.During) || p[i - 1].Has(K.Here));
                if (!cue && WordIs(j, "mars") && (p[j].Capitalized && i > 0 || !AtEnd(k) && !Is(k, K.And))) return -1; // "Mars" the planet
            }
            return k;
        }
        // "03/2015", "2015/3", "2016-11", "11-2016"
        if (j < p.Length && p[j].Figure == Figure.NumericMonth) { m.Month = p[j].B; m.Year = p[j].C; m.Grain = Grain.Month; return j + 1; }
        if (j + 2 < p.Length && p[j].Figure == Figure.Integer && IsPunct(j + 1, '-') && p[j + 2].Figure == Figure.Integer && p[j + 1].Start == p[j].End && p[j + 2].Start == p[j + 1].End)
        {
            var (a, b) = (p[j], p[j + 2]);
            if (a.Digits == 4 && a.Number is >= 1000 and <= 2100 && b.Digits <= 2 && b.Number is >= 1 and <= 12) { m.Year = (int)a.Number; m.Month = (int)b.Number; m.Grain = Grain.Month; return j + 3; }
            if (b.Digits == 4 && b.Number is >= 1000 and <= 2100 && a.Digits <= 2 && a.Number is >= 1 and <= 12) { m.Year = (int)b.Number; m.Month = (int)a.Number; m.Grain = Grain.Month; return j + 3; }
        }
        int sm = SpacedMonthYear(j, out int smMonth, out int smYear);
        if (sm > 0) { m.Month = smMonth; m.Year = smYear; m.Grain = Grain.Month; return sm; }
        // "fin 2017", "l'an 2000", "l'année 2019", "en 2019" (the year alone: the preposition stays outside)
        int y = j;
        bool yearWord = Is(y, K.Unit) && IsUnit(y, TimeUnit.Year) && (WordIs(y, "an") || WordIs(y, "année") || WordIs(y, "annee"));
        bool namedYear = yearWord && introduced; // "l'an", "l'année"
        if (yearWord && IsYear(y + 1, true)) { y++; introduced = true; }
        // "l'an 800", "l'année 247", "l'année deux cent soixante-sept"; "en mille sept cent quatre-vingt-neuf"
        else if (namedYear && y + 1 < p.Length && p[y + 1].Figure == Figure.Integer && p[y + 1].Digits <= 3 && p[y + 1].Number >= 1 && AtEnd(y + 2))
        {
            m.Year = (int)p[y + 1].Number; m.Grain = Grain.Year;
            return y + 2;
        }
        if (YearWords(namedYear ? y + 1 : y, namedYear, out int wordYear) is int wye && wye > 0
            && (namedYear || introduced || y > 0 && (p[y - 1].Has(K.In) || p[y - 1].Has(K.Within) || p[y - 1].Has(K.Since) || p[y - 1].Has(K.Until) || p[y - 1].Has(K.Toward) || p[y - 1].Has(K.Between))))
        {
            m.Year = wordYear; m.Grain = Grain.Year;
            return wye;
        }
        if (IsYear(y, introduced))
        {
            m.Year = (int)p[y].Number; m.Grain = Grain.Year;
            return y + 1;
        }
        // seasons: "printemps 2017", "l'été", "cet été", "en hiver", "l'automne dernier", "le prochain printemps"
        if ((Is(j, K.Next) || Is(j, K.Last)) && j + 1 < p.Length && p[j + 1].Has(K.Season))
        {
            m.Heading = Is(j, K.Next) ? Heading.Next : Heading.Last;
            introduced = true;
            j++;
        }
        if (j < p.Length && p[j].Has(K.Season, out var season))
        {
            bool cue = introduced || (i > 0 && (p[i - 1].Has(K.In) || WordIs(i - 1, "au") || p[i - 1].Has(K.Since) || p[i - 1].Has(K.Until)));
            if (j > 0 && (p[j - 1].Has(K.There) || WordIs(j - 1, "a") || WordIs(j - 1, "avait") || WordIs(j - 1, "ont") || WordIs(j - 1, "aurait"))) return -1; // "a été"
            int k = j + 1;
            if (IsYear(k, true)) { m.Year = (int)p[k].Number; k++; cue = true; }
            else if (Is(k, K.Of) && IsYear(k + 1, true)) { m.Year = (int)p[k + 1].Number; k += 2; cue = true; }
            else
            {
                int before = k;
                k = Modifier(k, ref m);
                if (k > before) cue = true;
                else if (OfYear(k, ref m) is int oy && oy > k) { k = oy; cue = true; }
            }
            if (!cue) return -1;
            // "été" is also the participle of être: the season needs its article or preposition ("l'été", "en été")
            if ((WordIs(j, "été") || WordIs(j, "ete")) && j == i && m.Year == 0 && !(i > 0 && (p[i - 1].Has(K.In) || WordIs(i - 1, "au") || p[i - 1].Has(K.Since) || p[i - 1].Has(K.Until) || p[i - 1].Has(K.During) || p[i - 1].Has(K.Position)))) return -1;
            if (demonstrative) m.Heading = Heading.Current;
            m.Season = season.Code; m.Grain = Grain.Season;
            return k;
        }
        // decades: "les années 1990", "années 80", "les années quatre-vingt"
        int d = j;
        if (WordIs(d, "les")) d++;
        // "les 1970s", "les 70s"
        if (d > j && d < p.Length && p[d].Figure == Figure.Decade)
        {
            m.Kind = MeaningKind.Fixed; m.Grain = Grain.Decade; m.Year = (int)p[d].Number;
            m.Text = (m.Year / 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + "X";
            return d + 1;
        }
        if (Is(d, K.Of) && WordIs(d, "des")) d++;
        if (WordIs(d, "années") || WordIs(d, "annees"))
        {
            int n = d + 1;
            if (n < p.Length && p[n].Figure == Figure.Decade) // "les années 70s"
            {
                m.Kind = MeaningKind.Fixed; m.Grain = Grain.Decade; m.Year = (int)p[n].Number;
                m.Text = (m.Year / 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + "X";
                return n + 1;
            }
            if (n < p.Length && p[n].Figure == Figure.Integer && (p[n].Digits == 4 && p[n].Number % 10 == 0 && p[n].Number is >= 1000 and <= 2100 || p[n].Digits == 2 && p[n].Number % 10 == 0))
            {
                int decade = (int)p[n].Number;
                if (p[n].Digits == 2) decade += 1900;
                m.Kind = MeaningKind.Fixed; m.Grain = Grain.Decade;
                m.Text = (decade / 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + "X";
                m.Year = decade;
                return n + 1;
            }
            int we = NumberWords(n, out double words);
            if (we > 0 && (words is >= 20 and <= 90 || words is >= 1000 and <= 2100) && words % 10 == 0)
            {
                m.Kind = MeaningKind.Fixed; m.Grain = Grain.Decade;
                m.Year = words >= 1000 ? (int)words : 1900 + (int)words;
                m.Text = (m.Year / 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + "X";
                return we;
            }
        }
        // centuries: "le XXe siècle", "au XIXe siècle", "du vingtième siècle"
        int c = j;
        if (c < p.Length && (p[c].Figure == Figure.Ordinal || p[c].Has(K.Ordinal)) && IsUnit(c + 1, TimeUnit.Year, 100) && WordIs(c + 1, "siècle") | WordIs(c + 1, "siecle"))
        {
            int n = p[c].Figure == Figure.Ordinal ? (int)p[c].Number : p[c].Has(K.Ordinal, out var ow) ? (int)ow.Value : 0;
            if (n is >= 1 and <= 30)
            {
                m.Kind = MeaningKind.Fixed; m.Grain = Grain.Century; m.Year = (n - 1) * 100;
                m.Text = (n - 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "XX";
                int k = c + 2;
                if (WordIs(k, "avant") && k + 1 < p.Length && text.AsSpan(p[k + 1].Start, p[k + 1].End - p[k + 1].Start).StartsWith("J")) return -1;
                return k;
            }
        }
        return -1;
    }

    /// <summary>A month and its year written with figures apart: "11 / 2016", "2016 - 11", "2016 -11", "2016.11", "en 11, 2016",
    /// "2016-nov.", "2016, nov" (the year side is a four-digit year; the month side ends the clause when it comes last).</summary>
    private int SpacedMonthYear(int j, out int month, out int year)
    {
        month = 0; year = 0;
        if (j >= p.Length) return -1;
        ref readonly var a = ref p[j];
        // "2016.11", "2015.3": year.month in one figure
        if (a.Figure == Figure.Decimal && a.End - a.Start is 6 or 7 && text[a.Start + 4] == '.')
        {
            int yv = 0, mv = 0;
            for (int c = a.Start; c < a.Start + 4; c++) yv = yv * 10 + (text[c] - '0');
            for (int c = a.Start + 5; c < a.End; c++) mv = mv * 10 + (text[c] - '0');
            if (yv is >= 1900 and <= 2100 && mv is >= 1 and <= 12) { month = mv; year = yv; return j + 1; }
            return -1;
        }
        if (a.Figure != Figure.Integer) return -1;
        // "11 / 2016", "11 - 2016", "en 11, 2016"
        if (a.Digits <= 2 && a.Number is >= 1 and <= 12 && (IsPunct(j + 1, '/') || IsPunct(j + 1, '-') || IsPunct(j + 1, ',') && (Is(j - 1, K.In) || Is(j - 1, K.Of)))
            && j + 2 < p.Length && p[j + 2].Digits == 4 && p[j + 2].Number is >= 1900 and <= 2100 && IsYear(j + 2, true) && AtEnd(j + 3))
        {
            month = (int)a.Number; year = (int)p[j + 2].Number; return j + 3;
        }
        if (a.Digits != 4 || a.Number is < 1900 or > 2100) return -1;
        // "2016 / 11", "2016 - 11"
        if ((IsPunct(j + 1, '/') || IsPunct(j + 1, '-')) && j + 2 < p.Length && p[j + 2].IsInteger(1, 12) && p[j + 2].Digits <= 2 && AtEnd(j + 3))
        {
            month = (int)p[j + 2].Number; year = (int)a.Number; return j + 3;
        }
        // "2016 -11" (the hyphen glued to the month)
        if (j + 1 < p.Length && p[j + 1].IsInteger(1, 12) && p[j + 1].Digits <= 2 && p[j + 1].Start > a.End && text[p[j + 1].Start - 1] == '-' && AtEnd(j + 2))
        {
            month = (int)p[j + 1].Number; year = (int)a.Number; return j + 2;
        }
        // "2016-nov.", "2016, nov"
        int k = j + 1;
        if (k < p.Length && (p[k].Joined || IsPunct(k, ',') && k++ > 0) && MonthAt(k, out int mo, besideNumber: true) is int me && me > 0 && AtEnd(me))
        {
            month = mo; year = (int)a.Number; return me;
        }
        return -1;
    }

    /// <summary>"maintenant" at <paramref name="k"/>: the publication day, as "aujourd'hui"; only read as a range's second end
    /// ("entre le 22 janvier et maintenant"), since alone it is vague.</summary>
    public int Now(int k, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Shift);
        if (!WordIs(k, "maintenant")) return -1;
        m.Grain = Grain.Day; m.Shift = 0; m.Reference = Reference.Document;
        return k + 1;
    }

    /// <summary>"hier", "aujourd'hui", "la veille", "la semaine dernière", "l'an prochain", "cette année", "ce mois-ci", "la même année".</summary>
    private int Relative(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Shift);
        int j = i;
        if (j < p.Length && p[j].Has(K.RelativeDay, out var rd))
        {
            // "la culture de demain", "les chefs d'hier à aujourd'hui": an era, not a day
            if (rd.Value != 0 && j > 0 && p[j - 1].Has(K.Of) && !(j + 1 < p.Length && p[j + 1].Has(K.DayPart)) && !WordIs(j - 2, "partir") && !WordIs(j - 2, "compter")) return -1;
            m.Grain = Grain.Day; m.Shift = (int)rd.Value; m.Reference = Reference.Document;
            int k = j + 1;
            if (k < p.Length && p[k].Has(K.DayPart, out var dp)) { m.DayPart = dp.Code; k++; }
            return k;
        }
        // "avant hier", "après demain" written in two words
        if ((Is(j, K.Before) && WordIs(j + 1, "hier")) || (Is(j, K.After) && WordIs(j + 1, "demain")))
        {
            m.Grain = Grain.Day; m.Shift = Is(j, K.Before) ? -2 : 2; m.Reference = Reference.Document;
            return j + 2;
        }
        if (j < p.Length && p[j].Has(K.AnchoredDay, out var bare) && (i == 0 || !p[i - 1].Has(K.Of)))
        {
            m.Grain = Grain.Day; m.Shift = (int)bare.Value; m.Reference = Reference.Narrative;
            return j + 1;
        }
        bool article = false, demonstrative = false;
        if (Is(j, K.Article) && !WordIs(j, "les")) { article = true; j++; }
        else if (Is(j, K.Demonstrative) && !WordIs(j, "ces")) { demonstrative = true; j++; }
        else if (WordIs(j, "au") || WordIs(j, "du")) { article = true; j++; }
        if (article && j < p.Length && p[j].Has(K.AnchoredDay, out var ad))
        {
            // "le lendemain de Noël", "la veille du 3 mars": from that date, one expression
            if (Is(j + 1, K.Of) && j + 2 < p.Length)
            {
                int e = Calendar(j + 2, out var anchor);
                if (e < 0 || anchor.Grain != Grain.Day) e = HolidayAt(j + 2, out anchor);
                if (e > 0 && anchor.Grain == Grain.Day && anchor.Container == Grain.None)
                {
                    m = anchor;
                    m.DayOffset += (int)ad.Value;
                    return e;
                }
            }
            m.Grain = Grain.Day; m.Shift = (int)ad.Value; m.Reference = Reference.Narrative;
            return j + 1;
        }
        // "ce matin", "cet après-midi", "ce soir", "cette nuit": a part of the publication day
        if (demonstrative && j < p.Length && p[j].Has(K.DayPart, out var todayPart) && (WordIs(j, "matin") || WordIs(j, "après-midi") || WordIs(j, "apres-midi") || WordIs(j, "soir") || WordIs(j, "nuit"))) // "cette soirée" is often the event
        {
            m.Grain = Grain.Day; m.Shift = 0; m.Reference = Reference.Document; m.DayPart = todayPart.Code;
            return j + 1;
        }
        // "la même année", "le même jour"
        if (article && Is(j, K.Same) && j + 1 < p.Length && p[j + 1].Has(K.Unit, out var su) && !su.Abbreviation)
        {
            if (!SetGrain(ref m, su)) return -1;
            m.Reference = Reference.Narrative; m.Shift = 0;
            return j + 2;
        }
        // "la prochaine semaine", "le mois prochain" written the other way round
        // (only "prochain": "ces dernières années" is vague, and plurals are no single period)
        if (Is(j, K.Next) && text[p[j].End - 1] != 's' && j + 1 < p.Length && p[j + 1].Has(K.Unit, out var before) && !before.Abbreviation && SetGrain(ref m, before) && m.Grain != Grain.Day)
        {
            m.Shift = 1;
            return j + 2;
        }
        if (!article && !demonstrative) return -1;
        if (j >= p.Length) return -1;
        bool weekend = p[j].Has(K.Weekend);
        if (!weekend && !(p[j].Has(K.Unit, out var unit) && !unit.Abbreviation && SetGrain(ref m, unit))) return -1;
        if (weekend) m.Grain = Grain.Weekend;
        int end = j + 1;
        // "le jour même", "ce jour-là"
        if (Is(end, K.Same)) { m.Reference = Reference.Narrative; m.Shift = 0; return end + 1; }
        // "la semaine qui vient", "le mois à venir": the next one; "l'année d'après", "le mois d'avant": from the narrative date
        if (WordIs(end, "qui") && WordIs(end + 1, "vient") || (WordIs(end, "à") || WordIs(end, "a")) && WordIs(end + 1, "venir")) { m.Shift = 1; return end + 2; }
        if (WordIs(end, "d'") && (WordIs(end + 1, "après") || WordIs(end + 1, "avant")) && AtEnd(end + 2))
        {
            m.Shift = WordIs(end + 1, "après") ? 1 : -1; m.Reference = Reference.Narrative;
            return end + 2;
        }
        if (Is(end, K.This, 1)) { m.Reference = Reference.Narrative; m.Shift = 0; return end + 1; }
        if (Is(end, K.Last)) { m.Shift = -1; return end + 1; }
        if (Is(end, K.Next)) { m.Shift = 1; return end + 1; }
        if (Is(end, K.Previous)) { m.Shift = -1; m.Reference = Reference.Narrative; return end + 1; }
        if (Is(end, K.Following)) { m.Shift = 1; m.Reference = Reference.Narrative; return end + 1; }
        if (Is(end, K.This, 0) || Is(end, K.Ongoing)) { m.Shift = 0; return end + 1; }
        if (Is(end, K.In) && Is(end + 1, K.Ongoing)) { m.Shift = 0; return end + 2; }
        if (weekend) { m.Shift = 0; return end; } // "le week-end", "ce week-end"
        if (demonstrative)
        {
            if (m.Grain == Grain.Day && !WordIs(j, "jour")) return -1; // "cette nuit" is a day part, "cette journée" is vague
            m.Shift = 0;
            return end;
        }
        return -1;
    }

    /// <summary>"dans la nuit de mercredi à jeudi", "la nuit du 3 au 4 mars": the night that starts on the first day.</summary>
    private int NightOf(int i, out Meaning m)
    {
        m = default;
        int j = i;
        if (WordIs(j, "dans") || WordIs(j, "pendant") || WordIs(j, "durant")) j++;
        if (!(WordIs(j, "la") && WordIs(j + 1, "nuit") && (WordIs(j + 2, "de") || WordIs(j + 2, "du")))) return -1;
        int a = j + 3;
        int aEnd = Calendar(a, out var first);
        if (aEnd < 0 || first.Grain != Grain.Day) return -1;
        if (!(WordIs(aEnd, "à") || WordIs(aEnd, "au") || WordIs(aEnd, "a"))) return -1;
        int bEnd = Calendar(aEnd + 1, out var second);
        if (bEnd < 0 || second.Grain != Grain.Day) return -1;
        m = first;
        if (m.Month == 0 && second.Month > 0 && m.Day > 0) m.Month = second.Month;
        if (m.Year == 0 && second.Year > 0) m.Year = second.Year;
        m.DayPart = "NI";
        return bEnd;
    }

    /// <summary>"le reste de la semaine", "le reste du mois", "le reste de l'année": from the DCT to the end of that unit.</summary>
    private int RestOf(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Shift);
        int j = i;
        if (Is(j, K.Article) && !WordIs(j, "les") || WordIs(j, "au")) j++;
        if (!Is(j, K.Rest)) return -1;
        j++;
        if (Is(j, K.Of)) j++;
        if (Is(j, K.Article) || Is(j, K.Demonstrative) || IsPossessive(j)) j++;
        if (j >= p.Length || !p[j].Has(K.Unit, out var unit) || unit.Abbreviation || !SetGrain(ref m, unit) || m.Grain is Grain.Day) return -1;
        j++;
        if (Is(j, K.In) && Is(j + 1, K.Ongoing)) j += 2;
        else if (Is(j, K.This, 0) || Is(j, K.Ongoing)) j++;
        m.RangeToReference = true;
        return j;
    }

    /// <summary>"la troisième semaine de 2027", "la première semaine d'octobre", "la dernière semaine de juillet",
    /// "la semaine 31", "la semaine du 15 septembre", "le mois du 15 septembre".</summary>
    private int NthWeek(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Calendar);
        int j = i;
        if (Is(j, K.Article) && !WordIs(j, "les")) j++;
        // "le week-end du 16 février": the weekend holding that date
        if (j < p.Length && p[j].Has(K.Weekend) && WordIs(j + 1, "du") && Calendar(j + 2, out var held) is int he && he > 0 && held.Grain == Grain.Day && held.Month > 0 && held.Container == Grain.None)
        {
            m = held;
            m.Container = Grain.Weekend;
            return he;
        }
        if (IsUnit(j, TimeUnit.Week) || IsUnit(j, TimeUnit.Month))
        {
            bool week = IsUnit(j, TimeUnit.Week);
            // "la semaine 31", "semaine 12 de 2020": an ISO week number
            if (week && j + 1 < p.Length && p[j + 1].IsInteger(1, 53) && p[j + 1].Digits <= 2 && !Is(j + 2, K.Month))
            {
                m.Grain = Grain.Week; m.Rank = (int)p[j + 1].Number;
                int e = j + 2;
                if (IsYear(e, true)) { m.Year = (int)p[e].Number; e++; }
                else if (Is(e, K.Of) && IsYear(e + 1, true)) { m.Year = (int)p[e + 1].Number; e += 2; }
                return e;
            }
            // "la semaine du 15 septembre", "la semaine commençant le 4 février"
            int d = j + 1;
            if (WordIs(d, "du") || WordIs(d, "de") && week) d++;
            else if ((WordIs(d, "commençant") || WordIs(d, "commencant")) && WordIs(d + 1, "le")) d += 2;
            else return -1;
            int end = Calendar(d, out var inner);
            // "la semaine du 18": a day of the month the text is in
            if (end < 0 && week && WordIs(d - 1, "du") && DayNumber(d, out int dom) is int de && de > 0 && p[d].Figure == Figure.Integer && AtEnd(de))
            {
                inner = Meaning.Create(MeaningKind.Calendar);
                inner.Day = dom; inner.Grain = Grain.Day; inner.DayOfCurrentMonth = true;
                end = de;
            }
            else if (end < 0 || inner.Grain != Grain.Day || inner.Month == 0) return -1;
            m = inner;
            m.Container = week ? Grain.Week : Grain.Month;
            return end;
        }
        int rank = j < p.Length && p[j].Figure == Figure.Ordinal ? (int)p[j].Number : j < p.Length && p[j].Has(K.Ordinal, out var ow) ? (int)ow.Value : 0;
        if (rank == 0 || rank > 53 || !IsUnit(j + 1, TimeUnit.Week)) return -1;
        int k = j + 2;
        if (!Is(k, K.Of)) return -1;
        k++;
        m.Grain = Grain.Week; m.Rank = rank;
        if (IsYear(k, true)) { m.Year = (int)p[k].Number; return k + 1; }
        if (YearWords(k, false, out int wy) is int we && we > 0) { m.Year = wy; return we; }
        int me = MonthAt(k, out int month, true);
        if (me > 0)
        {
            if (rank > 5) return -1;
            m.Month = month;
            if (IsYear(me, true)) { m.Year = (int)p[me].Number; me++; }
            return me;
        }
        int oy = OfYear(k - 1, ref m);
        if (oy > k - 1) return oy;
        if (Is(k, K.Demonstrative) && IsUnit(k + 1, TimeUnit.Month)) { m.MonthShift = 0; return k + 2; }
        return -1;
    }

    private static bool SetGrain(ref Meaning m, TimeWord unit)
    {
        switch (unit.Unit)
        {
            case TimeUnit.Day when unit.Value == 1: m.Grain = Grain.Day; return true;
            case TimeUnit.Week when unit.Value == 1: m.Grain = Grain.Week; return true;
            case TimeUnit.Month when unit.Value == 1: m.Grain = Grain.Month; return true;
            case TimeUnit.Month when unit.Value == 3: m.Grain = Grain.Quarter; return true;
            case TimeUnit.Month when unit.Value == 6: m.Grain = Grain.Half; return true;
            case TimeUnit.Year when unit.Value == 1: m.Grain = Grain.Year; return true;
            case TimeUnit.Year when unit.Value == 10: m.Grain = Grain.Decade; return true;
            default: return false;
        }
    }

    /// <summary>A length: "trois ans", "un mois et demi", "une quinzaine de jours"; with "il y a", "dans", "plus tard" an offset.</summary>
    private int DurationOrOffset(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Duration);
        if (HoursClock(i, out _, out _) > 0) return -1; // "à 20 heures", "entre 14 h et 16 h": clock times
        if (i > 0 && p[i].Joined && p[i].Has(K.Cardinal) && p[i - 1].Has(K.Cardinal)) return -1; // "dix-huit ans": not from "huit"
        int j = i;
        int sign = 0;
        var reference = Reference.Document;
        if (WordIs(j, "il") && WordIs(j + 1, "y") && (WordIs(j + 2, "a") || WordIs(j + 2, "avait"))) { j += 3; sign = -1; if (WordIs(j - 1, "avait")) reference = Reference.Narrative; }
        else if (WordIs(j, "y") && WordIs(j + 1, "a") && !WordIs(j - 1, "il") && !WordIs(j - 1, "n'") && j + 2 < p.Length && p[j + 2].NextStrong <= j + 5) { j += 2; sign = -1; } // "y a trois jours" (spoken)
        else if (Is(j, K.Within) && !Is(j + 1, K.Article)) { j++; sign = 1; }
        else if (Is(j, K.Of) && Is(j + 1, K.Here)) { j += 2; sign = 1; if (WordIs(j, "à") || WordIs(j, "a")) j++; }
        else if (Is(j, K.Since) || Is(j, K.During) && !WordIs(j, "lors") || Is(j, K.Voila)) j++;
        else if (Is(j, K.Demonstrative) && WordIs(j, "ces")) j++;
        else if (WordIs(j, "en") || WordIs(j, "sur")) { /* "en 4 ans", "sur vingt ans": the preposition stays outside */ }
        int start = j;
        if (j > i && HoursClock(j, out _, out _) > 0) return -1; // "dès 22 heures"
        // "les trois derniers jours", "ces dix dernières années", "les 3 prochains mois"
        int r = j;
        if (sign == 0 && (WordIs(i, "les") || WordIs(i, "ces") || WordIs(i, "des")) && r == i) r++;
        else if (sign == 0 && Is(i, K.During) && (WordIs(i + 1, "les") || WordIs(i + 1, "ces"))) r = i + 2;
        // "toute la journée", "tout le mois", "l'année entière": one whole unit
        {
            int w = j;
            bool whole = Is(w, K.Whole) && !WordIs(w, "entier") && !WordIs(w, "entière");
            if (whole) w++;
            // "un plein mois", "une pleine journée"
            if (!whole && (WordIs(w, "un") || WordIs(w, "une")) && (WordIs(w + 1, "plein") || WordIs(w + 1, "pleine")) && w + 2 < p.Length && p[w + 2].Has(K.Unit, out var fu) && !fu.Abbreviation)
            {
                m.Length.Add(fu.Unit, fu.Value);
                return w + 3;
            }
            if (Is(w, K.Article) && !WordIs(w, "les") && w + 1 < p.Length && p[w + 1].Has(K.Unit, out var wu) && !wu.Abbreviation
                && (whole || Is(w + 2, K.Whole) && (WordIs(w + 2, "entier") || WordIs(w + 2, "entière") || WordIs(w + 2, "entiere"))))
            {
                m.Length.Add(wu.Unit, wu.Value);
                return whole ? w + 2 : w + 3;
            }
        }
        if (j < p.Length && p[j].Figure == Figure.Clock && !text.AsSpan(p[j].Start, p[j].End - p[j].Start).Contains(':')
            && (p[j].B == 0 && (j > i || Is(i - 1, K.Over) || Is(i - 1, K.During)) || (Is(i - 1, K.During) || Is(i - 1, K.Over) || WordIs(i - 1, "en")) && j == i))
        {
            m.Length.Add(TimeUnit.Hour, p[j].A); // "pendant 3h", "il y a 2h", "en 1h30"
            m.Length.Add(TimeUnit.Minute, p[j].B);
            if (sign != 0) { m.Kind = MeaningKind.Offset; m.Sign = sign; m.Reference = reference; }
            return j + 1;
        }
        bool ranged = false;
        if (sign == 0 && (Is(j, K.Last) || Is(j, K.Next)) && !WordIs(j, "passé") && !WordIs(j, "passée") && !WordIs(j, "passés") && !WordIs(j, "passées") // "a passé 15 ans"
            && j + 1 < p.Length && p[j + 1].Figure == Figure.Integer && !p[j + 1].IsInteger(1900, 2100))
        {
            ranged = true; m.Sign = Is(j, K.Last) ? -1 : 1; j++; // "dernières 3 semaines"
        }
        // "dans une quinzaine", "il y a une huitaine": about fifteen (eight) days, without "de jours" (the two
        // approximate counts of time-numbers.tsv that French uses for days alone)
        if (sign != 0 && WordIs(j, "une") && j + 1 < p.Length && p[j + 1].Has(K.Approximate, out var about) && about.Value is 8 or 15 && !Is(j + 2, K.Of))
        {
            m.Length.Add(TimeUnit.Day, (int)about.Value);
            m.Approximate = true;
            m.Kind = MeaningKind.Offset; m.Sign = sign; m.Reference = reference;
            return j + 2;
        }
        int qe = Quantity(j, out double amount, out bool vague, out bool approximate);
        if (qe < 0 && r > j) qe = Quantity(r, out amount, out vague, out approximate);
        if (qe < 0) return -1;
        int k = qe;
        if (!ranged && (Is(k, K.Last) || Is(k, K.Next) || Is(k, K.Previous) || Is(k, K.Following))) { ranged = true; m.Sign = Is(k, K.Last) || Is(k, K.Previous) ? -1 : 1; k++; }
        if (k >= p.Length || !p[k].Has(K.Unit, out var unit)) return -1;
        if (unit.Abbreviation && !(p[qe - 1].Figure is Figure.Integer or Figure.Decimal) && p[k].End - p[k].Start < 3) return -1;
        if (unit.Unit == TimeUnit.Hour && unit.Abbreviation && k + 1 < p.Length && p[k + 1].IsInteger(0, 59)) return -1; // "17 h 30" is a clock time
        m.Length.Add(unit.Unit, amount * unit.Value);
        k++;
        if (unit.Unit == TimeUnit.Day && Is(k, K.Working)) k++; // "deux jours ouvrés" (counted as days)
        // "1 heure 30": the minutes after the hours
        if (unit.Unit == TimeUnit.Hour && !unit.Abbreviation && k < p.Length && p[k].IsInteger(1, 59) && p[k].Digits == 2 && (AtEnd(k + 1) || !p[k + 1].Has(K.Unit) && !p[k + 1].Has(K.CountNoun) && !Is(k + 1, K.Of)))
        {
            m.Length.Add(TimeUnit.Minute, p[k].Number);
            k++;
        }
        if (amount == 1 && (WordIs(k, "entier") || WordIs(k, "entière") || WordIs(k, "entiere"))) k++; // "une année entière"
        if (ranged && (Is(k, K.Last) || Is(k, K.Next))) k++;
        else if (!ranged && r > start && (Is(k, K.Last) || Is(k, K.Next) || Is(k, K.Previous) || Is(k, K.Following)))
        {
            ranged = true; m.Sign = Is(k, K.Last) || Is(k, K.Previous) ? -1 : 1; k++; // "les 3 semaines passées", "les trois jours suivants"
        }
        // "et demi", "et quart", "et 21 jours", "plus d'un mois"
        while (k + 1 < p.Length && (Is(k, K.And) && WordIs(k, "et") || Is(k, K.More, 1) && Is(k + 1, K.Of) || IsPunct(k, ',') && Quantity(k + 1, out _, out _, out _) is int cq && cq > 0 && cq < p.Length && p[cq].Has(K.Unit)))
        {
            int n = Is(k, K.More) ? k + 2 : k + 1;
            if (Is(n, K.Half, out double half) && !p[n].Has(K.Cardinal))
            {
                m.Length.Add(unit.Unit, half * unit.Value);
                approximate |= half != 0.5;
                k = n + 1;
                continue;
            }
            int q2 = Quantity(n, out double a2, out bool v2, out _);
            if (q2 > 0 && q2 < p.Length && p[q2].Has(K.Unit, out var u2) && (!u2.Abbreviation || p[q2 - 1].Figure == Figure.Integer))
            {
                m.Length.Add(u2.Unit, a2 * u2.Value);
                vague |= v2;
                k = q2 + 1;
                continue;
            }
            break;
        }
        // "4 semaines dans le futur", "deux ans dans le passé": the length that runs on from (back to) the reference
        if (!ranged && sign == 0 && start == i && k + 2 < p.Length && WordIs(k, "dans") && (WordIs(k + 1, "le") && (WordIs(k + 2, "futur") || WordIs(k + 2, "passé")) || WordIs(k + 1, "l'") && WordIs(k + 2, "avenir")))
        {
            ranged = true; m.Sign = WordIs(k + 2, "passé") ? -1 : 1; k += 3;
        }
        m.Vague = vague;
        m.Approximate = approximate;
        if (ranged)
        {
            m.RangeToReference = true;
            return k;
        }
        // "deux jours après aujourd'hui", "plus de 2 jours avant hier", "trois semaines à partir de demain", "dans 2 semaines à
        // compter d'aujourd'hui": counted from a day named relative to the publication date, one expression
        int anchored = AnchorTail(k, out int anchorDays, out int anchorSign);
        if (anchored > 0 && reference == Reference.Document && (sign == 0 || anchorSign == 0 || anchorSign == sign))
        {
            m.Kind = MeaningKind.Offset; m.Sign = sign != 0 ? sign : anchorSign == 0 ? 1 : anchorSign; m.Reference = Reference.Document; m.AnchorDays = anchorDays;
            return anchored;
        }
        if (sign != 0)
        {
            m.Kind = MeaningKind.Offset; m.Sign = sign; m.Reference = reference;
            if (sign > 0 && Is(k, K.More, 1) && Is(k + 1, K.Later, 1)) k += 2; // "d'ici deux ans plus tard"
            return k;
        }
        // "trois jours plus tard", "six mois après", "deux ans auparavant", "un an plus tôt"
        if (Is(k, K.More, 1) && Is(k + 1, K.Later)) { m.Kind = MeaningKind.Offset; m.Sign = p[k + 1].Has(K.Later, 1) ? 1 : -1; m.Reference = Reference.Narrative; return k + 2; }
        if (Is(k, K.Later, -1) && WordIs(k, "auparavant")) { m.Kind = MeaningKind.Offset; m.Sign = -1; m.Reference = Reference.Narrative; return k + 1; }
        // "six mois après", "six mois après cette histoire": from the date the text is talking about;
        // "quelques jours après le 18 février": from that date; "deux ans après l'élection de …": an unknown event, a length
        if ((Is(k, K.After) || Is(k, K.Before)) && start == i && !Is(k + 1, K.Of))
        {
            bool anaphoric = AtEnd(k + 1) || Is(k + 1, K.Demonstrative) || !(Is(k + 1, K.Article) || IsPossessive(k + 1));
            bool dated = Calendar(k + 1, out _) > 0 || MonthOrYear(k + 1, out _) > 0 || Relative(k + 1, out _) > 0;
            if (anaphoric || dated)
            {
                m.Kind = MeaningKind.Offset; m.Sign = Is(k, K.After) ? 1 : -1; m.Reference = Reference.Narrative;
                m.FromNext = dated;
                return k + 1;
            }
        }
        if (vague) return -1; // "quelques heures": vague, left out
        // "une semaine de plus", "deux ans de moins": the length added or taken away, one expression
        if (start == i && WordIs(k, "de") && (WordIs(k + 1, "plus") || WordIs(k + 1, "moins")) && !Is(k + 2, K.Of)) return k + 2;
        // an age is no time: "âgé de 45 ans", "Jean Dupont, 45 ans, ...", "(45 ans)"
        if (start == i && unit.Unit == TimeUnit.Year && unit.Value == 1 && k == qe + 1
            && (Is(i - 1, K.Of) && Is(i - 2, K.Age) || (IsPunct(i - 1, ',') || IsPunct(i - 1, '(')) && (IsPunct(k, ',') || IsPunct(k, ')'))))
            return -1;
        // "un jour" is "one day" (someday) as often as a length; "une nuit" likewise
        if (start == i && amount == 1 && (unit.Unit == TimeUnit.Day) && k == qe + 1 && (WordIs(qe - 1, "un") || WordIs(qe - 1, "une")) && !Is(i - 1, K.In) && !Is(i - 1, K.During) && !Is(i - 1, K.Over)) return -1;
        return k;
    }

    /// <summary>"après aujourd'hui", "avant hier", "à partir de demain", "à compter de maintenant" after a length: the end, the
    /// anchor's days from the publication date and the direction (0 for "à partir de": the length's own), or -1.</summary>
    private int AnchorTail(int k, out int days, out int sign)
    {
        days = 0; sign = 0;
        if ((Is(k, K.After) || Is(k, K.Before)) && k + 1 < p.Length && p[k + 1].Has(K.RelativeDay, out var rd) && !(k + 2 < p.Length && p[k + 2].Has(K.DayPart)))
        {
            days = (int)rd.Value; sign = Is(k, K.After) ? 1 : -1;
            return k + 2;
        }
        if ((WordIs(k, "à") || WordIs(k, "a")) && (WordIs(k + 1, "partir") || WordIs(k + 1, "compter")) && Is(k + 2, K.Of))
        {
            if (k + 3 < p.Length && p[k + 3].Has(K.RelativeDay, out var from)) { days = (int)from.Value; return k + 4; }
            if (WordIs(k + 3, "maintenant")) return k + 4;
        }
        return -1;
    }

    /// <summary>Quarters and halves: "au premier trimestre", "le troisième trimestre 2016", "T1 2020", "H2 2016", "le second semestre".</summary>
    private int Period(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Calendar);
        // "2016 le troisième trimestre": the year first
        if (i + 2 < p.Length && p[i].Figure == Figure.Integer && p[i].Digits == 4 && p[i].Number is >= 1900 and <= 2100 && WordIs(i + 1, "le")
            && Period(i + 1, out var inner) is int ie && ie > 0 && inner.Year == 0 && inner.YearShift is null && inner.Heading == Heading.ByTense && inner.Position == 0)
        {
            m = inner;
            m.Year = (int)p[i].Number;
            return ie;
        }
        int j = i;
        if (Is(j, K.Position) && (Is(j + 1, K.Of) || p[j].Has(K.Position, 3) || p[j].Has(K.Position, 1))) { m.Position = p[j].Has(K.Position, out var pw) ? (int)pw.Value : 0; j++; if (Is(j, K.Of)) j++; }
        if (Is(j, K.Article) || Is(j, K.Demonstrative) && !WordIs(j, "ces")) j++;
        int n = 0;
        int k;
        if (j < p.Length && p[j].Figure == Figure.Part)
        {
            if (p[j].A > 0) { m.Grain = Grain.Quarter; m.Part = p[j].A; } else { m.Grain = Grain.Half; m.Part = p[j].B; }
            k = j + 1;
            if (IsYear(k, true)) { m.Year = (int)p[k].Number; return k + 1; }
            return -1;
        }
        if (j < p.Length && p[j].Figure == Figure.Integer && p[j].Digits == 4 && j + 1 < p.Length && p[j + 1].Figure == Figure.Part)
        {
            m.Year = (int)p[j].Number;
            if (p[j + 1].A > 0) { m.Grain = Grain.Quarter; m.Part = p[j + 1].A; } else { m.Grain = Grain.Half; m.Part = p[j + 1].B; }
            return j + 2;
        }
        if (j < p.Length && p[j].Figure == Figure.Ordinal) n = (int)p[j].Number;
        else if (j < p.Length && p[j].Has(K.Ordinal, out var ow)) n = (int)ow.Value;
        // "le troisième quart de 2016": a quarter, only with its year ("le dernier quart d'heure" is none)
        bool quart = WordIs(j + 1, "quart") || WordIs(j + 1, "quarts");
        TimeWord unit = default;
        if (n == 0 || j + 1 >= p.Length || !quart && (!p[j + 1].Has(K.Unit, out unit) || unit.Unit != TimeUnit.Month || unit.Value is not (3 or 6))) return -1;
        m.Grain = quart || unit.Value == 3 ? Grain.Quarter : Grain.Half;
        if (n == -1) n = m.Grain == Grain.Quarter ? 4 : 2;
        if (n < 1 || n > (m.Grain == Grain.Quarter ? 4 : 2)) return -1;
        m.Part = n;
        k = j + 2;
        if (Is(k, K.Of) && IsYear(k + 1, true)) { m.Year = (int)p[k + 1].Number; return k + 2; }
        if (IsYear(k, true)) { m.Year = (int)p[k].Number; return k + 1; }
        int oy = OfYear(k, ref m);
        if (oy > k) return oy;
        if (Is(k, K.Demonstrative) && IsUnit(k + 1, TimeUnit.Year)) { m.Heading = Heading.Current; return k + 2; }
        return quart ? -1 : k;
    }

    /// <summary>Named days: "Noël", "le lundi de Pâques", "l'Aïd el-Fitr 2024".</summary>
    private int HolidayAt(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Holiday);
        int j = i;
        if (Is(j, K.Article) || WordIs(j, "à") || Is(j, K.Demonstrative)) j++;
        // "le jour de la Saint-Patrick", "le jour de l'Aïd": the day named after the holiday ("jour de l'an" is an entry itself)
        if (WordIs(j, "jour") && Is(j + 1, K.Of) && !(j < p.Length && p[j].Holidays is not null && HolidayPhraseAt(j) > 0))
        {
            int h = Is(j + 2, K.Article) ? j + 3 : j + 2;
            if (h < p.Length && p[h].Holidays is not null) j = h;
        }
        if (j >= p.Length || p[j].Holidays is not { } candidates) return -1;
        foreach (var h in candidates)
        {
            int k = j;
            bool ok = true;
            foreach (var w in h.Words)
            {
                if (!WordIs(k, w)) { ok = false; break; }
                k++;
            }
            if (!ok) continue;
            m.Holiday = h; m.Grain = Grain.Day;
            if (IsYear(k, true)) { m.Year = (int)p[k].Number; k++; }
            // "la fête des pères de 2015", "Noël en 2010", "le Nouvel An de l'année prochaine"
            else if ((Is(k, K.Of) && !WordIs(k, "des") || WordIs(k, "en")) && IsYear(k + 1, true)) { m.Year = (int)p[k + 1].Number; k += 2; }
            else if (OfYear(k, ref m) is int oy && oy > k) k = oy;
            else k = Modifier(k, ref m);
            return k;
        }
        return -1;
    }

    // The end of a holiday phrase starting at k, or -1.
    private int HolidayPhraseAt(int k)
    {
        if (k >= p.Length || p[k].Holidays is not { } candidates) return -1;
        foreach (var h in candidates)
        {
            int e = k;
            bool ok = true;
            foreach (var w in h.Words)
            {
                if (!WordIs(e, w)) { ok = false; break; }
                e++;
            }
            if (ok) return e;
        }
        return -1;
    }

    /// <summary>A clock time alone: "15h30", "à 17 h", "vers 8h00".</summary>
    private int ClockAt(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Clock);
        // "à l'aube", "à midi", "au crépuscule": a part of the day the text is talking about ("à l'aube de la Révolution" is a figure)
        {
            // the span starts after the preposition, as "en 2019" → "2019": "l'aube", "crépuscule", "midi"
            // "vers midi", "dès minuit", "entre midi et deux", "de midi à 14 heures"
            bool noon = p[i].Has(K.DayPart) && (WordIs(i, "midi") || WordIs(i, "minuit"))
                && (WordIs(i - 1, "à") || WordIs(i - 1, "vers") || WordIs(i - 1, "dès") || WordIs(i - 1, "entre") || WordIs(i - 1, "de") && WordIs(i + 1, "à"));
            int d = WordIs(i - 1, "au") || noon ? i
                : (WordIs(i - 1, "à") || WordIs(i - 1, "a")) && Is(i, K.Article) && !WordIs(i, "les") ? i + 1 : -1;
            if (d > 0 && d < p.Length && p[d].Has(K.DayPart, out var alone) && (WordIs(d, "aube") || WordIs(d, "aurore") || WordIs(d, "crépuscule") || WordIs(d, "midi") || WordIs(d, "minuit"))
                && !Is(d + 1, K.Of) && !(d + 1 < p.Length && p[d + 1].Has(K.Unit)))
            {
                if (WordIs(d, "midi") || WordIs(d, "minuit")) { m.Hour = WordIs(d, "midi") ? 12 : 0; m.Minute = 0; }
                else m.DayPart = alone.Code;
                return d + 1;
            }
        }
        // "entre midi et deux": 14:00
        if (p[i].Has(K.Cardinal) && WordIs(i, "deux") && WordIs(i - 1, "et") && WordIs(i - 2, "midi") && WordIs(i - 3, "entre")) { m.Hour = 14; m.Minute = 0; return i + 1; }
        // "en fin de matinée", "en début d'après-midi", "en milieu de journée": a part of the day the text is talking about
        if (p[i].Has(K.Position) && WordIs(i - 1, "en") && Is(i, K.Position, out double where) && Is(i + 1, K.Of) && i + 2 < p.Length)
        {
            if (p[i + 2].Has(K.DayPart, out var inPart)) { m.DayPart = inPart.Code ?? "NI"; return i + 3; }
            if (WordIs(i + 2, "journée") || WordIs(i + 2, "journee")) { m.DayPart = where == 1 ? "MO" : where == 3 ? "EV" : "MI"; return i + 3; }
        }
        int end = ClockFigure(i, out int h, out int min);
        if (end < 0) end = HoursClock(i, out h, out min);
        if (end < 0) return -1;
        m.Hour = h; m.Minute = min;
        // "8 heures du soir", "3 h de l'après-midi"
        if (WordIs(end, "du") && (WordIs(end + 1, "soir") || WordIs(end + 1, "matin")) || WordIs(end, "de") && Is(end + 1, K.Article) && WordIs(end + 2, "après-midi"))
        {
            bool afternoon = !WordIs(end + 1, "matin");
            if (afternoon && m.Hour is >= 1 and < 12) m.Hour += 12;
            end += WordIs(end, "du") ? 2 : 3;
        }
        return end;
    }

    /// <summary>
    /// "à 20 heures", "vers 8 heures 30", "dès 7 heures", "entre 14 heures et 16 heures", "de 9 heures à 11 heures": hours
    /// written as a count that a preposition makes a clock time (end, or -1). "pendant 20 heures", "à 24 heures du scrutin",
    /// "à 10 heures de route", "35 heures par semaine", "une grève de 24 heures" stay lengths.
    /// </summary>
    private int HoursClock(int i, out int hour, out int minute)
    {
        hour = -1; minute = 0;
        if (i < 1 || i + 1 >= p.Length || !p[i].IsInteger(0, 24) || p[i].Digits > 2 || !p[i + 1].Has(K.Unit, out var u) || u.Unit != TimeUnit.Hour || u.Value != 1) return -1;
        int end = i + 2;
        if (end + 1 <= p.Length && end < p.Length && p[end].IsInteger(0, 59) && p[end].Digits == 2 && !(end + 1 < p.Length && p[end + 1].Has(K.Unit))) { minute = (int)p[end].Number; end++; }
        // what follows must not make it a length: "de route", "d'attente", "du scrutin", "par jour", "sur 24"
        if (WordIs(end, "de") && !(Is(end + 1, K.Article) && WordIs(end + 2, "après-midi")) || WordIs(end, "d'") || WordIs(end, "des") || WordIs(end, "par") || WordIs(end, "sur")
            || WordIs(end, "du") && !WordIs(end + 1, "matin") && !WordIs(end + 1, "soir") || Is(end, K.Later) || Is(end, K.More, 1) || Is(end, K.After) || Is(end, K.Before))
            return -1;
        // ("jusqu'à 4 heures" is as often a length, "une période allant jusqu'à 4 heures": left as it was)
        // ("pendant 4 à 12 heures" is a count range; "le 18 à 23 heures", "1996 à 23 heures" are a date and its hour)
        bool countRange = i >= 2 && (p[i - 2].Figure == Figure.Decimal || p[i - 2].IsInteger(0, 24) && p[i - 2].Digits <= 2)
            && !Is(i - 3, K.Article) && !Is(i - 3, K.Weekday) && !Is(i - 3, K.Month) && !Is(i - 3, K.Of);
        bool introduced = WordIs(i - 1, "à") && !Is(i - 2, K.Until) && !countRange || WordIs(i - 1, "vers") || WordIs(i - 1, "dès") || WordIs(i - 1, "entre");
        // the second end: "entre 14 heures et 16 heures", "de 9 heures à 11 heures" (the first end introduced or opened by "de")
        if (!introduced && (WordIs(i - 1, "et") || WordIs(i - 1, "à")) && i >= 3)
        {
            int f = i - 2;
            if (f >= 1 && p[f].IsInteger(0, 59) && p[f].Digits == 2 && p[f - 1].Has(K.Unit)) f--; // "14 heures 30 et"
            introduced = f >= 2 && p[f].Has(K.Unit, out var fu) && fu.Unit == TimeUnit.Hour && p[f - 1].IsInteger(0, 24) && (WordIs(f - 2, "entre") || WordIs(f - 2, "de"));
        }
        // the first end opened by "de": "de 9 heures à 11 heures"
        if (!introduced && WordIs(i - 1, "de") && WordIs(end, "à") && end + 2 < p.Length && p[end + 1].IsInteger(0, 24) && p[end + 2].Has(K.Unit, out var su) && su.Unit == TimeUnit.Hour)
            introduced = true;
        if (!introduced && WordIs(i - 1, "de") && WordIs(end, "à") && (WordIs(end + 1, "midi") || WordIs(end + 1, "minuit"))) introduced = true; // "de 9 h à midi"
        if (!introduced) return -1;
        hour = (int)p[i].Number;
        return end;
    }

    /// <summary>Recurrences: "chaque année", "tous les jours", "chaque lundi", "tous les deux ans".</summary>
    private int SetAt(int i, out Meaning m)
    {
        m = Meaning.Create(MeaningKind.Set);
        int j = i;
        double every = 1;
        if (WordIs(j, "chaque")) j++;
        else if (Is(j, K.Each, 1) && (WordIs(j + 1, "les") || WordIs(j + 1, "les"))) j += 2;
        else if (Is(j + 1, K.Weekdays) && WordIs(j, "les") && !Is(j + 2, K.Of)) j++; // "le musée ferme les lundis" ("les dimanches de l'Avent": no)
        else return -1;
        if (j < p.Length && p[j].Has(K.Weekdays, out var plural)) { m.Text = "XXXX-WXX-" + ((int)plural.Value).ToString(System.Globalization.CultureInfo.InvariantCulture); return j + 1; }
        int q = Quantity(j, out double amount, out bool vague, out _);
        if (q > 0 && !vague) { every = amount; j = q; }
        if (j >= p.Length) return -1;
        if (p[j].Has(K.Weekday, out var wd) && !wd.Abbreviation) { m.Text = "XXXX-WXX-" + ((int)wd.Value).ToString(System.Globalization.CultureInfo.InvariantCulture); return j + 1; }
        if (p[j].Has(K.Unit, out var unit) && !unit.Abbreviation)
        {
            var length = new Length();
            length.Add(unit.Unit, every * unit.Value);
            m.Text = length.ToString();
            return j + 1;
        }
        if (p[j].Has(K.Month, out var mw) && !mw.Abbreviation) { m.Text = "XXXX-" + ((int)mw.Value).ToString("00", System.Globalization.CultureInfo.InvariantCulture); return j + 1; }
        return -1;
    }
}
