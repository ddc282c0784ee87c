using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using Depeche.French.Resources;
using Depeche.Pipeline;
using Depeche.Text;

namespace Depeche.French.Segmentation;

/// <summary>
/// Splits the normalised view into surface tokens following UD French conventions: elided words keep their
/// apostrophe ("l'", "jusqu'"), inversion pronouns are their own token ("a" "-t-il"), abbreviations keep their
/// period ("M.", "J.-C."), numbers keep their separators ("1 000", "3,2", "10/04/2025", "15h30"), and URLs,
/// e-mails and @handles stay whole. Token spans are in original offsets.
/// </summary>
/// <remarks>Immutable and thread-safe; the lexicons are read once at construction.</remarks>
public sealed class Tokenizer : IStage
{
    // Longest word kept as one token; a longer run of letters (binary junk, base64) is cut into pieces of this size.
    private const int MaxTokenLength = 256;

    private readonly FrozenDictionary<string, AbbreviationUse>.AlternateLookup<ReadOnlySpan<char>> abbreviations;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> elisions;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> apostropheWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> clitics;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> hyphenWords;
    // Beyond this many tokens, the per-thread scratch list is shrunk after use rather than kept.
    private const int MaxScratchTokens = 1 << 20;

    [ThreadStatic]
    private static List<Token>? scratch;

    private readonly string[] dottedAbbreviations;
    private readonly SearchValues<char> dottedStarts;

    public Tokenizer()
        : this(FrenchLexicons.Abbreviations, FrenchLexicons.Elisions, FrenchLexicons.ApostropheWords, FrenchLexicons.InversionClitics,
            FrenchLexicons.HyphenWords)
    {
    }

    public Tokenizer(FrozenDictionary<string, AbbreviationUse> abbreviations, FrozenSet<string> elisions,
        FrozenSet<string> apostropheWords, FrozenSet<string> inversionClitics, FrozenSet<string> hyphenWords)
    {
        this.hyphenWords = hyphenWords.GetAlternateLookup<ReadOnlySpan<char>>();
        this.abbreviations = abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        this.elisions = elisions.GetAlternateLookup<ReadOnlySpan<char>>();
        this.apostropheWords = apostropheWords.GetAlternateLookup<ReadOnlySpan<char>>();
        clitics = inversionClitics.GetAlternateLookup<ReadOnlySpan<char>>();
        // "J.-C.", "c.-à-d.": periods inside the abbreviation, so they are matched whole at a word's start
        dottedAbbreviations = [.. abbreviations.Keys.Where(a => a.IndexOf('.') < a.Length - 1 && !a.Contains(' ')).OrderByDescending(a => a.Length)];
        dottedStarts = SearchValues.Create([.. dottedAbbreviations.Select(a => a[0]).Distinct()]); // most words skip the list
    }

    public Layers Requires => Layers.Normalized;
    public Layers Adds => Layers.Tokens;

    public void Process(Document document)
    {
        var view = document.Normalized;
        // one scratch list per thread, reused across documents: only the final array is allocated
        var tokens = scratch ??= new List<Token>(1024);
        tokens.Clear();
        if (tokens.Capacity > MaxScratchTokens) tokens.Capacity = 1024; // do not keep a huge document's buffer alive
        Scan(view.Text, tokens);
        if (!view.IsIdentity)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
            for (int i = 0; i < span.Length; i++) span[i] = span[i] with { Span = view.ToSource(span[i].Span) };
        }
        document.Tokens = [.. tokens];
    }

    /// <summary>Appends the tokens of <paramref name="text"/> (view offsets) to <paramref name="tokens"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, List<Token> tokens)
    {
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { i++; continue; }
            int start = i;
            if (IsUrlStart(text, i))
            {
                i = ScanUrl(text, i);
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Url));
            }
            else if (c is '@' or '#' && i + 1 < n && IsWordChar(text[i + 1]) && (i == 0 || !IsWordChar(text[i - 1])))
            {
                i++;
                while (i < n && (IsWordChar(text[i]) || text[i] == '_') && i - start < MaxTokenLength) i++;
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Handle));
            }
            else if (IsWordChar(c))
            {
                i = ScanWord(text, i, tokens);
            }
            else if (c == '°' && i + 1 < n && text[i + 1] is 'C' or 'F' && (i + 2 == n || !IsWordChar(text[i + 2])))
            {
                i += 2;
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Symbol)); // "°C" is one unit
            }
            else if (c == '-' && i + 1 < n && char.IsAsciiDigit(text[i + 1]) && (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '['))
            {
                i = ScanWord(text, i + 1, tokens, tokenStart: i); // "-0,8": a minus sign before a number belongs to it
            }
            else if (c == '.')
            {
                while (i < n && text[i] == '.' && i - start < MaxTokenLength) i++; // "..." is one token
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Punctuation));
            }
            else if (c == '-' && i + 1 < n && text[i + 1] == '-')
            {
                while (i < n && text[i] == '-' && i - start < MaxTokenLength) i++; // "--" dash
                tokens.Add(new Token(new TextSpan(start, i), TokenKind.Punctuation));
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                tokens.Add(new Token(new TextSpan(start, i), kind));
            }
        }
    }

    // Scans the word at start; its token starts at tokenStart (before start for a signed number "-1").
    private int ScanWord(ReadOnlySpan<char> text, int start, List<Token> tokens, int tokenStart = -1)
    {
        int n = text.Length;
        if (tokenStart < 0) tokenStart = start;
        int acronymEnd = ScanDottedAcronym(text, start);
        if (acronymEnd > 0)
        {
            tokens.Add(new Token(new TextSpan(start, acronymEnd), TokenKind.Word)); // "C.L.", "R.E.M.", "O.N.U."
            return acronymEnd;
        }
        if (dottedStarts.Contains(text[start]))
            foreach (var abbreviation in dottedAbbreviations)
            {
                if (text[start..].StartsWith(abbreviation, StringComparison.Ordinal)
                    && (start + abbreviation.Length == n || !IsWordChar(text[start + abbreviation.Length])))
                {
                    tokens.Add(new Token(new TextSpan(start, start + abbreviation.Length), TokenKind.Word));
                    return start + abbreviation.Length;
                }
            }

        bool numeric = char.IsDigit(text[start]);
        int j = start;
        while (true)
        {
            while (j < n && IsWordChar(text[j]) && j - start < MaxTokenLength) j++;
            if (j >= n || j - start >= MaxTokenLength) break;
            char c = text[j];
            char next = j + 1 < n ? text[j + 1] : '\0';

            if (c == '\'')
            {
                int whole = MatchApostropheWord(text, start);
                if (whole > j) { j = whole; continue; }
                if (elisions.Contains(text[start..j]))
                {
                    tokens.Add(new Token(new TextSpan(start, j + 1), TokenKind.Word)); // "l'", "jusqu'"
                    return j + 1;
                }
                if (char.IsLetter(next) && char.IsLetter(text[j - 1])) { j++; continue; } // "O'Neill"
                break;
            }
            if (c == '-' && char.IsLetter(next))
            {
                int cliticEnd = MatchClitic(text, j);
                if (cliticEnd > 0 && !hyphenWords.Contains(text[start..cliticEnd])) // not "rendez-vous"
                {
                    // "a-t-il": the euphonic -t- belongs to neither word, so it stays with the pronoun ("-t-il")
                    tokens.Add(new Token(new TextSpan(tokenStart, j), numeric ? TokenKind.Number : TokenKind.Word));
                    tokens.Add(new Token(new TextSpan(j, cliticEnd), TokenKind.Word));
                    return cliticEnd;
                }
                j = cliticEnd > 0 ? cliticEnd : j + 1; // "Jean-Yves", "Saint-Pétersbourg", "peut-être", "rendez-vous"
                continue;
            }
            if (c == '-' && char.IsDigit(next)) { j++; continue; } // "1848-1849", "4-0", "VIH-1", "A-320"
            if (c == '°' && j - start == 1 && text[start] is 'n' or 'N') { j++; break; } // "n°" (numéro)
            if (c == '(' && char.IsLetter(text[j - 1]) && GenderSuffixEnd(text, j) is > 0 and var suffixEnd)
            {
                j = suffixEnd; // "élu(e)s", "AUTRE(S)": the bracketed ending is part of the word
                continue;
            }
            if (c == '.')
            {
                if (abbreviations.TryGetValue(text[start..(j + 1)], out var use))
                {
                    // "sept." is the month before "2025" but the number before "Puis": a capital after it means a full stop
                    if (use != AbbreviationUse.AlsoWord || !CapitalFollows(text, j + 1)) j++;
                    break;
                }
                if (j - start == 1 && char.IsUpper(text[start]) && (next == ' ' || next == '-' || char.IsUpper(next)))
                {
                    // an initial ("G. W. Bush") or a dotted acronym ("U.S.A.")
                    j++;
                    if (char.IsUpper(next) && j + 1 < n && text[j + 1] == '.') continue;
                    break;
                }
                if (char.IsDigit(next) && char.IsDigit(text[j - 1])) { j++; continue; } // "4.5", "5.000"
                if (char.IsLower(next) && char.IsLetter(text[j - 1]) && j + 2 < n && IsWordChar(text[j + 2]))
                {
                    j++; // "lemonde.fr", "jean.dupont@…"
                    continue;
                }
                break;
            }
            if (numeric && c is ',' or '/' or ':' && char.IsDigit(next) && char.IsDigit(text[j - 1])) { j++; continue; } // "1,5" "10/04/2025"
            if (numeric && c == ' ' && IsThousandsGroup(text, start, j)) { j += 4; continue; } // "1 000"
            if (c == '@' && char.IsLetterOrDigit(next) && !numeric)
            {
                int end = ScanEmailDomain(text, j + 1);
                if (end > 0)
                {
                    tokens.Add(new Token(new TextSpan(start, end), TokenKind.Email));
                    return end;
                }
            }
            break;
        }
        tokens.Add(new Token(new TextSpan(tokenStart, j), numeric ? TokenKind.Number : TokenKind.Word));
        return j;
    }

    // At "(" inside a word: the end of a one- or two-letter ending in brackets ("(e)", "(s)", "(es)"), or 0.
    private static int GenderSuffixEnd(ReadOnlySpan<char> text, int open)
    {
        int k = open + 1;
        while (k < text.Length && k - open <= 3 && char.IsLetter(text[k])) k++;
        if (k == open + 1 || k - open > 3 || k >= text.Length || text[k] != ')') return 0;
        return k + 1;
    }

    // "C.L.", "R.E.M.", "G.P.S", "J.-P.": capitals each followed by a period (the last one may lack it), at least two of them;
    // the end, or -1. "G. W. Bush" (spaces) is a series of initials, not an acronym.
    private static int ScanDottedAcronym(ReadOnlySpan<char> text, int start)
    {
        int k = start, letters = 0;
        while (k < text.Length && char.IsUpper(text[k]) && (k + 1 == text.Length || !IsWordChar(text[k + 1])))
        {
            if (k + 1 < text.Length && text[k + 1] == '.')
            {
                letters++;
                k += 2;
                if (k + 1 < text.Length && text[k] == '-' && char.IsUpper(text[k + 1])) k++; // "J.-P." (Jean-Pierre)
                continue;
            }
            if (letters > 0) { letters++; k++; }
            break;
        }
        return letters >= 2 ? k : -1;
    }

    // After a period at position i: true when the text or line ends or a capitalised word follows (a new sentence).
    private static bool CapitalFollows(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        // a capitalised word ("Puis"), not an acronym or a Roman numeral ("vol. XVII")
        return i == text.Length || text[i] == '\n' || (char.IsUpper(text[i]) && i + 1 < text.Length && char.IsLower(text[i + 1]));
    }

    // The end of a listed word with an apostrophe starting at start ("aujourd'hui", "c'est-à-dire"), or -1.
    private int MatchApostropheWord(ReadOnlySpan<char> text, int start)
    {
        int end = -1;
        int j = start;
        for (int segments = 0; segments < 4 && j < text.Length; segments++)
        {
            while (j < text.Length && IsWordChar(text[j])) j++;
            var candidate = text[start..j];
            if (candidate.Contains('\'') && apostropheWords.Contains(candidate)) end = j;
            if (j < text.Length && text[j] is '\'' or '-' && j + 1 < text.Length && char.IsLetter(text[j + 1])) j++;
            else break;
        }
        return end;
    }

    // At a hyphen: the end of an inversion pronoun ("-t-il", "-elle") that closes the word, or 0.
    private int MatchClitic(ReadOnlySpan<char> text, int hyphen)
    {
        int k = hyphen + 1;
        while (k < text.Length && char.IsLetter(text[k])) k++;
        // "-t-il": one more hyphenated piece after the euphonic t
        if (k - hyphen == 2 && (text[hyphen + 1] is 't' or 'T') && k + 1 < text.Length && text[k] == '-' && char.IsLetter(text[k + 1]))
        {
            k++;
            while (k < text.Length && char.IsLetter(text[k])) k++;
        }
        if (k < text.Length && (IsWordChar(text[k]) || text[k] is '-' or '\'')) return 0; // "Aix-les-Bains"
        return clitics.Contains(text[(hyphen + 1)..k]) ? k : 0;
    }

    // "1 000", "25 785": a space then exactly three digits, after a group of at most three digits.
    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int start, int space)
    {
        int group = 0;
        for (int k = space - 1; k >= start && char.IsDigit(text[k]); k--) group++;
        bool firstGroup = space - group == start;
        if (group == 0 || group > 3 || (!firstGroup && group != 3)) return false;
        if (space + 4 > text.Length) return false;
        for (int k = space + 1; k <= space + 3; k++) if (!char.IsDigit(text[k])) return false;
        return space + 4 == text.Length || !char.IsLetterOrDigit(text[space + 4]);
    }

    private static int ScanEmailDomain(ReadOnlySpan<char> text, int k)
    {
        int start = k;
        bool dot = false;
        while (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] is '-' or '_' || (text[k] == '.' && k + 1 < text.Length && char.IsLetterOrDigit(text[k + 1]))))
        {
            if (text[k] == '.') dot = true;
            k++;
        }
        return dot && k > start ? k : -1;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        return (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && char.IsLetterOrDigit(rest[4])))
            && (i == 0 || !IsWordChar(text[i - 1]));
    }

    private static int ScanUrl(ReadOnlySpan<char> text, int i)
    {
        int start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('«' or '»' or '"' or '<' or '>') && i - start < 4 * MaxTokenLength) i++;
        // final punctuation belongs to the sentence, not the URL
        while (i > start + 1 && text[i - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'') i--;
        return i;
    }

    internal static bool IsWordChar(char c)
    {
        if (c < 128) return char.IsAsciiLetterOrDigit(c);
        if (char.IsLetterOrDigit(c)) return true;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
