using Depeche.Text;

namespace Depeche.French.Quotes;

/// <summary>
/// A document's tokens read through the normalised view (’ is ', NBSP is a space), with each token's sentence and
/// the lexicon lookups the quotation finder needs. Built once per document; not thread-safe, not shared.
/// </summary>
internal sealed class TokenView
{
    public TokenView(Document document, QuoteLexicon lexicon)
    {
        Document = document;
        Lexicon = lexicon;
        View = document.Normalized;
        Text = View.Text;
        Tokens = document.Tokens;
        Count = Tokens.Length;
        Spans = View.ToView(Tokens);
        SentenceOf = new int[Count];
        var sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
            for (int k = sentences[s].FirstToken; k < sentences[s].EndToken && k < Count; k++) SentenceOf[k] = s;
        // one lookup per word: roles, verb form, phrase start
        entries = new WordEntry[Count];
        for (int k = 0; k < Count; k++)
            entries[k] = Tokens[k].Kind == TokenKind.Word && lexicon.EntryLookup.TryGetValue(this[k], out var entry) ? entry : NoEntry;
    }

    private static readonly WordEntry NoEntry = new(WordRole.None, Agreement.Unknown, -1, false);
    private readonly WordEntry[] entries;

    public Document Document { get; }
    public QuoteLexicon Lexicon { get; }
    public NormalizedText View { get; }
    public string Text { get; }
    public Token[] Tokens { get; }
    public TextSpan[] Spans { get; }
    public int[] SentenceOf { get; }
    public int Count { get; }

    public ReadOnlySpan<char> this[int k] => Text.AsSpan(Spans[k].Start, Spans[k].Length);

    public bool Is(int k, string s) => k >= 0 && k < Count && this[k].Equals(s, StringComparison.OrdinalIgnoreCase);

    public bool IsWord(int k) => k >= 0 && k < Count && Tokens[k].Kind == TokenKind.Word;

    public bool IsCapitalised(int k) => IsWord(k) && char.IsUpper(Text[Spans[k].Start]);

    public bool IsLower(int k) => IsWord(k) && char.IsLower(Text[Spans[k].Start]);

    public bool IsPunctuation(int k) => k >= 0 && k < Count && Tokens[k].Kind is TokenKind.Punctuation or TokenKind.Symbol;

    public bool IsComma(int k) => Is(k, ",");

    /// <summary>".", "!", "?", "…", "...".</summary>
    public bool IsTerminal(int k)
    {
        if (k < 0 || k >= Count || Tokens[k].Kind != TokenKind.Punctuation) return false;
        var t = this[k];
        return t[0] is '.' or '!' or '?' or '…';
    }

    public bool LineBreakBefore(int k) =>
        k <= 0 || k >= Count || Text.AsSpan(Spans[k - 1].End, Spans[k].Start - Spans[k - 1].End).Contains('\n');

    public WordRole Roles(int k) => k >= 0 && k < Count ? entries[k].Roles : WordRole.None;

    public bool Has(int k, WordRole role) => (Roles(k) & role) != 0;

    /// <summary>Tokens matched by the longest word or phrase with <paramref name="role"/> starting at <paramref name="k"/>, or 0.</summary>
    public int Match(int k, WordRole role, out WordInfo info)
    {
        info = default;
        if (k < 0 || k >= Count) return 0;
        var entry = entries[k];
        if (entry.PhraseStart && Lexicon.PhraseLookup.TryGetValue(this[k], out var phrases))
        {
            foreach (var (words, phraseInfo) in phrases)
            {
                if ((phraseInfo.Roles & role) == 0 || k + words.Length > Count) continue;
                bool all = true;
                for (int i = 1; i < words.Length && all; i++) all = this[k + i].Equals(words[i], StringComparison.OrdinalIgnoreCase);
                if (all) { info = phraseInfo; return words.Length; }
            }
        }
        if ((entry.Roles & role) != 0)
        {
            info = new WordInfo(entry.Roles, entry.Agreement);
            return 1;
        }
        return 0;
    }

    public int Match(int k, WordRole role) => Match(k, role, out _);

    public bool TryVerb(int k, out VerbForm form)
    {
        form = default;
        if (k < 0 || k >= Count || entries[k].Verb < 0) return false;
        form = Lexicon.VerbForms[entries[k].Verb];
        return true;
    }

    /// <summary>The inversion pronoun of a token "-t-il", "-elle", "-on", or Unknown when it is none.</summary>
    public Agreement Clitic(int k)
    {
        if (!IsWord(k) || Text[Spans[k].Start] != '-') return Agreement.Unknown;
        var t = this[k][1..];
        if (t.StartsWith("t-", StringComparison.OrdinalIgnoreCase)) t = t[2..];
        if (t.Equals("il", StringComparison.OrdinalIgnoreCase)) return Agreement.Masculine;
        if (t.Equals("elle", StringComparison.OrdinalIgnoreCase)) return Agreement.Feminine;
        if (t.Equals("ils", StringComparison.OrdinalIgnoreCase)) return Agreement.MasculinePlural;
        if (t.Equals("elles", StringComparison.OrdinalIgnoreCase)) return Agreement.FemininePlural;
        if (t.Equals("on", StringComparison.OrdinalIgnoreCase)) return Agreement.Impersonal;
        return Agreement.Unknown;
    }

    /// <summary>Source span of the tokens <c>[from, to)</c>.</summary>
    public TextSpan Source(int from, int to) => View.ToSource(new TextSpan(Spans[from].Start, Spans[to - 1].End));

    /// <summary>The view text of the tokens <c>[from, to)</c> (for output).</summary>
    public string ViewText(int from, int to) => Text[Spans[from].Start..Spans[to - 1].End];
}
