using System.Globalization;
using System.Text;

namespace Depeche.Storage;

/// <summary>
/// French-aware folding for search and actor keys: lower case, accents dropped ("Élysée" → "elysee"), ligatures split
/// ("cœur" → "coeur"), typographic apostrophes made plain. The same folding runs on stored text and on queries, so
/// "elysee" finds "Élysée" on both backends whatever their own tokenizer does. Thread-safe (stateless).
/// </summary>
public static class TextFolding
{
    // what each character below U+3000 folds to, computed once: decomposing a character per occurrence would allocate
    // a string for every accented letter of every document
    private const int TableSize = 0x3000;
    private static readonly Lazy<string[]> table = new(BuildTable);

    private static string[] BuildTable()
    {
        var folded = new string[TableSize];
        for (int c = 0; c < TableSize; c++) folded[c] = FoldChar((char)c);
        return folded;
    }

    private static string FoldChar(char c)
    {
        if (c < 128) return char.ToLowerInvariant(c).ToString();
        switch (c)
        {
            case 'œ' or 'Œ': return "oe";
            case 'æ' or 'Æ': return "ae";
            case 'ß': return "ss";
            case '\u2019' or '\u2018' or '\u02BC': return "'";
            case '\u00A0' or '\u202F' or '\u2009': return " ";
        }
        if (char.IsSurrogate(c)) return c.ToString();
        // the base letter of a precomposed character ("é" = "e" + U+0301); combining marks alone vanish
        string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        char baseChar = decomposed[0];
        if (CharUnicodeInfo.GetUnicodeCategory(baseChar) == UnicodeCategory.NonSpacingMark) return "";
        return char.ToLowerInvariant(baseChar).ToString();
    }

    /// <summary>Folds <paramref name="text"/>; <paramref name="map"/> gives, per folded character, the index of the original one.</summary>
    public static string Fold(string text, out int[] map)
    {
        var folded = table.Value;
        var builder = new StringBuilder(text.Length + 8);
        var positions = new List<int>(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 128)
            {
                builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                positions.Add(i);
                continue;
            }
            string expansion = c < TableSize ? folded[c] : FoldChar(c);
            foreach (char e in expansion) { builder.Append(e); positions.Add(i); }
        }
        map = positions.ToArray();
        return builder.ToString();
    }

    /// <summary>Folds <paramref name="text"/> (see the type's summary).</summary>
    public static string Fold(string text)
    {
        var folded = table.Value;
        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c < 128) builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            else builder.Append(c < TableSize ? folded[c] : FoldChar(c));
        }
        return builder.ToString();
    }

    /// <summary>The key an actor code or name is matched by: folded, inner spaces collapsed, trimmed.</summary>
    public static string ActorKey(string actor)
    {
        var folded = Fold(actor.Trim());
        var builder = new StringBuilder(folded.Length);
        bool space = false;
        foreach (char c in folded)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Words of a query, folded: letters and digits, apostrophes and hyphens split words ("l'Élysée" → "l", "elysee").</summary>
    public static IReadOnlyList<string> QueryTerms(string query)
    {
        var folded = Fold(query);
        var terms = new List<string>();
        int start = -1;
        for (int i = 0; i <= folded.Length; i++)
        {
            bool word = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (word && start < 0) start = i;
            else if (!word && start >= 0) { terms.Add(folded[start..i]); start = -1; }
        }
        return terms;
    }

    /// <summary>
    /// A short excerpt of <paramref name="text"/> around the first place a term of <paramref name="terms"/> occurs
    /// (folded comparison), with the match in [brackets]; the start of the text when none occurs.
    /// </summary>
    public static string Snippet(string text, IReadOnlyList<string> terms, int width = 160)
    {
        var folded = Fold(text, out var map);
        int best = -1, bestLength = 0;
        foreach (var term in terms)
        {
            int at = 0;
            while ((at = folded.IndexOf(term, at, StringComparison.Ordinal)) >= 0)
            {
                bool startsWord = at == 0 || !char.IsLetterOrDigit(folded[at - 1]);
                bool endsWord = at + term.Length >= folded.Length || !char.IsLetterOrDigit(folded[at + term.Length]);
                if (startsWord && endsWord) break;
                at++;
            }
            if (at >= 0 && (best < 0 || at < best)) { best = at; bestLength = term.Length; }
        }
        if (best < 0) return Clean(text.Length <= width ? text : text[..width] + "…");
        int start = map[best], end = best + bestLength - 1 < map.Length ? map[best + bestLength - 1] + 1 : text.Length;
        int from = Math.Max(0, start - width / 2), to = Math.Min(text.Length, end + width / 2);
        return Clean((from > 0 ? "…" : "") + text[from..start] + "[" + text[start..end] + "]" + text[end..to] + (to < text.Length ? "…" : ""));
    }

    private static string Clean(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
}
