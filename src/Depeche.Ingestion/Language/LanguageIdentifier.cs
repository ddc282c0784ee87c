using System.Collections.Frozen;
using System.Reflection;

namespace Depeche.Ingestion.Language;

/// <summary>
/// Tells the language of a text from its function words (<c>Data/function-words.tsv</c>: fr, en, de, es, it, pt, nl) and,
/// for other scripts, from its letters (Cyrillic, Greek, Arabic, Hebrew, CJK, Hangul, Thai, Devanagari, Bengali).
/// Answers null when the text is too short or too mixed to say: a document is never called French by default.
/// Thread-safe: the word table is loaded once.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>Fewest function-word hits for a verdict: below this the text is a headline or a list, not prose.</summary>
    public const int MinHits = 4;
    /// <summary>
    /// The best language needs this share more than the second, hits weighted by how many languages share the word
    /// ("de" counts a quarter to each of French, Spanish, Portuguese and Dutch; "à" a whole to French).
    /// </summary>
    public const double MinLead = 1.5;
    /// <summary>
    /// Fewest hits of the best language per word read: prose in any of the table's languages has a function word in
    /// every two or three words; text with far fewer is a list of names, code, or mis-decoded bytes ("Ã", "à" and
    /// "a" alone among mojibake letters).
    /// </summary>
    public const double MinDensity = 0.1;
    /// <summary>Words read: the first few hundred words decide, whatever the length of the text.</summary>
    private const int MaxWords = 400;

    private static readonly Lazy<(string[] Languages, FrozenDictionary<string, int> Words)> table = new(Load);

    /// <summary>The ISO 639-1 code of <paramref name="text"/>'s language, or null when unsure.</summary>
    public static string? Identify(ReadOnlySpan<char> text)
    {
        var (languages, words) = table.Value;
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> hits = stackalloc int[languages.Length];
        Span<double> weighted = stackalloc double[languages.Length];
        Span<char> lower = stackalloc char[32];
        int latin = 0, other = 0, read = 0;
        Span<int> scripts = stackalloc int[Scripts.Length];
        int i = 0;
        while (i < text.Length && read < MaxWords)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '\'' or '’')) i++;
            var word = text[start..i];
            int script = ScriptOf(word[0]);
            if (script < 0) latin++;
            else { other++; scripts[script]++; }
            read++;
            if (script >= 0 || word.Length > lower.Length) continue;
            // an elided word counts with its apostrophe ("l'État" → "l'", "qu'il" → "qu'", "dell'anno" → "dell'")
            int cut = word.IndexOfAny('\'', '’');
            if (cut > 0) word = word[..(cut + 1)];
            var w = lower[..word.Length];
            word.ToLowerInvariant(w);
            if (cut > 0) w[cut] = '\'';
            if (lookup.TryGetValue(w, out int mask))
            {
                double share = 1.0 / int.PopCount(mask);
                for (int k = 0; k < languages.Length; k++)
                    if ((mask & (1 << k)) != 0) { hits[k]++; weighted[k] += share; }
            }
        }
        if (other > latin)
        {
            int best = 0;
            for (int k = 1; k < scripts.Length; k++) if (scripts[k] > scripts[best]) best = k;
            return Scripts[best].Language;
        }
        int first = -1, second = -1;
        for (int k = 0; k < weighted.Length; k++)
        {
            if (first < 0 || weighted[k] > weighted[first]) { second = first; first = k; }
            else if (second < 0 || weighted[k] > weighted[second]) second = k;
        }
        if (first < 0 || hits[first] < MinHits || hits[first] < MinDensity * latin) return null;
        if (second >= 0 && weighted[first] < weighted[second] * MinLead) return null;
        return languages[first];
    }

    // Unicode blocks that name a language (or a family: "zh" stands for Han text, Japanese kana give "ja")
    private static readonly (char From, char To, string? Language)[] Scripts =
    [
        ('\u0400', '\u04FF', "ru"), ('\u0370', '\u03FF', "el"), ('\u0600', '\u06FF', "ar"), ('\u0590', '\u05FF', "he"),
        ('\u3040', '\u30FF', "ja"), ('\u4E00', '\u9FFF', "zh"), ('\uAC00', '\uD7AF', "ko"), ('\u0E00', '\u0E7F', "th"),
        ('\u0900', '\u097F', "hi"), ('\u0980', '\u09FF', "bn"),
    ];

    private static int ScriptOf(char c)
    {
        if (c < '\u0370') return -1;
        for (int k = 0; k < Scripts.Length; k++)
            if (c >= Scripts[k].From && c <= Scripts[k].To) return k;
        return -1;
    }

    private static (string[], FrozenDictionary<string, int>) Load()
    {
        const string name = "function-words.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        var languages = new List<string>();
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0;
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length != 2 || cols[0].Length != 2) throw new InvalidDataException($"{name}:{lineNumber}: expected 'language<TAB>words'.");
            int bit = 1 << languages.Count;
            languages.Add(cols[0]);
            foreach (var w in cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                words[w] = words.GetValueOrDefault(w) | bit;
        }
        return (languages.ToArray(), words.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
