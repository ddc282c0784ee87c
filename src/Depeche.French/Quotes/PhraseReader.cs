namespace Depeche.French.Quotes;

/// <summary>What kind of noun phrase designates a speaker.</summary>
internal enum PhraseKind : byte { Name, Description, Pronoun }

/// <summary>
/// A noun phrase that may designate a speaker, as token indexes: the phrase <c>[Start, End)</c>, the proper name in it
/// <c>[NameStart, NameEnd)</c> (empty when none), its head noun (or -1) and agreement.
/// </summary>
internal readonly record struct Phrase(int Start, int End, int NameStart, int NameEnd, int Head, Agreement Agreement, PhraseKind Kind)
{
    public bool HasName => NameEnd > NameStart;
}

/// <summary>
/// Reads speaker noun phrases without a tagger, from closed-class words and capitals: "une source russe",
/// "la porte-parole du département d'État américain, Tammy Bruce", "le président Alain Fuchs", "M. Caldwell",
/// "l'agence Ria Novosti", "Les Échos", "il". Pure functions over the token view.
/// </summary>
internal static class PhraseReader
{
    // A phrase longer than this is a clause read by mistake, not a speaker.
    private const int MaxPhraseTokens = 14;
    private const int MaxNameTokens = 6;
    private const int MaxComplements = 3;

    private static readonly string[] AdjectiveEndings =
    [
        "ain", "aine", "ains", "aines", "ais", "aise", "aises", "ois", "oise", "oises", "ien", "ienne", "iens", "iennes",
        "éen", "éenne", "éens", "el", "elle", "els", "elles", "al", "ale", "aux", "ales", "if", "ive", "ifs", "ives",
        "ique", "iques", "eux", "euse", "euses", "é", "ée", "és", "ées", "aire", "aires", "ier", "ière",
        "iers", "ières", "oint", "ointe", "oints", "ble", "bles", "èle", "ète",
    ];

    // Lower-case words that join the parts of a name ("Marielle de Sarnez", "M'Jid El Guerrab", "Jean-Marie Le Pen").
    private static readonly string[] Particles = ["de", "d'", "du", "van", "von", "der", "den", "ben", "bin", "al", "el", "di", "da", "dos", "del", "le", "la"];

    /// <summary>The speaker phrase starting at <paramref name="k"/> and ending before <paramref name="limit"/>, or null.</summary>
    public static Phrase? Read(TokenView v, int k, int limit)
    {
        limit = Math.Min(limit, v.Count);
        if (k < 0 || k >= limit || !v.IsWord(k)) return null;

        int n = v.Match(k, WordRole.Pronoun, out var info);
        if (n > 0 && k + n <= limit) return new Phrase(k, k + n, k, k, -1, info.Agreement, PhraseKind.Pronoun);

        n = v.Match(k, WordRole.Title, out info);
        if (n > 0 && k + n < limit && v.IsCapitalised(k + n))
        {
            int end = ReadName(v, k + n, limit);
            return new Phrase(k, end, k + n, end, -1, info.Agreement, PhraseKind.Name);
        }

        n = v.Match(k, WordRole.Determiner, out info);
        if (n > 0) return ReadDescription(v, k, k + n, limit, info.Agreement);

        if (v.IsCapitalised(k) && IsNameWord(v, k))
        {
            int end = ReadName(v, k, limit);
            return new Phrase(k, end, k, end, -1, Agreement.Unknown, PhraseKind.Name);
        }
        return null;
    }

    /// <summary>A description without determiner ("source policière" in "de source policière"), or null.</summary>
    public static Phrase? ReadBare(TokenView v, int k, int limit) =>
        v.IsLower(k) && v.Roles(k) == WordRole.None ? ReadDescription(v, k, k, limit, Agreement.Unknown) : null;

    private static Phrase? ReadDescription(TokenView v, int start, int j, int limit, Agreement agreement)
    {
        // "dans Les Échos", "selon Le Monde": a capitalised article inside a sentence belongs to a title
        if (v.IsCapitalised(start) && j < limit && v.IsCapitalised(j) && !IsSentenceStart(v, start) && IsNameWord(v, j))
        {
            int end = ReadName(v, j, limit);
            while (end < limit && v.IsLower(end) && IsAdjective(v, end) && v.Roles(end) == WordRole.None) end++; // "Le Canard enchaîné"
            return new Phrase(start, end, start, end, -1, agreement, PhraseKind.Name);
        }
        while (j < limit && v.Has(j, WordRole.PreAdjective) && j + 1 < limit && v.IsWord(j + 1) && (v.Roles(j + 1) & (WordRole.Stop | WordRole.Determiner)) == 0) j++;
        if (j >= limit || !v.IsWord(j) || (v.Roles(j) & (WordRole.Stop | WordRole.Auxiliary | WordRole.Determiner | WordRole.Pronoun)) != 0)
            return null;
        if (v.IsCapitalised(j))
        {
            // "l'EPA américaine", "le Parquet national financier"
            int end = ReadName(v, j, limit);
            int nameEnd = end;
            while (end < limit && v.IsLower(end) && IsAdjective(v, end)) end++;
            return new Phrase(start, end, j, nameEnd, -1, agreement, PhraseKind.Name);
        }
        int head = j++;
        if (v.Lexicon.NounLookup.TryGetValue(v[head], out var noun) && noun.Agreement != Agreement.Unknown)
            agreement = agreement is Agreement.Plural or Agreement.MasculinePlural or Agreement.FemininePlural
                ? (noun.Agreement == Agreement.Feminine || noun.Agreement == Agreement.FemininePlural ? Agreement.FemininePlural : Agreement.Plural)
                : noun.Agreement;
        int nameStart = -1, nameStop = -1, complements = 0;
        while (j < limit && j - start < MaxPhraseTokens)
        {
            if (v.IsLower(j) && IsAdjective(v, j) && v.Roles(j) == WordRole.None) { j++; continue; }
            int post = v.Match(j, WordRole.PostModifier);
            if (post > 0) { j += post; continue; }
            if (v.IsCapitalised(j) && IsNameWord(v, j))
            {
                // "le président Alain Fuchs", "la toxicologue Dominique Parent-Massin"
                nameStart = j;
                j = nameStop = ReadName(v, j, limit);
                break;
            }
            if ((v.Is(j, "de") || v.Is(j, "du") || v.Is(j, "des") || v.Is(j, "d'")) && complements < MaxComplements)
            {
                int m = j + 1;
                m += v.Match(m, WordRole.Determiner);
                while (m < limit && v.Has(m, WordRole.PreAdjective) && v.IsWord(m + 1)) m++;
                if (m >= limit || !v.IsWord(m)) break;
                if (v.IsCapitalised(m) && IsNameWord(v, m))
                {
                    int end = ReadName(v, m, limit);
                    // "le ministre de l'Economie Bruno Le Maire": a one-word institution, then the person's name
                    if (end - m >= 3 && IsNameWord(v, m + 1) && v.IsCapitalised(m + 1))
                    {
                        nameStart = m + 1;
                        j = nameStop = end;
                        break;
                    }
                    j = end;
                    complements++;
                    continue;
                }
                if (v.IsLower(m) && (v.Roles(m) & (WordRole.Stop | WordRole.Auxiliary | WordRole.Determiner | WordRole.Pronoun)) == 0)
                {
                    j = m + 1;
                    complements++;
                    continue;
                }
                break;
            }
            int title = v.IsComma(j) ? v.Match(j + 1, WordRole.Title) : 0; // "son avocat, Me Dupont"
            if (v.IsComma(j) && j + 1 + title < limit && v.IsCapitalised(j + 1 + title) && IsNameWord(v, j + 1 + title))
            {
                // "la porte-parole du département d'État américain, Tammy Bruce"
                int end = ReadName(v, j + 1 + title, limit);
                if (end >= limit || v.IsPunctuation(end) || v.Has(end, WordRole.Skip) || v.Is(end, "à") || v.Is(end, "dans") || v.Is(end, "lors"))
                {
                    nameStart = j + 1 + title;
                    j = nameStop = end;
                }
            }
            break;
        }
        return nameStart >= 0
            ? new Phrase(start, j, nameStart, nameStop, head, agreement, PhraseKind.Name)
            : new Phrase(start, j, start, start, head, agreement, PhraseKind.Description);
    }

    /// <summary>The end of a name starting at the capitalised token <paramref name="k"/>.</summary>
    public static int ReadName(TokenView v, int k, int limit)
    {
        int j = k + 1;
        while (j < limit && j - k < MaxNameTokens)
        {
            if (v.IsCapitalised(j) && IsNameWord(v, j)) { j++; continue; }
            // "Marielle de Sarnez", "Ursula von der Leyen": one or two particles before a capitalised word
            int particles = IsParticle(v, j) ? IsParticle(v, j + 1) ? 2 : 1 : 0;
            if (particles > 0 && j + particles < limit && v.IsCapitalised(j + particles) && IsNameWord(v, j + particles)) { j += particles + 1; continue; }
            break;
        }
        return j;
    }

    /// <summary>
    /// Descriptions in apposition after a phrase ending at <paramref name="j"/>: ", toxicologue, ancien de l'Anses".
    /// Returns the end of the last one, or <paramref name="j"/> when there is none; <paramref name="first"/> is the first one.
    /// </summary>
    public static int ReadAppositions(TokenView v, int j, int limit, out Phrase? first)
    {
        first = null;
        for (int guard = 0; guard < 3 && v.IsComma(j) && j + 1 < limit; guard++)
        {
            int k = j + 1;
            Phrase? phrase = null;
            if (v.IsLower(k) && (v.Lexicon.NounLookup.ContainsKey(v[k]) || v.Has(k, WordRole.PreAdjective)))
                phrase = ReadDescription(v, k, k, limit, Agreement.Unknown);
            else if (v.Has(k, WordRole.Determiner) && v.Lexicon.NounLookup.ContainsKey(v[k + 1 < v.Count ? k + 1 : k]))
                phrase = Read(v, k, limit);
            if (phrase is not { Kind: PhraseKind.Description } p) break;
            int end = p.End;
            // "professeure de sciences politiques et auteure de cette étude"
            while (v.Is(end, "et") && end + 1 < limit && v.IsLower(end + 1) && v.Lexicon.NounLookup.ContainsKey(v[end + 1]))
                end = ReadDescription(v, end + 1, end + 1, limit, Agreement.Unknown)?.End ?? end;
            first ??= p with { End = end };
            j = end;
        }
        return j;
    }

    public static bool IsSentenceStart(TokenView v, int k)
    {
        if (k <= 0 || v.LineBreakBefore(k) || v.IsTerminal(k - 1)) return true;
        var sentence = v.Document.Sentences.Length > 0 ? v.Document.Sentences[v.SentenceOf[k]] : default;
        if (sentence.TokenCount > 0 && sentence.FirstToken == k) return true;
        var previous = v[k - 1];
        return previous.Length == 1 && previous[0] is '«' or '“' or '"' or ':' or '(' or '-' or '–' or '—';
    }

    public static bool IsNameWord(TokenView v, int k) =>
        (v.Roles(k) & (WordRole.Determiner | WordRole.Stop | WordRole.Opener | WordRole.Cue | WordRole.CuePour | WordRole.Skip
                       | WordRole.Pronoun | WordRole.Title | WordRole.Auxiliary)) == 0
        && !v.TryVerb(k, out _);

    public static bool IsAdjective(TokenView v, int k)
    {
        var word = v[k];
        if (v.Lexicon.DemonymLookup.ContainsKey(word)) return true;
        if (word.Length < 4) return false;
        foreach (var ending in AdjectiveEndings)
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsParticle(TokenView v, int k)
    {
        if (!v.IsWord(k)) return false;
        var word = v[k];
        foreach (var particle in Particles)
            if (word.Equals(particle, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
