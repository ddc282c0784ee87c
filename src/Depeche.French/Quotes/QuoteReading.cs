using Depeche.Text;

namespace Depeche.French.Quotes;

/// <summary>Who a phrase designates, after linking pronouns and descriptions: what a quote's speaker is made of.</summary>
internal sealed record Designation(string? Name, string? Description, string? Country, TextSpan Span, TextSpan Anchor, Agreement Agreement, string? Head);

/// <summary>How a quotation is attributed: the speaker, the reporting verb (token range), the medium.</summary>
internal sealed record Attribution(Designation? Speaker, int VerbFirst, int VerbLast, VerbForm? Verb, TextSpan? Medium, bool Impersonal = false)
{
    /// <summary>Read from an incise next to the marks ("», a-t-on appris"): the quotation is speech even without a speaker.</summary>
    public bool Incise { get; init; }

    public bool HasVerb => VerbFirst >= 0;
}

/// <summary>
/// A person or body that a later pronoun or description may refer to, at a token position: a subject phrase (its
/// designation is built when first needed) or a speaker already designated.
/// </summary>
internal sealed class Candidate(int token, Phrase? phrase, Designation? designation, bool reporting)
{
    public int Token { get; } = token;
    public Phrase? Phrase { get; } = phrase;
    public Designation? Designation { get; set; } = designation;
    public bool Reporting { get; } = reporting;
    public Agreement Agreement => Designation?.Agreement ?? Phrase?.Agreement ?? Agreement.Unknown;
}

/// <summary>One document's quotations: the per-document state of <see cref="QuoteFinder"/>. Not thread-safe; not shared.</summary>
internal sealed class QuoteReading
{
    // Words between a subject phrase and its verb that a candidate may have ("en chef chinois").
    private const int MaxSubjectGap = 4;

    // Tokens of an incidental clause between commas after a subject ("Antony Blinken, en visite dans la région, a …").
    private const int MaxIncidental = 10;

    // How far back (tokens) to look for the reporting verb of a quotation in its sentence, for the cue word of
    // "Pour X, « … »", for the comma before an apposition, and for the start of a phrase ending at a given token.
    private const int MaxCueDistance = 40;
    private const int MaxCuePhrase = 14;
    private const int MaxApposition = 20;
    private const int MaxPhraseBack = 12;

    // Inside a quotation, an incise is looked for after each comma; the words after it must make a second part.
    private const int MinWordsAfterIncise = 1;

    private readonly Document document;
    private readonly TokenView v;
    private readonly bool[] inQuote;
    private readonly List<Candidate> candidates = [];
    private readonly List<string> names = [];
    private Designation? lastSpeaker;

    public QuoteReading(Document document, QuoteLexicon lexicon)
    {
        this.document = document;
        v = new TokenView(document, lexicon);
        inQuote = new bool[v.Count];
    }

    public Quote[] Run()
    {
        var quotations = QuotationMarks.Pair(v);
        foreach (var q in quotations)
            for (int k = q.Open; k < Math.Min(q.End + (q.Closed ? 1 : 0), v.Count); k++) inQuote[k] = true;
        CollectCandidates();

        var quotes = new List<Quote>();
        for (int i = 0; i < quotations.Count; i++)
            if (!quotations[i].Nested && ReadDirect(quotations, i) is { } quote) quotes.Add(quote);
        ReadReported(quotes);
        quotes.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Direct.CompareTo(b.Direct));
        return [.. quotes];
    }

    // ---------- direct quotations ----------

    private Quote? ReadDirect(List<Quotation> quotations, int index)
    {
        var q = quotations[index];
        int cs = q.ContentStart, last = q.End;
        while (last > cs && v.IsComma(last - 1)) last--;
        if (last <= cs) return null;
        int words = 0;
        for (int k = cs; k < last; k++) if (v.Tokens[k].Kind is TokenKind.Word or TokenKind.Number) words++;
        if (words < QuoteFinder.MinWords) return null;

        // "(« Le roi de la comédie »)", "le mot « … »", "baptisé « … »": a gloss, a term or a name, not speech
        int before = q.Open - 1;
        if (v.Is(before, ":") || v.Is(before, "de") || v.Is(before, "d'")) before--;
        if (v.Is(q.Open - 1, "(") || v.Has(before, WordRole.Label)) return null;

        int limit = SentenceEnd(Math.Min(q.End, v.Count - 1));
        Attribution? attribution = null;
        var parts = Array.Empty<TextSpan>();
        if (FindInnerIncise(cs, last) is var (cut, resume, inner))
        {
            attribution = inner;
            parts = [v.Source(cs, cut), v.Source(resume, last)];
        }
        if (attribution is null && q.Closed && q.End + 1 < v.Count) attribution = AfterQuote(q, last, limit);
        if (attribution is null || attribution.Speaker is null)
            attribution = BeforeQuote(q.Open) ?? attribution;
        // "« … », peut-on lire.": the latest source that reported something
        if (attribution is { Speaker: null, Impersonal: true, HasVerb: true, Verb.Kind: VerbKind.Write } impersonal)
            attribution = impersonal with { Speaker = Resolve(impersonal.VerbFirst, Agreement.Impersonal, default) };

        // « A.¶« B », a-t-elle dit: a quotation over paragraphs reopens each one and is attributed at its end
        for (int next = index + 1; attribution is null && !q.Closed && next < quotations.Count && quotations[next].Open == q.End && v.LineBreakBefore(q.End); next++)
        {
            var following = quotations[next];
            if (following.Nested) break;
            if (following.Closed && following.End + 1 < v.Count)
                attribution = FindInnerIncise(following.ContentStart, following.End)?.Attribution ?? AfterQuote(following, following.End, SentenceEnd(following.End));
            if (following.Closed) break;
        }

        bool sentenceInitial = PhraseReader.IsSentenceStart(v, q.Open) || v.Is(q.Open - 1, ":");
        bool capital = char.IsUpper(v.Text[v.Spans[cs].Start]);
        // A title or a name: short, capitalised, no final punctuation inside the marks ("« Gender gap report »." ends a
        // sentence but is a title), and nobody said it. An incise, even one we could not read ("« Nous partons », a …"),
        // makes it speech.
        bool incise = attribution is { Incise: true } || q.Closed && v.IsComma(q.End + 1) && (v.TryVerb(q.End + 2, out _) || v.Has(q.End + 2, WordRole.Auxiliary));
        if (!incise && attribution?.Speaker?.Name is null && capital && words <= QuoteFinder.MaxLabelWords && !HasTerminal(cs, last)) return null;
        if (attribution is null)
        {
            // a charge or a reason: "mis en examen pour « abus de biens sociaux »"
            if (!capital && words <= QuoteFinder.MaxLabelWords && v.Is(q.Open - 1, "pour")) return null;
            attribution = !sentenceInitial || !capital ? ClauseSubject(q.Open) : Continuation(q.Open);
        }
        return Build(v.Source(cs, last), parts, attribution, direct: true);
    }

    private bool HasTerminal(int from, int to)
    {
        for (int k = from; k < to; k++) if (v.IsTerminal(k)) return true;
        return false;
    }

    private Quote Build(TextSpan span, TextSpan[] parts, Attribution? attribution, bool direct)
    {
        var designation = attribution?.Speaker;
        Speaker? speaker = designation is null ? null : Link(designation);
        if (direct && designation is { Name: not null } && attribution is not null)
        {
            // "rappelle Ana Sofia Cardenal" inside the marks: later "Mme Cardenal" is completed from it
            if (designation.Name.Contains(' ') && designation.Description != designation.Name) names.Add(designation.Name);
            lastSpeaker = designation;
            candidates.Add(new Candidate(TokenAt(designation.Span.Start), null, designation, true));
        }
        string? date = null;
        TextSpan? verbSpan = null;
        if (attribution is { HasVerb: true })
        {
            verbSpan = v.Source(attribution.VerbFirst, attribution.VerbLast + 1);
            date = TimeOf(attribution.VerbFirst, attribution.VerbLast + 1);
        }
        date ??= document.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new Quote
        {
            Span = span,
            Parts = parts,
            Direct = direct,
            Speaker = speaker,
            Verb = attribution?.Verb?.Lemma,
            VerbSpan = verbSpan,
            Date = date,
            Medium = attribution?.Medium is { } medium ? document.Slice(medium) : null,
        };
    }

    // «A, a-t-il dit, B»: the incise after a comma inside the marks, and where the quotation resumes.
    private (int Cut, int Resume, Attribution Attribution)? FindInnerIncise(int cs, int last)
    {
        for (int k = cs + 2; k < last - 1; k++)
        {
            if (!v.IsComma(k - 1)) continue;
            if (ReadIncise(k, last, out int end) is not { Speaker: not null } incise) continue;
            // "« A, glisse-t-il lorsqu'on le croise devant la bibliothèque. B »": an inverted incise may carry a clause
            // of its own up to the next comma or full stop
            if (end < last && !(v.IsComma(end) || v.IsTerminal(end)) && Inverted(k, end))
                for (int t = end + 1; t < Math.Min(last, end + MaxInciseTail); t++)
                    if (v.IsComma(t) || v.IsTerminal(t)) { end = t; break; }
            if (end >= last || !(v.IsComma(end) || v.IsTerminal(end))) continue;
            int wordsAfter = 0;
            for (int j = end + 1; j < last; j++) if (v.IsWord(j)) wordsAfter++;
            if (wordsAfter >= MinWordsAfterIncise) return (k - 1, end + 1, incise);
        }
        return null;
    }

    // Tokens an inverted incise's own clause may run after its verb ("lorsqu'on le croise devant la bibliothèque").
    private const int MaxInciseTail = 15;

    // True when an inversion pronoun ("-t-il", "-elle") stands in [from, to): the incise is surely one.
    private bool Inverted(int from, int to)
    {
        for (int t = from; t < to; t++)
            if (v.Clitic(t) is not (Agreement.Unknown or Agreement.Impersonal)) return true;
        return false;
    }

    // «…», a indiqué une source russe / », a-t-il ajouté / », selon X / » par X (after "qualifié de")
    private Attribution? AfterQuote(Quotation q, int last, int limit)
    {
        int a = q.End + 1;
        bool comma = v.IsComma(last) || v.IsComma(q.End - 1) || v.IsTerminal(q.End - 1);
        if (v.IsComma(a)) { a++; comma = true; }
        if (v.Is(a, "par") && QualifyingVerb(q.Open) is int qualify && PhraseReader.Read(v, a + 1, limit) is { } agent)
        {
            var form = v.TryVerb(qualify, out var f) ? f : (VerbForm?)null;
            return new Attribution(Designate(agent), qualify, qualify, form, null);
        }
        if (!comma)
        {
            // «Pourquoi ?» a-t-il demandé is handled above (terminal inside); without a comma only an inversion counts
            var strict = ReadIncise(a, limit, out _);
            return strict is not null && v.Clitic(strict.VerbLast + 1) != Agreement.Unknown ? strict : null;
        }
        int n = v.Match(a, WordRole.Cue);
        if (n > 0) return PhraseReader.Read(v, a + n, limit) is { } source ? new Attribution(Designate(source), -1, -1, null, null) : null;
        return ReadIncise(a, limit, out _);
    }

    // "qualifié de « … »", "qualifieront de « … »": the qualifying verb just before the quotation, or null.
    private int? QualifyingVerb(int open)
    {
        int j = open - 1;
        if (!(v.Is(j, "de") || v.Is(j, "d'") || v.Is(j, "comme"))) return null;
        for (int k = j - 1; k >= Math.Max(0, j - 3); k--)
            if (v.TryVerb(k, out var form) && form.Kind == VerbKind.Qualify) return k;
        return null;
    }

    /// <summary>
    /// An incise at <paramref name="k"/>: "a indiqué jeudi une source russe à l'agence Ria Novosti", "a-t-il ajouté",
    /// "précise-t-elle", "met-il en perspective", "dit en substance le texte", "pourrait commenter le Président",
    /// "peut-on lire dans Les Échos". <paramref name="end"/> is the token after it (speaker, appositions, medium).
    /// </summary>
    private Attribution? ReadIncise(int k, int limit, out int end)
    {
        end = k;
        int j = k;
        if (v.Is(j, "s'") || v.Is(j, "se")) j++;
        int first = j, verb = -1;
        int clitic = -1;
        VerbForm? form = null;
        int n = v.Match(j, WordRole.Auxiliary);
        if (n > 0)
        {
            int a = j + n;
            if (v.Clitic(a) != Agreement.Unknown) clitic = a++;
            for (int m; (m = v.Match(a, WordRole.Skip)) > 0;) a += m;
            if (v.TryVerb(a, out var f)) { verb = a; form = f; }
            else if (clitic >= 0 && v.IsLower(a) && v.Roles(a) == WordRole.None) verb = a; // "a-t-il lâché" with a verb we do not list
            else return null;
            j = verb + 1;
        }
        else if (v.IsWord(j) && v.Clitic(j + 1) != Agreement.Unknown && v.Roles(j) == WordRole.None)
        {
            // "précise-t-elle", "met-il en perspective": an inverted verb after a quotation reports it
            verb = j;
            clitic = j + 1;
            if (v.TryVerb(j, out var f)) form = f;
            j = clitic + 1;
        }
        else if (v.TryVerb(j, out var f) && !f.Participle)
        {
            verb = j;
            form = f;
            j++;
        }
        else return null;
        if (form is { Kind: VerbKind.Qualify }) return null;

        int verbLast = verb;
        Designation? speaker = null;
        TextSpan? medium = null;
        bool impersonal = false;
        if (clitic >= 0)
        {
            var agreement = v.Clitic(clitic);
            // "met-il en perspective", "a-t-il ajouté à l'AFP": complements of the verb before the end of the incise
            int complements = j;
            j = SkipAdverbs(j, limit, ref medium);
            if (agreement == Agreement.Impersonal)
            {
                impersonal = true;
                if (medium is not null && form is { Kind: VerbKind.Write })
                {
                    // "peut-on lire dans le quotidien du soir": the publication is the source
                    for (int m = complements; m < j && speaker is null; m++)
                        if (ReadMediumPhrase(m, limit) is var (_, _, outlet)) speaker = Designate(outlet);
                }
                // "peut-on lire dans Les Échos": the publication is the source
                // "a-t-on appris de source policière": the source is the speaker
                if (speaker is null && (v.Is(j, "de") || v.Is(j, "auprès")) && PhraseReader.ReadBare(v, v.Is(j + 1, "de") ? j + 2 : j + 1, limit) is { } bare
                    && bare.Head >= 0 && v[bare.Head].StartsWith("source", StringComparison.OrdinalIgnoreCase))
                {
                    speaker = Designate(bare);
                    j = bare.End;
                }
                if (speaker is null && (v.Is(j, "dans") || v.Is(j, "sur")) && PhraseReader.Read(v, j + 1, limit) is { } source
                    && (form is { Kind: VerbKind.Write } || source.HasName))
                {
                    medium = v.Source(source.Start, source.End);
                    speaker = Designate(source);
                    j = source.End;
                }
            }
            else speaker = Resolve(clitic, agreement, v.Source(clitic, clitic + 1));
            end = j;
            return new Attribution(speaker, first, verbLast, form, medium, impersonal && speaker is null) { Incise = true };
        }

        j = SkipAdverbs(j, limit, ref medium);
        if (PhraseReader.Read(v, j, limit) is not { } phrase) return null;
        speaker = Designate(phrase);
        j = PhraseReader.ReadAppositions(v, phrase.End, limit, out var apposition);
        if (apposition is { } ap && speaker is { Description: null })
            speaker = speaker with { Description = document.Slice(v.Source(ap.Start, ap.End)), Country = speaker.Country ?? CountryOf(ap.Start, ap.End) };
        if (medium is null && ReadMedium(j, limit) is var (mediumSpan, mediumEnd)) { medium = mediumSpan; j = mediumEnd; }
        end = j;
        return new Attribution(speaker, first, verbLast, form, medium, speaker is null) { Incise = true };
    }

    private int SkipAdverbs(int j, int limit, ref TextSpan? medium)
    {
        for (int guard = 0; guard < 8 && j < limit; guard++)
        {
            int m = v.Match(j, WordRole.Skip);
            if (m > 0) { j += m; continue; }
            if (TimeEndAt(j) is int timeEnd) { j = timeEnd; continue; }
            if (medium is null && ReadMedium(j, limit) is var (span, end)) { medium = span; j = end; continue; }
            // "a déclaré aux journalistes", "a affirmé devant les députés", "a dit à la presse": the audience
            bool contracted = v.Is(j, "au") || v.Is(j, "aux"); // the article is in the preposition: "aux journalistes"
            if ((contracted || v.Is(j, "à") || v.Is(j, "devant"))
                && (contracted ? PhraseReader.ReadBare(v, j + 1, limit) : PhraseReader.Read(v, j + 1, limit)) is { Kind: PhraseKind.Description } audience
                && audience.End < limit && (v.Has(audience.End, WordRole.Determiner) || v.Has(audience.End, WordRole.Title) || v.IsCapitalised(audience.End) || v.IsPunctuation(audience.End)))
            {
                j = audience.End;
                continue;
            }
            break;
        }
        return j;
    }

    // "à l'agence Ria Novosti", "à l'AFP", "au Monde", "dans un entretien au Figaro", "sur France Inter"
    private (TextSpan Span, int End)? ReadMedium(int j, int limit) => ReadMediumPhrase(j, limit) is var (span, end, _) ? (span, end) : null;

    private (TextSpan Span, int End, Phrase Phrase)? ReadMediumPhrase(int j, int limit)
    {
        if (!(v.Is(j, "à") || v.Is(j, "au") || v.Is(j, "aux") || v.Is(j, "dans") || v.Is(j, "sur"))) return null;
        var phrase = v.Is(j, "au") || v.Is(j, "aux")
            ? PhraseReader.Read(v, j + 1, limit) is { HasName: true } named ? named : null
            : PhraseReader.Read(v, j + 1, limit);
        if (phrase is not { } p || p.Kind == PhraseKind.Pronoun) return null;
        bool mediumNoun = p.Head >= 0 && v.Has(p.Head, WordRole.Medium);
        if (!mediumNoun && !(p.HasName && !v.Is(j, "dans"))) return null;
        int end = p.End;
        // "dans un entretien au Figaro", "dans une interview accordée à Reuters"
        if (mediumNoun && !p.HasName && (v.Is(end, "à") || v.Is(end, "au")) && PhraseReader.Read(v, end + 1, limit) is { HasName: true } outlet)
            end = outlet.End;
        return (v.Source(p.Start, end), end, p);
    }

    // "X a déclaré : « … »", "Pour X, « … »", "X a affirmé qu'elle n'avait « rien à se reprocher »"
    private Attribution? BeforeQuote(int open)
    {
        int b = open - 1;
        if (b < 0) return null;
        int floor = v.Document.Sentences.Length > 0 ? v.Document.Sentences[v.SentenceOf[open]].FirstToken : 0;
        if (floor >= open) return null;
        if (v.Is(b, ":")) return ColonCue(b, floor);
        // "Selon M. Ménard, la nomination sera « bien vue »": a source opening the sentence covers its quotations
        int s = floor;
        for (int m; (m = v.Match(s, WordRole.Opener)) > 0;) s += m;
        if (OpeningSource(s, open) is { } opening) return new Attribution(Designate(opening), -1, -1, null, null);
        if (v.IsComma(b))
        {
            for (int j = b - 1; j >= Math.Max(floor, b - MaxCuePhrase); j--)
            {
                int n = v.Match(j, WordRole.Cue | WordRole.CuePour);
                if (n > 0 && PhraseReader.Read(v, j + n, b) is { } p && p.End == b)
                    return new Attribution(Designate(p), -1, -1, null, null);
            }
        }
        for (int j = b; j >= Math.Max(floor, open - MaxCueDistance); j--)
        {
            if (v.IsTerminal(j) || v.Is(j, ":")) break;
            if (v.IsComma(j) && !inQuote[j] && v.Has(j + 1, WordRole.Opener)) break; // ", tandis que le WWF parlait d'une « … »"
            if (inQuote[j] || !v.TryVerb(j, out var form) || form.Kind == VerbKind.Qualify && !v.Is(j + 1, "de") && !v.Is(j + 1, "d'")) continue;
            int group = VerbGroupStart(j, form);
            if (group < 0) continue;
            if (SubjectBefore(group, floor) is { } subject) return new Attribution(Designate(subject), group, j, form, null);
            break;
        }
        return null;
    }

    // "Selon un responsable américain ayant requis l'anonymat, …": the source phrase of a cue opening the sentence at
    // s, when a comma closes the cue before limit (what follows the phrase up to the comma qualifies it).
    private Phrase? OpeningSource(int s, int limit, bool cuePour = true)
    {
        int cue = v.Match(s, cuePour ? WordRole.Cue | WordRole.CuePour : WordRole.Cue);
        if (cue == 0 || PhraseReader.Read(v, s + cue, limit) is not { } source) return null;
        for (int j = source.End; j < limit && j < source.End + 8; j++)
        {
            if (v.IsComma(j)) return source;
            if (v.IsPunctuation(j) || inQuote[j]) break;
        }
        return null;
    }

    // "Il poursuit :", "le président Alain Fuchs déclare :", "Mme Cardenal, qui développe :", "Le ministre :"
    private Attribution? ColonCue(int colon, int floor)
    {
        int start = floor;
        for (int j = colon - 1; j >= floor; j--)
            if (v.Is(j, ":") || v.Is(j, ";") || v.IsTerminal(j)) { start = j + 1; break; }
        for (int j = colon - 1; j >= start; j--)
        {
            if (inQuote[j] || !v.TryVerb(j, out var form)) continue;
            int group = VerbGroupStart(j, form);
            if (group < 0) continue;
            var subject = SubjectBefore(group, start);
            return subject is null ? null : new Attribution(Designate(subject.Value), group, j, form, null);
        }
        int s = start;
        for (int m; (m = v.Match(s, WordRole.Opener)) > 0;) s += m;
        return PhraseReader.Read(v, s, colon) is { } label && label.End == colon && label.Kind != PhraseKind.Pronoun
            ? new Attribution(Designate(label), -1, -1, null, null)
            : null;
    }

    // The first token of the verbal group of verb token j ("a" of "a déclaré", "peut" of "peut-on lire"), or -1
    // when a participle has no auxiliary ("les études publiées").
    private int VerbGroupStart(int j, VerbForm form)
    {
        int g = j;
        while (g > 0 && v.Has(g - 1, WordRole.Skip) && j - g < 3) g--;
        if (v.Clitic(g - 1) != Agreement.Unknown) g--;
        if (g > 0 && v.Has(g - 1, WordRole.Auxiliary)) return v.Is(g - 2, "s'") || v.Is(g - 2, "se") ? g - 2 : g - 1;
        if (g > 1 && v.Is(g - 1, "été") && v.Has(g - 2, WordRole.Auxiliary)) return -1; // passive: "a été observé"
        if (form.Participle) return -1;
        return v.Is(j - 1, "s'") || v.Is(j - 1, "se") ? j - 1 : j;
    }

    /// <summary>The subject phrase ending just before the verbal group at <paramref name="group"/>, or null.</summary>
    private Phrase? SubjectBefore(int group, int floor)
    {
        int j = group - 1;
        while (j >= floor && (v.Is(j, "n'") || v.Is(j, "ne") || v.Is(j, "l'") || v.Is(j, "y") || v.Is(j, "en") || v.Is(j, "lui") && j > floor && !v.IsComma(j - 1))) j--;
        if (j < floor) return null;
        if (v.Is(j, "qui"))
        {
            // "Mme Cardenal, qui développe :": the antecedent
            int a = v.IsComma(j - 1) ? j - 2 : j - 1;
            return a >= floor ? PhraseEndingAt(a, floor) : null;
        }
        if (v.IsComma(j))
        {
            // "Le ministre des Transports, Clément Beaune, a assuré": a description with its name in apposition
            if (PhraseEndingAt(j - 1, floor) is { HasName: true, Kind: PhraseKind.Name } named && named.NameStart > named.Start) return named;
            // "Éric Alan Caldwell, responsable de la mobilité, a déclaré": the phrase before the apposition
            for (int c = j - 1; c > Math.Max(floor, j - MaxApposition); c--)
            {
                if (v.IsTerminal(c)) break;
                if (v.IsComma(c) && PhraseEndingAt(c - 1, floor) is { } before) return before;
            }
            return null;
        }
        return PhraseEndingAt(j, floor);
    }

    private Phrase? PhraseEndingAt(int j, int floor)
    {
        for (int s = Math.Max(floor, j - MaxPhraseBack); s <= j; s++)
        {
            if (inQuote[s]) continue;
            if (PhraseReader.Read(v, s, j + 1) is { } p && p.End == j + 1) return p;
        }
        return null;
    }

    // A partial quotation without a cue: the subject of its clause ("La lettre liste … des « financements … »"),
    // or the agent of a passive ("a été ouverte par le parquet de Paris pour « … »").
    private Attribution? ClauseSubject(int open)
    {
        int floor = v.Document.Sentences.Length > 0 ? v.Document.Sentences[v.SentenceOf[open]].FirstToken : 0;
        int start = floor;
        for (int j = open - 1; j > floor; j--)
            if (!inQuote[j] && (v.IsComma(j) || v.Is(j, ":") || v.Is(j, ";"))) { start = j + 1; break; }
        for (int j = start; j < open; j++)
        {
            if (!v.Is(j, "été")) continue;
            for (int m = j + 1; m < open; m++)
                if (v.Is(m, "par") && PhraseReader.Read(v, m + 1, open) is { } agent)
                    return new Attribution(Designate(agent), -1, -1, null, null);
        }
        var subject = SubjectAt(start, open) ?? (start != floor ? SubjectAt(floor, open) : null);
        return subject is null ? null : new Attribution(Designate(subject.Value), -1, -1, null, null);
    }

    private Phrase? SubjectAt(int s, int limit)
    {
        for (int m; (m = v.Match(s, WordRole.Opener)) > 0;) s += m;
        return PhraseReader.Read(v, s, limit) is { } p && p.End < limit ? p : null;
    }

    // A full-sentence quotation without a cue continues the previous speaker; a headline quotation is said by the
    // subject of the next sentence ("« … »\nAurélie Trouvé, porte-parole d'Attac, était l'invitée…").
    private Attribution? Continuation(int open)
    {
        if (lastSpeaker is not null) return new Attribution(lastSpeaker, -1, -1, null, null);
        if (v.Document.Sentences.Length == 0) return null;
        for (int s = v.SentenceOf[open] + 1; s < v.Document.Sentences.Length; s++)
        {
            var sentence = v.Document.Sentences[s];
            if (!sentence.IsStory || inQuote[sentence.FirstToken]) continue;
            return SubjectAt(sentence.FirstToken, sentence.EndToken) is { Kind: not PhraseKind.Pronoun } subject
                ? new Attribution(Designate(subject), -1, -1, null, null)
                : null;
        }
        return null;
    }

    // ---------- reported speech ----------

    private void ReadReported(List<Quote> quotes)
    {
        foreach (var sentence in v.Document.Sentences)
        {
            if (!sentence.IsStory) continue;
            int f = sentence.FirstToken, e = sentence.EndToken;
            int contentEnd = e;
            while (contentEnd > f && v.IsTerminal(contentEnd - 1)) contentEnd--;
            int s = f;
            for (int m; (m = v.Match(s, WordRole.Opener)) > 0;) s += m;

            // "Selon X, …" / "D'après X, …"
            if (!inQuote[s] && OpeningSource(s, contentEnd, cuePour: false) is { } source)
            {
                int comma = source.End;
                while (!v.IsComma(comma)) comma++;
                if (comma + 1 < contentEnd && !OnlyQuotation(comma + 1, contentEnd))
                {
                    quotes.Add(Build(v.Source(comma + 1, contentEnd), [], new Attribution(Designate(source), -1, -1, null, null), direct: false));
                    continue;
                }
            }
            int n;
            for (int k = f + 1; k < contentEnd; k++)
            {
                if (inQuote[k]) continue;
                // "…, selon Washington."
                n = v.Match(k, WordRole.Cue);
                if (n > 0 && v.IsComma(k - 1) && k - 1 > f && PhraseReader.Read(v, k + n, e) is { } tail && tail.End >= contentEnd)
                {
                    if (OnlyQuotation(f, k - 1)) break; // «…», selon X: the direct quotation has it
                    quotes.Add(Build(v.Source(f, k - 1), [], new Attribution(Designate(tail), -1, -1, null, null), direct: false));
                    break;
                }
                if (!v.TryVerb(k, out var form) || form.Kind == VerbKind.Qualify) continue;
                int group = VerbGroupStart(k, form);
                if (group < 0) continue;
                TextSpan? medium = null;
                int after = SkipAdverbs(k + 1, contentEnd, ref medium);
                // "X a affirmé que …"
                if ((v.Is(after, "que") || v.Is(after, "qu'")) && after + 1 < contentEnd && SubjectBefore(group, f) is { } subject)
                {
                    if (OnlyQuotation(after + 1, contentEnd)) break;
                    quotes.Add(Build(v.Source(after + 1, contentEnd), [], new Attribution(Designate(subject), group, k, form, medium), direct: false));
                    break;
                }
                // "…, ont annoncé les agences de presse russes"
                if (v.IsComma(group - 1) && group - 1 > f + 2 && !v.Is(k + 1, "que") && PhraseReader.Read(v, after, e) is { Kind: not PhraseKind.Pronoun } inverted)
                {
                    if (inQuote[group - 2]) continue; // «…», a-t-il dit: the direct quotation has it
                    quotes.Add(Build(v.Source(f, group - 1), [], new Attribution(Designate(inverted), group, k, form, medium), direct: false));
                    break;
                }
            }
        }
    }

    // "a assuré qu'« aucune solution ne sera imposée »": reported speech that is only a direct quotation adds nothing
    private bool OnlyQuotation(int from, int to) => from < to && inQuote[from] && inQuote[to - 1] && v.SentenceOf[from] == v.SentenceOf[to - 1]
        && IsMark(from) && IsMark(to - 1) && !HasUnquoted(from, to);

    private bool HasUnquoted(int from, int to)
    {
        for (int k = from; k < to; k++) if (!inQuote[k]) return true;
        return false;
    }

    private bool IsMark(int k) => v.Spans[k].Length == 1 && v.Text[v.Spans[k].Start] is '«' or '»' or '“' or '”' or '"' or '„';

    // ---------- speakers ----------

    private Designation? Designate(Phrase p)
    {
        var span = p.HasName ? v.Source(p.NameStart, p.NameEnd) : v.Source(p.Start, p.End);
        if (p.Kind == PhraseKind.Pronoun)
            return Resolve(p.Start, p.Agreement, span);
        string? head = p.Head >= 0 ? v[p.Head].ToString() : null;
        string? country = CountryOf(p.Start, p.End);
        if (p.HasName)
        {
            string name = Complete(document.Slice(span));
            string? description = null;
            if (p.NameStart > p.Start + 1 || p.NameStart == p.Start + 1 && v.Has(p.Start, WordRole.Determiner) is false && v.Has(p.Start, WordRole.Title) is false)
            {
                int d = p.NameStart;
                while (d > p.Start && v.IsComma(d - 1)) d--;
                description = document.Slice(v.Source(p.Start, d));
            }
            return new Designation(name, description, country, span, span, p.Agreement, head);
        }
        string text = document.Slice(span);
        // "la toxicologue", "le ministre": the person an earlier phrase named with the same noun
        if (head is not null && (v.Is(p.Start, "le") || v.Is(p.Start, "la") || v.Is(p.Start, "l'"))
            && v.Lexicon.NounLookup.TryGetValue(v[p.Head], out var noun) && noun.Kind == "person")
        {
            int best = -1;
            for (int i = 0; i < candidates.Count; i++)
            {
                if (candidates[i].Token >= p.Start || (best >= 0 && candidates[i].Token <= candidates[best].Token)) continue;
                if (candidates[i].Phrase is { } cp && !(cp.HasName && cp.Head >= 0 && v[cp.Head].Equals(head, StringComparison.OrdinalIgnoreCase))) continue;
                var c = DesignationOf(candidates[i]);
                if (c is { Name: not null, Head: not null, Description: not null } && string.Equals(c.Head, head, StringComparison.OrdinalIgnoreCase))
                    best = i;
            }
            if (best >= 0)
            {
                var c = candidates[best].Designation!;
                return new Designation(c.Name, text, c.Country ?? country, span, c.Anchor, c.Agreement, head);
            }
        }
        return new Designation(text, text, country, span, span, p.Agreement, head);
    }

    // The latest candidate before token that a pronoun of this agreement can refer to; "on" only to a reporting subject.
    private Designation? Resolve(int token, Agreement agreement, TextSpan pronoun)
    {
        int best = -1;
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Token >= token || best >= 0 && candidates[best].Token > c.Token) continue;
            if (agreement == Agreement.Impersonal ? !c.Reporting : !Compatible(agreement, c.Agreement)) continue;
            best = i;
        }
        if (best >= 0 && DesignationOf(candidates[best]) is { } found) return agreement == Agreement.Impersonal ? found : found with { Span = pronoun };
        return agreement == Agreement.Impersonal ? null : new Designation(null, null, null, pronoun, pronoun, agreement, null);
    }

    private Designation? DesignationOf(Candidate c)
    {
        if (c.Designation is null && c.Phrase is { } phrase) c.Designation = Designate(phrase);
        return c.Designation;
    }

    private static bool Compatible(Agreement pronoun, Agreement candidate) => pronoun switch
    {
        Agreement.Masculine => candidate is Agreement.Masculine or Agreement.Unknown,
        Agreement.Feminine => candidate is Agreement.Feminine or Agreement.Unknown,
        Agreement.MasculinePlural => candidate is Agreement.MasculinePlural or Agreement.Plural,
        Agreement.FemininePlural => candidate is Agreement.FemininePlural or Agreement.Plural,
        _ => false,
    };

    private string? CountryOf(int start, int end)
    {
        for (int k = start; k < end; k++)
            if (v.IsLower(k) && v.Lexicon.DemonymLookup.TryGetValue(v[k], out var code)) return code;
        return null;
    }

    // "Caldwell" → "Éric Alan Caldwell": the fullest name in the text ending (or starting) with the same words
    private string Complete(string name)
    {
        if (name.Contains(' ')) return name; // "Bruno Le Maire" is already a full name
        string? best = null;
        foreach (var full in names)
        {
            if (full.Length <= name.Length || (best is not null && full.Length <= best.Length)) continue;
            if (full.EndsWith(name, StringComparison.Ordinal) && full[full.Length - name.Length - 1] == ' '
                || full.StartsWith(name, StringComparison.Ordinal) && full[name.Length] == ' '
                || full.Contains(" " + name + " ", StringComparison.Ordinal)) // "Lula" in "Luiz Inacio Lula da Silva"
                best = full;
        }
        return best ?? name;
    }

    private Speaker Link(Designation d)
    {
        var speaker = new Speaker { Name = d.Name, Description = d.Description, Country = d.Country, Span = d.Span };
        if (document.Mentions.Length == 0) return speaker;
        // "selon un proche d'Edouard Philippe": the name inside the description is whom the speaker is close to
        if (d.Name == d.Description && d.Head is { } head && v.Lexicon.NounLookup.TryGetValue(head, out var noun) && noun.IsRelative) return speaker;
        // the entity whose mention overlaps the speaker (or, for a pronoun, its antecedent), names first
        int best = -1, bestScore = 0;
        for (int i = 0; i < document.Mentions.Length; i++)
        {
            var m = document.Mentions[i];
            if (m.Entity < 0 || m.Entity >= document.Entities.Length) continue;
            int score = 0;
            foreach (var target in (ReadOnlySpan<TextSpan>)[d.Span, d.Anchor])
                if (m.Span.Overlaps(target))
                    score = Math.Max(score, 1 + Math.Min(m.Span.End, target.End) - Math.Max(m.Span.Start, target.Start) + (m.Kind == MentionKind.Name ? 1000 : 0));
            if (score > bestScore) { best = i; bestScore = score; }
        }
        if (best < 0) return speaker;
        var entity = document.Entities[document.Mentions[best].Entity];
        return new Speaker { Entity = entity.Id, Name = entity.Name, Description = d.Description, Country = entity.Country ?? d.Country, Span = d.Span };
    }

    private void CollectCandidates()
    {
        for (int k = 0; k < v.Count; k++)
        {
            if (inQuote[k] || !v.IsWord(k)) continue;
            if (v.IsCapitalised(k) && PhraseReader.IsNameWord(v, k) && !(v.IsCapitalised(k - 1) && PhraseReader.IsNameWord(v, k - 1) && !PhraseReader.IsSentenceStart(v, k)))
            {
                int end = PhraseReader.ReadName(v, k, v.Count);
                if (end - k >= 2) names.Add(document.Slice(v.Source(k, end)));
            }
            bool subjectPosition = PhraseReader.IsSentenceStart(v, k) || v.IsComma(k - 1) || v.Is(k - 1, "que") || v.Is(k - 1, "qu'") || v.Has(k - 1, WordRole.Opener);
            // "comme le raconte Antoine Martin, 32 ans": a name right after a reporting verb is its (inverted) subject,
            // whom a later "-t-il" may take up
            if (!subjectPosition && v.IsCapitalised(k) && v.TryVerb(k - 1, out var inverted) && !inverted.Participle && inverted.Kind != VerbKind.Qualify
                && PhraseReader.Read(v, k, SentenceEnd(k)) is { HasName: true } named)
            {
                candidates.Add(new Candidate(k, named, null, true));
                continue;
            }
            if (!subjectPosition || v.Has(k, WordRole.Pronoun)) continue;
            int limit = SentenceEnd(k);
            if (PhraseReader.Read(v, k, limit) is not { } p) continue;
            int next = PhraseReader.ReadAppositions(v, p.End, limit, out _);
            if (v.IsComma(next) && (next != p.End || v.Has(next + 1, WordRole.Auxiliary) || v.TryVerb(next + 1, out _))) next++;
            else if (v.IsComma(next))
            {
                // "Antony Blinken, en visite dans la région, a plaidé": an incidental clause between subject and verb
                for (int c = next + 1; c < Math.Min(limit, next + MaxIncidental); c++)
                {
                    if (v.IsTerminal(c) || inQuote[c]) break;
                    if (v.IsComma(c)) { next = c + 1; break; }
                }
            }
            // "Le négociateur en chef chinois a jugé": a few words may stand between the phrase and its verb
            bool reporting = false, verbal = false;
            for (int g = next; g < Math.Min(limit, next + MaxSubjectGap) && !inQuote[g] && !v.IsPunctuation(g) && !verbal; g++)
            {
                reporting = v.TryVerb(g, out var form) && !form.Participle
                    || v.Has(g, WordRole.Auxiliary) && v.TryVerb(g + 1, out form) && form.Participle;
                verbal = reporting || v.Has(g, WordRole.Auxiliary) || v.Is(g, "s'") || v.Is(g, "se") || v.Is(g, "n'") || v.Is(g, "ne");
                if (v.Has(g, WordRole.Determiner) || v.Has(g, WordRole.Pronoun)) break;
            }
            if (!verbal) continue;
            if (p.Kind != PhraseKind.Pronoun) candidates.Add(new Candidate(k, p, null, reporting));
        }
    }

    // ---------- times ----------

    // The value of the time expression attached to the verbal group [first, end): "avait précisé mardi",
    // "a mardi déclaré", "Mardi, le ministre a déclaré".
    private string? TimeOf(int first, int end)
    {
        var times = document.Times;
        if (times.Length == 0) return null;
        var verb = v.Source(first, end);
        var text = document.Text.AsSpan();
        var sentence = v.Document.Sentences.Length > 0 ? v.Document.Sentences[v.SentenceOf[first]].Span : new TextSpan(0, text.Length);
        foreach (var t in times)
        {
            if (t.Value is null || t.Type is not (TimeType.Date or TimeType.Time) || !sentence.Contains(t.Span)) continue;
            bool attached = verb.Contains(t.Span)
                || t.Span.Start >= verb.End && text[verb.End..t.Span.Start].IsWhiteSpace()
                || t.Span.End <= verb.Start && text[t.Span.End..verb.Start].IsWhiteSpace()
                || t.Span.Start == sentence.Start && t.Span.End < verb.Start && text[t.Span.End..].TrimStart().StartsWith(",");
            if (attached) return t.Value;
        }
        return null;
    }

    // "a indiqué jeudi soir une source": the token after a time expression starting at token j, or null.
    private int? TimeEndAt(int j)
    {
        if (document.Times.Length == 0 || j >= v.Count) return null;
        int start = v.Tokens[j].Span.Start;
        foreach (var t in document.Times)
        {
            if (t.Span.Start != start) continue;
            int k = j;
            while (k < v.Count && v.Tokens[k].Span.End <= t.Span.End) k++;
            return k > j ? k : null;
        }
        return null;
    }

    private int SentenceEnd(int k)
    {
        var sentences = v.Document.Sentences;
        return sentences.Length == 0 ? v.Count : sentences[v.SentenceOf[Math.Min(k, v.Count - 1)]].EndToken;
    }

    private int TokenAt(int sourceOffset)
    {
        int lo = 0, hi = v.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (v.Tokens[mid].Span.End <= sourceOffset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
