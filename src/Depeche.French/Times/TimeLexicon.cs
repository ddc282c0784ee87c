using System.Collections.Frozen;
using Depeche.French.Resources;

namespace Depeche.French.Times;

/// <summary>What a word of a temporal expression is (one row of a <c>time-*.tsv</c> file).</summary>
public enum TimeWordKind : byte
{
    Month, Weekday, Unit, Cardinal, Ordinal, Approximate, Half,
    RelativeDay, AnchoredDay, DayPart, Season, Weekend, Last, Next, Previous, Following, Position, Few, More, Hedge, Later,
    Article, Demonstrative, Of, To, And, In, Since, During, Over, Within, Until, Here, Before, After, Toward, Between,
    There, Voila, Each, Same, This, Ongoing, Span, CountNoun, Whole, Rest, Age, Working, Weekdays,
}

/// <summary>Units of time, smallest first.</summary>
public enum TimeUnit : byte { Second, Minute, Hour, Day, Week, Month, Year }

/// <summary>One sense of a word: its kind, its value (a month number, a count, a day offset) and, for units, the unit.</summary>
/// <param name="Kind">What the word is.</param>
/// <param name="Value">Month or weekday number, count, day offset, or position code.</param>
/// <param name="Unit">For units: which unit (<paramref name="Value"/> counts how many).</param>
/// <param name="Code">A TIMEX3 code for day parts and seasons ("MO", "SU").</param>
/// <param name="Abbreviation">True for abbreviations that only count beside a number or a period ("sept", "mer").</param>
/// <param name="Cued">A month abbreviation that also stands alone after "en", "dans", "cette", "prochain" at the end of a clause ("en déc");
/// a weekday abbreviation that is no common word, so its period may end the sentence ("lun.", not "jeu.").</param>
public readonly record struct TimeWord(TimeWordKind Kind, double Value, TimeUnit Unit = TimeUnit.Day, string? Code = null, bool Abbreviation = false, bool Cued = false);

/// <summary>How a holiday's date is computed.</summary>
public enum HolidayRule : byte { Fixed, Easter, Hijri, NthWeekday }

/// <summary>A named day: its words (lower case, split like the text) and its rule (for NthWeekday: Month, Day = weekday, EasterOffset = rank).</summary>
public sealed record Holiday(string Phrase, string[] Words, HolidayRule Rule, int Month, int Day, int EasterOffset)
{
    /// <summary>NthWeekday: days after the nth weekday ("black friday": the day after the fourth Thursday of November).</summary>
    public int After { get; init; }

    /// <summary>NthWeekday: when the date falls this many days after Easter, <see cref="Instead"/> is taken (the fête des mères moves
    /// to the first Sunday of June when the last Sunday of May is Pentecost); null for none.</summary>
    public int? ClashEaster { get; init; }

    public (int Month, int Weekday, int Rank) Instead { get; init; }
}

/// <summary>
/// The vocabulary of French temporal expressions, read once from the embedded <c>time-*.tsv</c> files into frozen
/// tables. Keys are lower case; each accented entry also answers to its unaccented spelling ("fevrier", "aout") unless
/// that spelling is another entry ("a" is not "à", "des" is not "dès"). Thread-safe after construction.
/// </summary>
public sealed class TimeLexicon
{
    private static readonly Lazy<TimeLexicon> shared = new(() => new TimeLexicon());

    /// <summary>The lexicon built from the embedded files, on first use.</summary>
    public static TimeLexicon Default => shared.Value;

    /// <summary>The files this lexicon reads.</summary>
    public static readonly string[] Files = ["time-months.tsv", "time-weekdays.tsv", "time-units.tsv", "time-numbers.tsv", "time-words.tsv", "time-holidays.tsv"];

    private TimeLexicon()
    {
        // pieces keep their kinds as bits of a ulong
        if (Enum.GetValues<TimeWordKind>().Length > 64) throw new InvalidOperationException("TimeWordKind has more than 64 members.");
        var words = new Dictionary<string, List<TimeWord>>(StringComparer.Ordinal);
        void Add(string form, TimeWord word)
        {
            string key = form.ToLowerInvariant().Replace('\u2019', '\'');
            if (!words.TryGetValue(key, out var list)) words[key] = list = [];
            list.Add(word);
        }
        foreach (var (_, c) in Lexicon.Read("time-months.tsv", 2))
            Add(c[0], new TimeWord(TimeWordKind.Month, int.Parse(c[1]), Abbreviation: c.Length > 2 && c[2] is "yes" or "cue", Cued: c.Length > 2 && c[2] == "cue"));
        foreach (var (_, c) in Lexicon.Read("time-weekdays.tsv", 2))
            Add(c[0], new TimeWord(TimeWordKind.Weekday, int.Parse(c[1]), Abbreviation: c.Length > 2 && c[2] is "yes" or "word", Cued: c.Length > 2 && c[2] == "yes"));
        foreach (var (line, c) in Lexicon.Read("time-units.tsv", 3))
            Add(c[0], new TimeWord(TimeWordKind.Unit, int.Parse(c[2]), Parse<TimeUnit>(c[1], "time-units.tsv", line), Abbreviation: c.Length > 3 && c[3] == "yes"));
        foreach (var (line, c) in Lexicon.Read("time-numbers.tsv", 3))
            Add(c[0], new TimeWord(Parse<TimeWordKind>(c[2], "time-numbers.tsv", line), double.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var (line, c) in Lexicon.Read("time-words.tsv", 3))
        {
            var kind = Parse<TimeWordKind>(c[1], "time-words.tsv", line);
            bool numeric = double.TryParse(c[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value);
            Add(c[0], new TimeWord(kind, numeric ? value : 0, Code: numeric ? null : c[2]));
        }
        // unaccented spellings, unless that spelling is an entry of its own
        foreach (var key in words.Keys.ToArray())
        {
            string plain = StripAccents(key);
            if (plain != key && !words.ContainsKey(plain)) words[plain] = words[key];
        }
        Words = words.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

        var holidays = new List<Holiday>();
        foreach (var (line, c) in Lexicon.Read("time-holidays.tsv", 3))
        {
            var rule = Parse<HolidayRule>(c[1], "time-holidays.tsv", line);
            int month = 0, day = 0, offset = 0, after = 0;
            int? clashEaster = null;
            (int, int, int) insteadOf = default;
            if (rule == HolidayRule.Easter) offset = int.Parse(c[2]);
            else if (rule == HolidayRule.NthWeekday)
            {
                // MM-W-N[+D]: month, weekday, rank (kept in Month, Day and EasterOffset), days after
                (month, day, offset) = NthWeekdayArgument(c[2], line);
                int plus = c[2].IndexOf('+');
                if (plus > 0) after = int.Parse(c[2].AsSpan(plus + 1));
                // fourth column "E:MM-W-N": on Easter + E days, that other nth weekday instead
                if (c.Length > 3 && c[3].Split(':', 2) is [var clash, var instead])
                {
                    clashEaster = int.Parse(clash);
                    insteadOf = NthWeekdayArgument(instead, line);
                }
            }
            else
            {
                var md = c[2].Split('-');
                if (md.Length != 2) throw new FormatException($"time-holidays.tsv:{line}: expected MM-DD, got '{c[2]}'.");
                month = int.Parse(md[0]);
                day = int.Parse(md[1]);
            }
            holidays.Add(new Holiday(c[0], SplitWords(c[0].ToLowerInvariant()), rule, month, day, offset) { After = after, ClashEaster = clashEaster, Instead = insteadOf });
            string plain = StripAccents(c[0].ToLowerInvariant());
            if (plain != c[0].ToLowerInvariant())
                holidays.Add(new Holiday(c[0], SplitWords(plain), rule, month, day, offset) { After = after, ClashEaster = clashEaster, Instead = insteadOf });
        }
        Holidays = holidays
            .GroupBy(h => h.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(h => h.Words.Length).ToArray(), StringComparer.Ordinal);
        HolidayLookup = Holidays.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every sense of every word form, by lower-case form.</summary>
    // "11-4-4", "05-7--1", "11-4-4+1": month, weekday (1 = Monday), rank (-1 = last); a "+D" suffix is read by the caller
    private static (int Month, int Weekday, int Rank) NthWeekdayArgument(string argument, int line)
    {
        int plus = argument.IndexOf('+');
        var parts = (plus > 0 ? argument[..plus] : argument).Split('-', 3);
        if (parts.Length != 3) throw new FormatException($"time-holidays.tsv:{line}: expected MM-W-N, got '{argument}'.");
        return (int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
    }

    public FrozenDictionary<string, TimeWord[]> Words { get; }

    /// <summary>Span lookup into <see cref="Words"/>.</summary>
    public FrozenDictionary<string, TimeWord[]>.AlternateLookup<ReadOnlySpan<char>> WordLookup { get; }

    /// <summary>Holidays by their first word, longest phrase first.</summary>
    public FrozenDictionary<string, Holiday[]> Holidays { get; }

    /// <summary>Span lookup into <see cref="Holidays"/>.</summary>
    public FrozenDictionary<string, Holiday[]>.AlternateLookup<ReadOnlySpan<char>> HolidayLookup { get; }

    /// <summary>Splits a phrase the way the tagger splits text into pieces: at spaces and hyphens, after apostrophes.</summary>
    public static string[] SplitWords(string phrase)
    {
        var parts = new List<string>();
        int start = 0;
        for (int i = 0; i <= phrase.Length; i++)
        {
            if (i == phrase.Length || phrase[i] is ' ' or '-')
            {
                if (i > start) parts.Add(phrase[start..i]);
                start = i + 1;
            }
            else if (phrase[i] is '\'' or '\u2019')
            {
                parts.Add(phrase[start..i] + "'");
                start = i + 1;
            }
        }
        return [.. parts];
    }

    internal static string StripAccents(string s)
    {
        Span<char> buffer = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        for (int i = 0; i < s.Length; i++) buffer[i] = Fold(s[i]);
        return new string(buffer);
    }

    /// <summary>A lower-case letter without its accent (é → e); other characters unchanged.</summary>
    internal static char Fold(char c) => c switch
    {
        'à' or 'â' or 'ä' => 'a',
        'ç' => 'c',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'î' or 'ï' => 'i',
        'ô' or 'ö' => 'o',
        'ù' or 'û' or 'ü' => 'u',
        'ÿ' => 'y',
        _ => c,
    };

    private static T Parse<T>(string text, string file, int line) where T : struct, Enum =>
        Enum.TryParse<T>(text, out var value) ? value : throw new FormatException($"{file}:{line}: unknown {typeof(T).Name} '{text}'.");
}
