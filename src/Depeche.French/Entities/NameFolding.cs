namespace Depeche.French.Entities;

/// <summary>
/// Folds a word for gazetteer lookup: lower case, accents stripped, typographic apostrophes made straight, ligatures
/// opened ("Chœur" → "choeur", "États-Unis" → "etats-unis", "Ryad" → "ryad"). Pure and thread-safe.
/// </summary>
public static class NameFolding
{
    /// <summary>Longest folded form: a ligature becomes two letters, so at most twice the input.</summary>
    public static int MaxLength(int length) => length * 2;

    /// <summary>Writes the folded form of <paramref name="source"/> into <paramref name="destination"/>; returns its length.</summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        int n = 0;
        foreach (char c in source)
        {
            if (c < 128)
            {
                destination[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                continue;
            }
            switch (c)
            {
                case 'œ' or 'Œ': destination[n++] = 'o'; destination[n++] = 'e'; continue;
                case 'æ' or 'Æ': destination[n++] = 'a'; destination[n++] = 'e'; continue;
                case '\u2019' or '\u2018' or '\u02BC' or '\u00B4': destination[n++] = '\''; continue;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013': destination[n++] = '-'; continue;
            }
            destination[n++] = Strip(char.ToLowerInvariant(c));
        }
        return n;
    }

    /// <summary>The folded form as a string (for building tables and output, not for hot loops).</summary>
    public static string Fold(ReadOnlySpan<char> source)
    {
        Span<char> buffer = source.Length <= 128 ? stackalloc char[256] : new char[MaxLength(source.Length)];
        return new string(buffer[..Fold(source, buffer)]);
    }

    private static char Strip(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' => 'a',
        'ç' or 'ć' or 'č' or 'ĉ' => 'c',
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' or 'ě' => 'e',
        'ì' or 'í' or 'î' or 'ï' or 'ī' or 'ı' => 'i',
        'ñ' or 'ń' or 'ň' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => 'o',
        'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' => 'u',
        'ý' or 'ÿ' => 'y',
        'ś' or 'š' or 'ş' or 'ș' => 's',
        'ź' or 'ż' or 'ž' => 'z',
        'ğ' => 'g',
        'ł' => 'l',
        'ř' => 'r',
        'ţ' or 'ț' or 'ť' => 't',
        'ď' or 'đ' => 'd',
        _ => c,
    };
}
