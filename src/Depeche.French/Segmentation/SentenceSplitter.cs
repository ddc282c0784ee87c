using System.Buffers;
using System.Collections.Frozen;
using Depeche.French.Entities;
using Depeche.French.Quotes;
using Depeche.French.Resources;
using Depeche.Pipeline;
using Depeche.Text;

namespace Depeche.French.Segmentation;

/// <summary>
/// Groups tokens into segments: story sentences, headlines (a line without final punctuation), datelines
/// ("PARIS, 10 avril (AFP) -"), agency credits ("Avec AFP", which also fills <see cref="Document.Credits"/>)
/// and page furniture ("Commentaires"). A line break always ends a segment. Inside « » a full stop followed by a
/// capital ends a sentence unless the quotation is closed by an incise ("», a-t-il dit"), in which case the
/// whole quotation belongs to the sentence that reports it.
/// When line breaks are lost (running text), a heading glued to the next sentence is cut before a capitalised sentence
/// opener ("… la sécurité Le maire a invité …", also after ";", an initial, or a short heading and its ":"), before and
/// after a heading in capitals, and before a list dash; conventions and their UD French figures are in
/// docs/segmentation.md. Where the rules are unsure (a capitalised word right after a lower-case word, no punctuation
/// between: "… Indications thérapeutiques Angiox doit …"), a trained <see cref="BoundaryModel"/> decides, inside a line.
/// The heading-colon rule reads the reporting verbs of <see cref="QuoteLexicon.Default"/> and the
/// common words of <see cref="Gazetteer.Default"/> (loaded on its first use).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SentenceSplitter : IStage
{
    // A quotation whose sentences are held back until its incise is seen: beyond this many, they are committed
    // (a quotation reported by an incise rarely has more sentences; an unclosed « must not swallow the paragraph:
    // 8 let web text with an unclosed « merge up to 8 sentences when a "», dit-il" came much later).
    private const int MaxHeldBoundaries = 4;

    private readonly FrozenDictionary<string, AbbreviationUse>.AlternateLookup<ReadOnlySpan<char>> abbreviations;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> boilerplate;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> creditPrefixes;
    private readonly FrozenDictionary<string, Agency>.AlternateLookup<ReadOnlySpan<char>> agencies;
    private readonly FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> openers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> nonFinal;
    private readonly IBoundaryJudge? judge;
    private readonly BoundaryFeatures? boundaryFeatures;

    /// <summary>The French lexicons and the embedded sentence-boundary model (<see cref="BoundaryModel.Shared"/>).</summary>
    public SentenceSplitter()
        : this(BoundaryModel.Shared)
    {
    }

    /// <summary>The French lexicons and <paramref name="model"/> for the candidates the rules leave open (null: rules only).</summary>
    public SentenceSplitter(BoundaryModel? model)
        : this((IBoundaryJudge?)model)
    {
    }

    internal SentenceSplitter(IBoundaryJudge? judge)
        : this(FrenchLexicons.Abbreviations, FrenchLexicons.Boilerplate, FrenchLexicons.CreditPrefixes, FrenchLexicons.Agencies,
            FrenchLexicons.SentenceOpeners, FrenchLexicons.NonFinalWords)
    {
        this.judge = judge;
        if (judge is not null) boundaryFeatures = BoundaryFeatures.Default;
    }

    public SentenceSplitter(FrozenDictionary<string, AbbreviationUse> abbreviations, FrozenSet<string> boilerplate,
        FrozenSet<string> creditPrefixes, FrozenDictionary<string, Agency> agencies, FrozenDictionary<string, bool> sentenceOpeners,
        FrozenSet<string> nonFinalWords)
    {
        nonFinal = nonFinalWords.GetAlternateLookup<ReadOnlySpan<char>>();
        openers = sentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>();
        this.abbreviations = abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        this.boilerplate = boilerplate.GetAlternateLookup<ReadOnlySpan<char>>();
        this.creditPrefixes = creditPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        this.agencies = agencies.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Layers Requires => Layers.Tokens | Layers.Normalized;
    public Layers Adds => Layers.Sentences;

    public void Process(Document document)
    {
        var view = document.Normalized;
        var tokens = document.Tokens;
        // work in view offsets: the original may hold CRLF or NBSP where the view has \n and space
        var viewSpans = view.IsIdentity ? null : view.ToView(tokens);
        var segments = new List<Sentence>(tokens.Length / 20 + 2);
        var held = new List<int>();
        string text = view.Text;

        int first = 0;           // first token of the current segment
        int quoteDepth = 0;      // open « or “
        int quoteOpenedAt = -1;  // segment start when the outermost quotation opened
        Span<ulong> features = stackalloc ulong[BoundaryFeatures.MaxFeatures];
        byte[]? classes = null;  // word classes of the tokens, read by the boundary model (rented on its first candidate)
        for (int i = 0; i < tokens.Length; i++)
        {
            var span = viewSpans?[i] ?? tokens[i].Span;
            if (i > first && LineBreakBetween(text, viewSpans?[i - 1].End ?? tokens[i - 1].Span.End, span.Start))
            {
                CommitHeld();
                Close(i);
            }
            var t = text.AsSpan(span.Start, span.Length);
            // every glued-heading rule starts at a capital or a list dash: most tokens are neither
            if (quoteDepth == 0 && i > first && (char.IsUpper(t[0]) || t[0] == '-')
                && (OpensGluedSentence(text, Span(i - 1), t, i + 1 < tokens.Length ? Span(i + 1) : default) || IsListDash(text, tokens, viewSpans, first, i)
                    || AfterCapitalHeading(text, tokens, viewSpans, first, i) || BeforeCapitalHeading(text, tokens, viewSpans, i)
                    || AfterHeadingColon(text, tokens, viewSpans, first, i)))
            {
                Close(i);
            }
            else if (judge is not null && quoteDepth == 0 && i > first && Candidate(text, Span(i - 1), span) is var kind and not BoundaryCandidate.None
                && judge.Decides(kind)
                && !IsListMarker(text, Span(first), Span(i - 1), i - first) && !IsAcronymSubject(text, t, i + 1 < tokens.Length ? Span(i + 1) : default)
                && !DateContinues(text, Span(i - 1), t))
            {
                // where the rules are unsure, the trained model decides ("… Indications thérapeutiques Angiox doit …")
                if (classes is null)
                {
                    classes = ArrayPool<byte>.Shared.Rent(tokens.Length);
                    Array.Clear(classes, 0, tokens.Length);
                }
                int count = boundaryFeatures!.Extract(text, tokens, viewSpans, first, i, kind, features, classes.AsSpan(0, tokens.Length));
                if (judge.Ends(kind, features[..count], i)) Close(i);
            }
            var role = QuoteRole(text, span);
            if (role == Quotation.Opens)
            {
                // a new « while one is open with sentences held: the earlier one was never closed
                if (quoteDepth > 0 && held.Count > 0 && t is "«" or "\"") CommitHeld();
                if (quoteDepth++ == 0) quoteOpenedAt = first;
                continue;
            }
            if (role == Quotation.Closes)
            {
                if (quoteDepth > 0 && --quoteDepth == 0)
                {
                    // «A. B», a-t-il dit: the quotation's sentences belong to the reporting sentence
                    if (i + 1 < tokens.Length && ContinuesAfterQuote(text, Span(i + 1))) held.Clear();
                    else if (held.Count > 0) CommitHeld();
                    if (IsTerminal(text, Previous(i)) && (i + 1 >= tokens.Length || StartsSentence(text, Span(i + 1)))) Close(i + 1);
                }
                continue;
            }
            if (!IsTerminal(text, span)) continue;
            if (t[0] is '.' or '…' && i > 0 && text[Previous(i).Start] is '(' or '[') continue; // "(...)" marks a cut, not an end
            int end = i + 1;
            while (end < tokens.Length && IsCloser(text, Span(end)) && !(QuoteRole(text, Span(end)) == Quotation.Closes && quoteDepth > 0)) end++;
            if (end < tokens.Length && !StartsSentence(text, Span(end)) && !(t is "." && end == i + 1 && IsLowerWord(text, Span(end)))) continue;
            if (end < tokens.Length && Span(end).Start == Span(end - 1).End && !IsCapitalisedWord(text, Span(end))) continue; // "photo10.JPG"
            if (quoteDepth > 0 && end < tokens.Length)
            {
                if (held.Count < MaxHeldBoundaries) held.Add(end); else { CommitHeld(); Close(end); }
                i = end - 1;
                continue;
            }
            Close(end);
            i = end - 1;
        }
        CommitHeld();
        Close(tokens.Length);
        document.Sentences = [.. segments];
        if (classes is not null) ArrayPool<byte>.Shared.Return(classes);
        return;

        TextSpan Span(int k) => viewSpans?[k] ?? tokens[k].Span;
        TextSpan Previous(int k) => k > 0 ? Span(k - 1) : default;

        void CommitHeld()
        {
            foreach (int boundary in held) Close(boundary);
            held.Clear();
            quoteDepth = 0;
        }

        void Close(int end)
        {
            if (end <= first) return;
            AddSegment(document, text, viewSpans, first, end, segments);
            first = end;
        }
    }

    private void AddSegment(Document document, ReadOnlySpan<char> text, TextSpan[]? viewSpans, int first, int end, List<Sentence> segments)
    {
        var tokens = document.Tokens;
        TextSpan ViewSpan(int k) => viewSpans?[k] ?? tokens[k].Span;
        var source = new TextSpan(tokens[first].Span.Start, tokens[end - 1].Span.End);
        bool lineStart = first == 0 || LineBreakBetween(text, ViewSpan(first - 1).End, ViewSpan(first).Start);
        bool lineEnd = end == tokens.Length || LineBreakBetween(text, ViewSpan(end - 1).End, ViewSpan(end).Start);

        // "PARIS, 10 avril (AFP) -": a dateline opens the paragraph and credits the agency
        if (lineStart && FindDateline(text, tokens, viewSpans, first, end) is var (datelineEnd, datelineAgency) && datelineEnd > first)
        {
            AddCredit(document, datelineAgency);
            segments.Add(new Sentence(new TextSpan(source.Start, tokens[datelineEnd - 1].Span.End), first, datelineEnd - first, SegmentKind.Dateline));
            if (datelineEnd < end) AddSegment(document, text, viewSpans, datelineEnd, end, segments);
            return;
        }

        var kind = SegmentKind.Sentence;
        if (lineStart && lineEnd)
        {
            var line = text[ViewSpan(first).Start..ViewSpan(end - 1).End].TrimEnd(".:!…");
            if (boilerplate.Contains(line)) kind = SegmentKind.Boilerplate;
            else if (CreditedAgencies(text, tokens, viewSpans, first, end) is { Count: > 0 } credited)
            {
                kind = SegmentKind.Credit;
                foreach (var agency in credited) AddCredit(document, agency);
            }
            else if (!IsTerminal(text, LastNonCloser(text, tokens, viewSpans, first, end))) kind = SegmentKind.Headline;
        }
        segments.Add(new Sentence(source, first, end - first, kind));
    }

    private static TextSpan LastNonCloser(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int first, int end)
    {
        for (int k = end - 1; k >= first; k--)
        {
            var span = viewSpans?[k] ?? tokens[k].Span;
            if (!IsCloser(text, span)) return span;
        }
        return default;
    }

    // "Avec AFP", "Avec AFP et Reuters", "Source : AFP": the agencies a credit line names, or null.
    private List<Agency>? CreditedAgencies(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int first, int end)
    {
        TextSpan ViewSpan(int k) => viewSpans?[k] ?? tokens[k].Span;
        int k = first;
        // the prefix may be one or two tokens ("avec", "source :")
        if (k < end && creditPrefixes.Contains(text[ViewSpan(k).Start..ViewSpan(k).End])) k++;
        else if (k + 1 < end && creditPrefixes.Contains(text[ViewSpan(k).Start..ViewSpan(k + 1).End])) k += 2;
        else return null;
        var found = new List<Agency>();
        while (k < end)
        {
            var s = ViewSpan(k);
            var word = text[s.Start..s.End];
            if (word is "," or "et" or "/" or "-" or "(" or ")" or "." or "&") { k++; continue; }
            // two-word agencies ("Ria Novosti") first
            if (k + 1 < end && agencies.TryGetValue(text[s.Start..ViewSpan(k + 1).End], out var two)) { found.Add(two); k += 2; continue; }
            if (agencies.TryGetValue(word, out var one)) { found.Add(one); k++; continue; }
            return null; // anything else: an ordinary sentence starting with "Avec"
        }
        return found;
    }

    // "PARIS, 10 avril (AFP) -" / "Istanbul (AFP) –": returns the token after the dash and the agency.
    private (int End, Agency Agency)? FindDateline(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int first, int end)
    {
        TextSpan ViewSpan(int k) => viewSpans?[k] ?? tokens[k].Span;
        const int MaxDatelineTokens = 12; // a place, a date, the agency: a longer prefix is a sentence
        if (!char.IsUpper(text[ViewSpan(first).Start])) return null;
        for (int k = first + 1; k + 3 < end && k < first + MaxDatelineTokens; k++)
        {
            if (text[ViewSpan(k).Start] != '(') continue;
            int close = k + 2;
            var name = text[ViewSpan(k + 1).Start..ViewSpan(k + 1).End];
            Agency? agency = null;
            if (agencies.TryGetValue(name, out var a)) agency = a;
            else if (close < end && agencies.TryGetValue(text[ViewSpan(k + 1).Start..ViewSpan(k + 2).End], out var b)) { agency = b; close++; }
            if (agency is null || close >= end || text[ViewSpan(close).Start] != ')') return null;
            int dash = close + 1;
            if (dash < end && text[ViewSpan(dash).Start..ViewSpan(dash).End] is "-" or "--" or "–" or "—") return (dash + 1, agency);
            return null;
        }
        return null;
    }

    private static void AddCredit(Document document, Agency agency)
    {
        if (!document.Credits.Contains(agency.Name)) document.Credits.Add(agency.Name);
    }

    private bool IsTerminal(ReadOnlySpan<char> text, TextSpan span)
    {
        if (span.IsEmpty) return false;
        var t = text[span.Start..span.End];
        if (t is "." or "!" or "?" or "…" or "?!" or "!?") return true;
        if (t.Length > 1 && t[0] == '.' && t.IndexOfAnyExcept('.') < 0) return true; // "..."
        return t[^1] == '.' && abbreviations.TryGetValue(t, out var use) && use == AbbreviationUse.MayEnd; // "etc."
    }

    private static bool IsCloser(ReadOnlySpan<char> text, TextSpan span) =>
        span.Length == 1 && (text[span.Start] is '»' or '”' or ')' or ']' || (text[span.Start] is '"' or '\'' && QuoteRole(text, span) != Quotation.Opens));

    // The points inside a line where the rules may have missed an end: a capitalised word right after a word, a number
    // or a closing bracket; anything after ";"; a capitalised word or a dash after ":"; a spaced hyphen after a word.
    private static BoundaryCandidate Candidate(ReadOnlySpan<char> text, TextSpan previous, TextSpan current)
    {
        char c = text[current.Start];
        if (previous.Length == 1)
        {
            char p = text[previous.Start];
            if (p == ';') return BoundaryCandidate.Semicolon;
            if (p == ':') return char.IsUpper(c) || IsSpacedDash(text, current) ? BoundaryCandidate.Colon : BoundaryCandidate.None;
        }
        char last = text[previous.End - 1];
        if (!(char.IsLetterOrDigit(last) || last is ')' or ']')) return BoundaryCandidate.None;
        if (char.IsUpper(c)) return char.IsUpper(text[previous.Start]) ? BoundaryCandidate.AfterCapital : BoundaryCandidate.GluedCapital;
        return IsSpacedDash(text, current) ? BoundaryCandidate.Dash : BoundaryCandidate.None;
    }

    // "des collègues PE ont rejoint", "le groupe LVMH a annoncé": a word in capitals before a lower-case word is an
    // acronym inside the sentence (a heading in capitals has several words: see BeforeCapitalHeading).
    private static bool IsAcronymSubject(ReadOnlySpan<char> text, ReadOnlySpan<char> word, TextSpan next) =>
        word.Length > 1 && CapitalLetters(word) == word.Length && !next.IsEmpty && char.IsLower(text[next.Start]);

    // "Lundi 12 Janvier", "le 22 Janv.", "2016 H2": a capitalised month after a number, or a half, quarter or term after
    // one, continues a date (a sentence does not open on a month name glued to a figure)
    private static bool DateContinues(ReadOnlySpan<char> text, TextSpan previous, ReadOnlySpan<char> word)
    {
        if (previous.IsEmpty || !char.IsAsciiDigit(text[previous.End - 1])) return false;
        if (word.Length is 2 or 3 && char.IsAsciiDigit(word[^1]) && char.IsAsciiLetter(word[0])) return true; // "H2", "T3", "Q1"
        word = word.TrimEnd('.');
        Span<char> lower = stackalloc char[12];
        if (word.Length > lower.Length) return false;
        int n = word.ToLowerInvariant(lower);
        return n > 0 && Times.TimeLexicon.Default.WordLookup.TryGetValue(lower[..n], out var senses)
            && Array.Exists(senses, w => w.Kind == Times.TimeWordKind.Month);
    }

    // "1) Conférence de presse", "a) Le dossier": a list marker is no segment of its own.
    private static bool IsListMarker(ReadOnlySpan<char> text, TextSpan first, TextSpan previous, int length) =>
        length == 2 && previous.Length == 1 && text[previous.Start] is ')' or '.' && (char.IsDigit(text[first.Start]) || first.Length == 1);

    // "… la sécurité Le maire a invité …": a capitalised opener right after a word (no punctuation) starts a sentence;
    // so it does after ";" ("… est limité ; Il convient …": no capital after ";" in French typography) and after an
    // initial ("Mac OS X. Une version …", "en A. Il …": a single capital and its full stop, which is no abbreviation).
    private bool OpensGluedSentence(ReadOnlySpan<char> text, TextSpan previous, ReadOnlySpan<char> word, TextSpan next)
    {
        if (!char.IsUpper(word[0])) return false;
        var before = text[previous.Start..previous.End];
        // after ";" a capital is itself the sign: "; Sur Jean Dupont, les enquêteurs …" (but "; Le Monde" is a name)
        if (before is ";") return openers.TryGetValue(word, out bool needsLowerNext) && (!needsLowerNext || IsOpener(text, word, next));
        if (!IsOpener(text, word, next)) return false;
        if (before.Length == 2 && before[1] == '.' && char.IsUpper(before[0])) return true;
        char last = before[^1];
        if (!char.IsLetterOrDigit(last) && last != ')') return false;
        return !nonFinal.Contains(before); // "dans Le Manipulateur"
    }

    // A word of sentence-openers.txt, not before a capitalised word (a name: "En Marche", "Avec Vous"); one marked
    // "yes" only before a lower-case word or a number ("Le maire", "Le 10 mars", not "Le Monde", "Il Corriere").
    private bool IsOpener(ReadOnlySpan<char> text, ReadOnlySpan<char> word, TextSpan next)
    {
        if (!openers.TryGetValue(word, out bool needsLowerNext)) return false;
        if (needsLowerNext) return !next.IsEmpty && (char.IsLower(text[next.Start]) || char.IsDigit(text[next.Start]));
        return next.IsEmpty || !IsCapitalisedWord(text, next);
    }

    // "… la voie intramusculaire. Hémorragie : Il convient …", "Sexe : Il n'y a pas …": a short heading (at most four
    // words, capitalised, no number, not itself opened by a sentence opener) and its colon, then a sentence opener.
    // "Il a dit : Nous …" is not one (the heading starts with an opener), nor "Bilan 2024 : Le …" (a number), nor
    // "Paul a prévenu : Il …" (a reporting verb); "Je", "Nous", "Vous", "On" after a colon open reported speech.
    private bool AfterHeadingColon(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int first, int i)
    {
        const int MaxHeadingTokens = 4;
        TextSpan ViewSpan(int k) => viewSpans?[k] ?? tokens[k].Span;
        int colon = i - 1;
        if (colon - first < 1 || colon - first > MaxHeadingTokens) return false;
        var c = ViewSpan(colon);
        if (c.Length != 1 || text[c.Start] != ':') return false;
        var word = text[ViewSpan(i).Start..ViewSpan(i).End];
        if (!char.IsUpper(word[0]) || word is "Je" or "J'" or "Nous" or "Vous" or "On") return false;
        if (!IsOpener(text, word, i + 1 < tokens.Length ? ViewSpan(i + 1) : default)) return false;
        var head = ViewSpan(first);
        if (!char.IsUpper(text[head.Start]) || openers.ContainsKey(text[head.Start..head.End])) return false;
        var reportingVerbs = QuoteLexicon.Default.VerbLookup;
        bool lowerWord = false;
        for (int k = first; k < colon; k++)
        {
            var s = ViewSpan(k);
            if (!char.IsLetter(text[s.Start])) return false; // a number, a quote, a dash: no heading
            if (k > first && reportingVerbs.ContainsKey(text[s.Start..s.End])) return false; // "Macron a prévenu : Il …" reports speech
            lowerWord |= char.IsLower(text[s.Start]);
        }
        // "Sexe :", "Insuffisance rénale :" are headings; "Revue Esprit : Quand …" (a title) and "Macron : Il faut …" (a
        // speaker) are not: a heading of one word is a common noun, one of several words has a word in lower case
        if (colon - first > 1) return lowerWord;
        Span<char> folded = stackalloc char[64];
        if (NameFolding.MaxLength(head.Length) > folded.Length) return false;
        int n = NameFolding.Fold(text[head.Start..head.End], folded);
        return Gazetteer.Default.CommonWords.Contains(folded[..n]);
    }

    // "… la notice. - Gardez-la. - Si vous …": a spaced hyphen before a capital opens a list item, unless it is the
    // first of a pair around an incise ("le ministre - Jean Dupont - a dit") or the dash of a dateline ("(AFP) - Le").
    // After ":" or ";" a spaced hyphen opens an item whatever follows ("informez votre médecin : - si vous …"), and so
    // does one that repeats the first word of the item before it ("- si vous prenez … - si vous avez …").
    private bool IsListDash(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int first, int i)
    {
        const int MaxInciseTokens = 30; // an incise between dashes is short
        const int MaxItemTokens = 60;   // a list item without punctuation is rarely longer
        TextSpan ViewSpan(int k) => viewSpans?[k] ?? tokens[k].Span;
        var dash = ViewSpan(i);
        if (!IsSpacedDash(text, dash) || i + 1 >= tokens.Length || i == 0) return false;
        char next = text[ViewSpan(i + 1).Start], previous = text[ViewSpan(i - 1).End - 1];
        if (ViewSpan(i - 1).Length == 1 && previous is ':' or ';' && char.IsLetterOrDigit(next)) return true;
        if (char.IsLower(next))
        {
            var item = text[ViewSpan(i + 1).Start..ViewSpan(i + 1).End];
            if (nonFinal.Contains(item)) return false; // "- et …": the second half of an incise, not an item
            for (int k = i - 1; k > 0 && k > i - MaxItemTokens; k--)
            {
                var s = ViewSpan(k);
                if (text[s.Start] is '.' or '!' or '?' || LineBreakBetween(text, s.End, ViewSpan(k + 1).Start)) return false;
                if (!IsSpacedDash(text, s)) continue;
                return text[ViewSpan(k + 1).Start..ViewSpan(k + 1).End].Equals(item, StringComparison.OrdinalIgnoreCase);
            }
            return false;
        }
        // an item starts with a capital, a number, a bracket or a quote ("- 4 janvier 1989 :", "- (en) …")
        if (!(char.IsUpper(next) || char.IsDigit(next) || next is '(' or '«' or '"' or '“')) return false;
        if (char.IsDigit(next) && char.IsDigit(previous)) return false; // "10 - 15 %": a range
        // "PARIS (AFP) - Le …": the dash of a dateline
        if (previous == ')' && i >= 2 && agencies.ContainsKey(text[ViewSpan(i - 2).Start..ViewSpan(i - 2).End])) return false;
        // "Lyon - Marseille 2-1", "PSG - OM": two names on either side of the dash are a pairing, not a list
        // ("Voir aussi - Révolution roumaine - Ceausescu - Timisoara": a chain of three short items is a list, though)
        if (char.IsUpper(text[ViewSpan(i - 1).Start]) && i - 1 > first && !InDashChain(text, tokens, viewSpans, i)) return false; // a heading word is first: "Conseils - Buvez…"
        for (int k = i + 1; k < tokens.Length && k < i + MaxInciseTokens; k++)
        {
            var s = ViewSpan(k);
            if (text[s.Start] is '.' or '!' or '?' || LineBreakBetween(text, ViewSpan(k - 1).End, s.Start)) break;
            if (IsSpacedDash(text, s)) return k + 1 >= tokens.Length || !char.IsLower(text[ViewSpan(k + 1).Start]);
        }
        return true;
    }

    // "Désinformation - Communication - Médias": the spaced dash at i is one of at least three that each follow a short
    // item (no more than MaxItemTokens tokens, no sentence or clause punctuation between them).
    private static bool InDashChain(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int i)
    {
        const int MaxItemTokens = 8, ChainLength = 3;
        TextSpan ViewSpan(int k) => viewSpans?[k] ?? tokens[k].Span;
        int dashes = 1;
        for (int step = -1; step <= 1; step += 2)
        {
            int sinceDash = 0;
            for (int k = i + step; k >= 0 && k < tokens.Length && sinceDash < MaxItemTokens && dashes < ChainLength; k += step)
            {
                var s = ViewSpan(k);
                if (s.Length == 1 && text[s.Start] is '.' or '!' or '?' or ';' or ':' or '…') break;
                if (LineBreakBetween(text, ViewSpan(step < 0 ? k : k - 1).End, ViewSpan(step < 0 ? k + 1 : k).Start)) break; // "- Mark Turner - Arena" lines
                if (IsSpacedDash(text, s)) { dashes++; sinceDash = 0; }
                else sinceDash++;
            }
        }
        return dashes >= ChainLength;
    }

    // "… INFORMATIONS A CONNAITRE Avant de recevoir …": a heading of at least two words in capitals, then a word in
    // ordinary case, starts a sentence. Elided "D'" inside the heading is skipped ("MODE D'EMPLOI Versez …").
    private static bool AfterCapitalHeading(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int first, int i)
    {
        TextSpan ViewSpan(int k) => viewSpans?[k] ?? tokens[k].Span;
        var word = ViewSpan(i);
        if (word.Length < 2 || !char.IsUpper(text[word.Start]) || !char.IsLower(text[word.Start + 1])) return false;
        int words = 0;
        for (int k = i - 1; k >= first && words < 2; k--)
        {
            int letters = CapitalLetters(text[ViewSpan(k).Start..ViewSpan(k).End]);
            if (letters < 0) break;
            if (letters >= 2) words++;
            else if (k == i - 1) return false; // "L'AG Éducation": the word before must be a real capitals word
        }
        return words >= 2;
    }

    // "… pour perfusion RESUME DES CARACTERISTIQUES DU PRODUIT …": three words in capitals right after a word in lower case
    // (or a number, or a bracket) open a heading; one or two are an acronym or a name ("le groupe LVMH", "Chantal DIDIER").
    private bool BeforeCapitalHeading(ReadOnlySpan<char> text, Token[] tokens, TextSpan[]? viewSpans, int i)
    {
        const int HeadingWords = 3, MinLetters = 9; // "EN", "DE" alone are no heading: the three words hold 9 capitals or more
        TextSpan ViewSpan(int k) => viewSpans?[k] ?? tokens[k].Span;
        var word = ViewSpan(i);
        if (word.Length < 2 || !char.IsUpper(text[word.Start]) || !char.IsUpper(text[word.Start + 1]) || i + HeadingWords > tokens.Length) return false;
        var previous = text[ViewSpan(i - 1).Start..ViewSpan(i - 1).End];
        char last = previous[^1];
        if (!(char.IsLower(last) || char.IsDigit(last) || last == ')') || nonFinal.Contains(previous)) return false;
        int letters = 0;
        for (int k = i; k < i + HeadingWords; k++)
        {
            int n = CapitalLetters(text[ViewSpan(k).Start..ViewSpan(k).End]);
            if (n < 2) return false;
            letters += n;
        }
        return letters >= MinLetters;
    }

    // The number of capitals in a token made only of capitals, apostrophes and hyphens; -1 for any other token.
    private static int CapitalLetters(ReadOnlySpan<char> token)
    {
        int letters = 0;
        foreach (char c in token)
        {
            if (char.IsUpper(c)) letters++;
            else if (c is not ('\'' or '-')) return -1; // not initials "G."
        }
        return letters;
    }

    private static bool IsSpacedDash(ReadOnlySpan<char> text, TextSpan span) =>
        span.Length == 1 && text[span.Start] == '-' && span.Start > 0 && text[span.Start - 1] == ' '
        && span.End < text.Length && text[span.End] == ' ';

    private enum Quotation : byte { None, Opens, Closes }

    // « and “ open, » and ” close; a straight " opens when it is glued to the next word and not to the previous one
    // (« il a dit "non" »), and closes otherwise (also before punctuation: « de la fournir ". »).
    private static Quotation QuoteRole(ReadOnlySpan<char> text, TextSpan span)
    {
        if (span.Length != 1) return Quotation.None;
        char c = text[span.Start];
        if (c is '«' or '“') return Quotation.Opens;
        if (c is '»' or '”') return Quotation.Closes;
        if (c != '"') return Quotation.None;
        bool spaceBefore = span.Start == 0 || char.IsWhiteSpace(text[span.Start - 1]) || text[span.Start - 1] is '(' or '[';
        // glued to a word, not to punctuation: « fournir ". » closes, like « fournir". »
        bool wordAfter = span.End < text.Length && (char.IsLetterOrDigit(text[span.End]) || text[span.End] is '(' or '[' or '\'' or '…');
        return spaceBefore && wordAfter ? Quotation.Opens : Quotation.Closes;
    }

    // "Puis", "Le": a capital then a lower-case letter (not "JPG", not "«")
    private static bool IsCapitalisedWord(ReadOnlySpan<char> text, TextSpan span) =>
        span.Length > 1 && char.IsUpper(text[span.Start]) && char.IsLower(text[span.Start + 1]);

    // A word in lower case after a bare full stop: "Il est parti. à sa place…" (a capital lost, common in UD French)
    private static bool IsLowerWord(ReadOnlySpan<char> text, TextSpan span) => char.IsLower(text[span.Start]);

    // What may open a sentence: a capital, a digit, an opening quote or bracket, a dash of dialogue or a bullet.
    private static bool StartsSentence(ReadOnlySpan<char> text, TextSpan span)
    {
        char c = text[span.Start];
        if (c == '"') return QuoteRole(text, span) == Quotation.Opens;
        return char.IsUpper(c) || char.IsDigit(c) || c is '«' or '“' or '(' or '[' or '-' or '–' or '—' or '•' or '¿' or '¡' or '@' or '#'
            || (span.Length > 1 && char.IsUpper(text[span.Start + 1]) && c is 'l' or 'd' or 'L' or 'D'); // "l'Ukraine" after ". " is rare: "L'Ukraine"
    }

    // After a closing quote: ", a-t-il dit" or "a-t-il dit" (lower case) means the quotation is part of this sentence.
    private static bool ContinuesAfterQuote(ReadOnlySpan<char> text, TextSpan next)
    {
        char c = text[next.Start];
        return c is ',' or ';' or ':' || char.IsLower(c);
    }

    private static bool LineBreakBetween(ReadOnlySpan<char> text, int from, int to) =>
        to > from && text[from..to].Contains('\n');
}
