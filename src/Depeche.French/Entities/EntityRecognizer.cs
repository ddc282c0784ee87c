using Depeche.Pipeline;
using Depeche.Text;

namespace Depeche.French.Entities;

/// <summary>
/// Finds the names of people, organisations and places (<see cref="Document.Mentions"/>, not yet grouped) with rules
/// over tokens: gazetteer phrases (longest first, with their case policy), organisation and place heads with their
/// complements ("ministère de la Justice", "Office fédéral de l'agriculture", "canton de Berne"), and runs of
/// capitalised words joined by name particles ("Marielle de Sarnez", "Bachar al-Assad"), typed by titles ("M.",
/// "le président"), given names, heads, locative prepositions and acronyms. Capitalised words at a sentence start
/// that are common French words ("Cette", "Selon", "Jeudi") and page furniture are not names; demonyms ("les
/// Russes") are not entities (the <see cref="Actors.ActorResolver"/> keeps them as collective actors).
/// </summary>
/// <remarks>Immutable and thread-safe: per-document scratch lives on the calling thread.</remarks>
public sealed class EntityRecognizer : IStage
{
    // Longest run of capitalised words taken as one name; longer runs are title-case headlines, not names.
    private const int MaxNameTokens = 8;
    // Complements after an organisation head ("de la sécurité alimentaire et des affaires vétérinaires").
    private const int MaxComplements = 5;
    // Phrase matches examined at one position (nested entries: "Conseil", "Conseil de sécurité", ...).
    private const int MaxMatches = 16;

    [ThreadStatic] private static FoldedTokens? scratch;

    private readonly Gazetteer gazetteer;

    public EntityRecognizer() : this(Gazetteer.Default) { }

    public EntityRecognizer(Gazetteer gazetteer) => this.gazetteer = gazetteer;

    public Layers Requires => Layers.Tokens | Layers.Sentences;
    public Layers Adds => Layers.Entities;

    public void Process(Document document)
    {
        var words = scratch ??= new FoldedTokens();
        words.Fill(document.Text, document.Tokens);
        var mentions = new List<EntityMention>(document.Tokens.Length / 12 + 4);
        foreach (var segment in document.Sentences)
        {
            if (segment.Kind == SegmentKind.Boilerplate) continue;
            Recognize(document.Text, document.Tokens, words, segment.FirstToken, segment.EndToken, mentions);
        }
        document.Mentions = Echoed(document.Text, mentions);
    }

    // Unknown single words that open a sentence ("Vachement", "Concrètement") were marked Description: keep those
    // that another mention repeats ("Bayer a racheté ... le groupe Bayer") and make them names.
    private static EntityMention[] Echoed(string text, List<EntityMention> mentions)
    {
        bool any = false;
        foreach (var m in mentions) any |= m.Kind == MentionKind.Description;
        if (!any) return [.. mentions];
        // how many mentions end with each word ("le groupe Bayer" ends with "Bayer")
        var lastWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lookup = lastWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var m in mentions)
        {
            var span = text.AsSpan(m.Span.Start, m.Span.Length);
            int space = span.LastIndexOf(' ');
            var last = space < 0 ? span : span[(space + 1)..];
            lookup[last] = lookup.TryGetValue(last, out int c) ? c + 1 : 1;
        }
        var kept = new List<EntityMention>(mentions.Count);
        foreach (var m in mentions)
        {
            if (m.Kind != MentionKind.Description) { kept.Add(m); continue; }
            if (lookup.TryGetValue(text.AsSpan(m.Span.Start, m.Span.Length), out int count) && count >= 2) kept.Add(m with { Kind = MentionKind.Name });
        }
        return [.. kept];
    }

    /// <summary>Appends the mentions of tokens <c>[first, end)</c> (one segment) to <paramref name="mentions"/>.</summary>
    public void Recognize(string text, Token[] tokens, FoldedTokens words, int first, int end, List<EntityMention> mentions)
    {
        int i = first;
        bool shouting = IsShouted(text, tokens, first, end);
        while (i < end)
        {
            if (tokens[i].Kind != TokenKind.Word && tokens[i].Kind != TokenKind.Number) { i++; continue; }
            i = At(text, tokens, words, first, i, end, mentions, shouting);
        }
    }

    // A segment written all in capitals ("MONTANT DE LA CAISSE DE GRÈVE DEPUIS 2016"): capitals say nothing of names there.
    private static bool IsShouted(string text, Token[] tokens, int first, int end)
    {
        int words = 0;
        for (int k = first; k < end; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            var w = text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length);
            foreach (char c in w) if (char.IsLower(c)) return false;
            if (w.Length > 1) words++;
        }
        return words >= MinShoutedWords;
    }

    // Fewest words in capitals for a segment to be a shouted heading rather than a name or an acronym ("UE", "SNCF").
    private const int MinShoutedWords = 3;

    private int At(string text, Token[] tokens, FoldedTokens words, int first, int i, int end, List<EntityMention> mentions, bool shouting = false)
    {
        var token = text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length);
        bool capitalised = IsCapitalised(token);
        // most words are lower case and start nothing: one bitmap test, no lookup
        if (!capitalised && !char.IsDigit(token[0]) && !gazetteer.MayStartLowercase(words[i])) return i + 1;

        // 1. gazetteer phrase and organisation head: the longer wins, the gazetteer on a tie
        int gazEnd = MatchGazetteer(text, tokens, words, first, i, end, out var surface);
        // in a shouted segment only the gazetteer names things ("LA CGT APPELLE À LA GRÈVE")
        EntityType headType = EntityType.ORG;
        bool skipHead = false;
        int headEnd = shouting ? i : MatchHead(text, tokens, words, i, end, out headType, out skipHead);
        if (skipHead && gazEnd <= i) return i + 1; // "agence Ria Novosti": the name that follows stands alone
        if (headEnd > gazEnd && headEnd > i)
        {
            mentions.Add(new EntityMention(Span(tokens, i, headEnd), headType, MentionKind.Name, -1));
            return headEnd;
        }
        if (gazEnd > i && surface is not null)
        {
            // "Maurice Ravel", "Jordan Bardella": a place that is also a given name, before a capitalised word, is a person
            bool givenName = gazEnd == i + 1 && surface.Entry.Type == EntityType.LOC && words.Count > i + 1 && i + 1 < end
                && gazetteer.FirstNames.Contains(words[i]) && IsCapitalised(Word(text, tokens, i + 1)) && !gazetteer.NonNames.Contains(words[i + 1]);
            if (!givenName)
            {
                mentions.Add(new EntityMention(Span(tokens, i, gazEnd), surface.Entry.Type, MentionKind.Name, -1));
                return gazEnd;
            }
        }
        if (shouting) return i + 1;

        var folded = words[i];
        if (gazetteer.Demonyms.ContainsKey(folded)) return i + 1; // "Russes", "américain": actors, not entities
        if (!capitalised && !IsCodeName(token)) return i + 1;
        if (gazetteer.NonNames.Contains(folded)) return i + 1;
        if (IsTitleAt(words, i, end, out int titleEnd)) return titleEnd; // "M.", "Mme", "Sir" introduce the name that follows
        bool initial = IsSentenceInitial(text, tokens, first, i);
        bool allCaps = IsAllCaps(token);
        if ((initial || allCaps) && gazetteer.CommonWords.Contains(folded) && !gazetteer.FirstNames.Contains(folded)) return i + 1;
        if (allCaps && token.Length > 1 && IsRomanNumeral(token)) return i + 1;
        if (token.Length == 1) return i + 1; // "A", "À" at a sentence start
        if (HasLowerThenDigit(token)) return i + 1; // "Sports18", "musique9": a listing or OCR glue, not a name

        // 2. a run of capitalised words, joined by name particles
        bool person = gazetteer.FirstNames.Contains(FirstPart(folded));
        int j = i + 1;
        bool hasHead = gazetteer.Heads.Starts(folded);
        while (j < end && j - i < MaxNameTokens)
        {
            var w = Word(text, tokens, j);
            if (tokens[j].Kind == TokenKind.Word && IsCapitalised(w) && (!gazetteer.NonNames.Contains(words[j]) || IsCardinalPoint(words[j])) && !gazetteer.Demonyms.ContainsKey(words[j])
                && !IsAdjacentAcrossBreak(text, tokens, j))
            {
                // "le ministre de la Santé Olivier Véran": a given name starts a new name
                if (!person && gazetteer.FirstNames.Contains(FirstPart(words[j])) && !hasHead) break;
                hasHead |= gazetteer.Heads.Starts(words[j]);
                j++;
                continue;
            }
            int particle = ParticleLength(words, j, end, person);
            if (particle > 0 && j + particle < end && IsCapitalised(Word(text, tokens, j + particle)) && !gazetteer.NonNames.Contains(words[j + particle]))
            {
                j += particle;
                continue;
            }
            break;
        }

        // "Concertgebouw d'Amsterdam", "Chantiers de l'Atlantique": an unknown name "of" a known place is an organisation
        bool ofPlace = false;
        if (!person && j + 1 < end && words[j] is "de" or "d'" or "du")
        {
            int at = j + 1 < end && words[j + 1] is "l'" or "la" ? j + 2 : j + 1;
            if (at < end && MatchGazetteer(text, tokens, words, first, at, end, out var place) > at && place!.Entry.Type == EntityType.LOC
                && !HasTitleBefore(words, first, i) && !LooksLikeCommonNoun(folded))
            {
                j = MatchGazetteer(text, tokens, words, first, at, end, out _);
                ofPlace = true;
            }
        }
        bool single = j == i + 1;
        // a lone capitalised common noun is emphasis or a heading ("la Constitution", "Grève"), not a name
        if (single && !person && (gazetteer.CommonWords.Contains(folded) || LooksLikeCommonNoun(folded)) && !HasTitleBefore(words, first, i)) return i + 1;
        EntityType type;
        if (person || HasTitleBefore(words, first, i)) type = EntityType.PER;
        else if (hasHead || ofPlace) type = EntityType.ORG;
        else if (single && (IsAcronym(token) || IsCodeName(token) || HasInnerCapital(token))) type = EntityType.ORG;
        // "l'Anses", "selon le Canard": a person's name takes no article
        else if (single && i > first && IsArticle(words[i - 1]) && !(i - 1 > first && IsLocative(words[i - 2]))) type = EntityType.ORG;
        else if (single && LooksLikeTown(folded) || IsSaint(folded) && !single) type = EntityType.LOC;
        else if (WithDepartment(text, tokens, i, j, end)) type = EntityType.LOC;
        else if (!single && j - i <= 3 && LooksLikePerson(text, tokens, words, i, j)) type = EntityType.PER;
        else if (i > first && IsLocative(words[i - 1])) type = EntityType.LOC;
        else if (single && i - 1 > first && words[i - 1] is "de" or "d'" && gazetteer.PlaceCues.Contains(words[i - 2])) type = EntityType.LOC;
        else if (CoordinatedType(text, tokens, words, first, i, mentions) is { } same) type = same;
        else type = single ? EntityType.PER : EntityType.ORG;
        // an unknown single word opening a sentence is kept only when the document names it elsewhere (see Echoed)
        bool opening = i == first || Word(text, tokens, i - 1) is "«" or "“" or "\"";
        var kind = single && opening && !person && type != EntityType.ORG ? MentionKind.Description : MentionKind.Name;
        mentions.Add(new EntityMention(Span(tokens, i, j), type, kind, -1));
        return j;
    }

    private int MatchGazetteer(string text, Token[] tokens, FoldedTokens words, int first, int i, int end, out Surface? surface)
    {
        surface = null;
        var matches = MatchBuffer;
        int n = gazetteer.Names.Matches(words, i, end, matches);
        for (int m = n - 1; m >= 0; m--)
        {
            int stop = matches[m].End;
            foreach (var s in matches[m].Values)
            {
                if (!Accepts(text, tokens, words, first, i, stop, end, s)) continue;
                surface = s;
                return stop;
            }
        }
        return i;
    }

    [ThreadStatic] private static (int, List<Surface>)[]? matchBuffer;
    private static Span<(int End, List<Surface> Values)> MatchBuffer => matchBuffer ??= new (int, List<Surface>)[MaxMatches];

    private bool Accepts(string text, Token[] tokens, FoldedTokens words, int first, int i, int stop, int end, Surface s)
    {
        var token = Word(text, tokens, i);
        switch (s.Case)
        {
            case CasePolicy.Any:
                break;
            case CasePolicy.Capitalised:
                if (!IsCapitalised(token)) return false;
                break;
            case CasePolicy.AllCaps:
                for (int k = i; k < stop; k++) if (!IsAllCaps(Word(text, tokens, k))) return false;
                break;
            case CasePolicy.AfterArticle:
                if (!IsCapitalised(token) || i == first || !IsArticle(words[i - 1])) return false;
                break;
        }
        if (s.Weak)
        {
            // a bare surname ("Trump") is that person unless another capitalised name is glued to it ("Lara Trump")
            if (i > first && IsCapitalised(Word(text, tokens, i - 1)) && tokens[i - 1].Kind == TokenKind.Word && !IsSentenceInitial(text, tokens, first, i - 1)) return false;
            if (stop < end && IsCapitalised(Word(text, tokens, stop)) && tokens[stop].Kind == TokenKind.Word) return false;
        }
        return true;
    }

    // An organisation or place head with its adjectives and complements; 0 when none applies.
    private int MatchHead(string text, Token[] tokens, FoldedTokens words, int i, int end, out EntityType type, out bool skipHead)
    {
        type = EntityType.ORG;
        skipHead = false;
        if (!gazetteer.Heads.Starts(words[i])) return 0;
        var matches = HeadBuffer;
        int n = gazetteer.Heads.Matches(words, i, end, matches);
        if (n == 0) return 0;
        var (headEnd, heads) = matches[n - 1];
        var head = heads[0];
        type = head.Type;
        bool capitalised = IsCapitalised(Word(text, tokens, i));
        if (!capitalised && head.Lower == HeadUse.CapitalisedOnly) return 0;
        if (!capitalised && head.Lower == HeadUse.Direct)
        {
            // "lycée Jean Zay", "parti Les Républicains"; "agence Ria Novosti" leaves the known name alone
            if (headEnd >= end || !IsCapitalised(Word(text, tokens, headEnd)) || gazetteer.NonNames.Contains(words[headEnd])
                && !gazetteer.Names.Starts(words[headEnd])) return 0;
            int known = MatchGazetteer(text, tokens, words, headEnd, headEnd, end, out _);
            if (known > headEnd) { skipHead = true; return 0; }
            int k = headEnd;
            while (k < end && k - headEnd < MaxNameTokens && IsCapitalised(Word(text, tokens, k)) && tokens[k].Kind == TokenKind.Word) k++;
            return k;
        }

        int j = headEnd;
        int lastName = capitalised ? j : 0;
        j = Adjectives(text, tokens, words, j, end, ref lastName);
        if (capitalised) lastName = Math.Max(lastName, j);
        for (int c = 0; c < MaxComplements && j < end; c++)
        {
            int k = j;
            var w = words[k];
            bool article = false;
            if (w is "et" && c > 0 && k + 1 < end && IsDe(words[k + 1])) w = words[++k];
            if (IsDe(w))
            {
                k++;
                if (k < end && words[k] is "la" or "l'" or "le" or "les") { k++; article = true; }
                else article = w is "du" or "des";
            }
            else if (w is "pour" or "sur" && k + 1 < end && words[k + 1] is "la" or "l'" or "le" or "les") { k += 2; article = true; }
            else break;
            if (k >= end || tokens[k].Kind != TokenKind.Word) break;
            var word = Word(text, tokens, k);
            if (IsCapitalised(word))
            {
                int m = k + 1;
                while (m < end && m - k < MaxNameTokens && tokens[m].Kind == TokenKind.Word && IsCapitalised(Word(text, tokens, m))) m++;
                j = Adjectives(text, tokens, words, m, end, ref lastName);
                lastName = j; // "ministère des Affaires étrangères"
                continue;
            }
            if (!capitalised && head.Lower != HeadUse.Chain) break;
            if (gazetteer.FunctionWords.Contains(words[k]) || gazetteer.Demonyms.ContainsKey(words[k])) break;
            if (!article && LooksLikeInfinitive(words[k])) break; // "la Commission de vérifier"
            k++;
            // "de grande instance": a second lower-case word when the head is lower case and a name must follow
            if (!capitalised && k < end && tokens[k].Kind == TokenKind.Word && !IsCapitalised(Word(text, tokens, k))
                && !gazetteer.FunctionWords.Contains(words[k]) && !IsDe(words[k]) && !LooksLikeInfinitive(words[k])) k++;
            int before = lastName;
            j = Adjectives(text, tokens, words, k, end, ref lastName);
            if (capitalised) lastName = j;
            else lastName = before;
        }
        if (capitalised)
            return lastName > headEnd ? lastName : 0; // a bare "Conseil" is not a name
        return lastName > headEnd ? lastName : 0;
    }

    [ThreadStatic] private static (int, List<NameHead>)[]? headBuffer;
    private static Span<(int End, List<NameHead> Values)> HeadBuffer => headBuffer ??= new (int, List<NameHead>)[4];

    // Lower-case adjectives after a head ("mondiale", "fédéral", "suisse") and capitalised ones ("Ouverte"); returns the end.
    private int Adjectives(string text, Token[] tokens, FoldedTokens words, int j, int end, ref int lastName)
    {
        while (j < end && tokens[j].Kind == TokenKind.Word)
        {
            var w = Word(text, tokens, j);
            if (IsCapitalised(w))
            {
                // "Orchestre National de France": a capitalised adjective belongs to the name
                if (gazetteer.NonNames.Contains(words[j]) && !gazetteer.Names.Starts(words[j]) && !IsAdjective(words[j])) break;
                j++;
                lastName = j;
                continue;
            }
            if (!IsAdjective(w) && !gazetteer.Demonyms.ContainsKey(words[j])) break;
            if (gazetteer.FunctionWords.Contains(words[j])) break;
            j++;
        }
        return j;
    }

    private static readonly string[] AdjectiveEndings =
    [
        "al", "ale", "aux", "ales", "el", "elle", "els", "elles", "ien", "ienne", "iens", "iennes", "ique", "iques", "aire", "aires",
        "ais", "aise", "aises", "ois", "oise", "oises", "ain", "aine", "ains", "aines", "if", "ive", "ifs", "ives", "ier", "ière",
        "iers", "ières", "éen", "éenne", "éens", "éennes", "ole", "oles", "ieur", "ieure", "ieurs", "unies", "unis", "uni", "unie", "ère", "ères",
        "é", "ée", "és", "ées",
    ];

    private static bool IsAdjective(ReadOnlySpan<char> w)
    {
        if (w.Length < 4) return false;
        foreach (var e in AdjectiveEndings) if (w.EndsWith(e, StringComparison.Ordinal)) return true;
        return false;
    }

    // "de vérifier", "de prendre"; nouns in -ure ("d'agriculture") are not verbs
    private static bool LooksLikeInfinitive(ReadOnlySpan<char> folded) =>
        folded.Length > 3 && (folded.EndsWith("er") || folded.EndsWith("ir") || folded.EndsWith("re") && !folded.EndsWith("ure"));

    // "les entreprises Lime et Bird": a name coordinated with the previous one has its type
    private static EntityType? CoordinatedType(string text, Token[] tokens, FoldedTokens words, int first, int i, List<EntityMention> mentions)
    {
        if (i - 2 < first || mentions.Count == 0) return null;
        if (words[i - 1] is not ("et" or "ou" or ",")) return null;
        var last = mentions[^1];
        return last.Span.End == tokens[i - 2].Span.End ? last.Type : null;
    }

    // "Actes Sud", "Ouest-France": a cardinal point inside a name
    private static bool IsCardinalPoint(ReadOnlySpan<char> w) => w is "nord" or "sud" or "est" or "ouest";

    // "Révolution", "Attentat", "Location": capitalised headings and emphasis, not names
    private static bool LooksLikeCommonNoun(ReadOnlySpan<char> folded)
    {
        foreach (var e in (ReadOnlySpan<string>)["tion", "tions", "sion", "ment", "ments", "isme", "ite", "ites", "ance", "ences", "ence", "ure", "ures", "age", "ages", "at", "ats"])
            if (folded.Length > e.Length + 3 && folded.EndsWith(e, StringComparison.Ordinal)) return true;
        return false;
    }

    // "St. Gall", "Saint Louis", "San Francisco": a saint's name before another word is a place
    private static bool IsSaint(ReadOnlySpan<char> folded) => folded is "st." or "st" or "saint" or "sainte" or "san" or "santa" or "sao" or "ste";

    // "Aulnay-sous-Bois", "Saint-Denis", "Mitry-Mory": French place-name shapes
    // A French town with its département number, the regional press's way to place it: "lycée Mozart (Blanc-Mesnil, 93)",
    // "Stains (93)", "à Mitry-Mory (77)".
    private static bool WithDepartment(string text, Token[] tokens, int i, int j, int end)
    {
        if (j < end && Word(text, tokens, j) is "(") return j + 2 < end && IsDepartment(Word(text, tokens, j + 1)) && Word(text, tokens, j + 2) is ")";
        return i > 0 && Word(text, tokens, i - 1) is "(" && j + 2 < end && Word(text, tokens, j) is ","
            && IsDepartment(Word(text, tokens, j + 1)) && Word(text, tokens, j + 2) is ")";
    }

    // 01–95 (with 2A, 2B for Corsica) and the overseas 971–976
    private static bool IsDepartment(ReadOnlySpan<char> w) => w.Length switch
    {
        2 when w[0] is '2' && w[1] is 'A' or 'B' => true,
        2 => char.IsAsciiDigit(w[0]) && char.IsAsciiDigit(w[1]) && w is not "00" && (w[0] - '0') * 10 + (w[1] - '0') <= 95,
        3 => w[0] == '9' && w[1] == '7' && w[2] is >= '1' and <= '6',
        _ => false,
    };

    private static bool LooksLikeTown(ReadOnlySpan<char> folded) =>
        folded.StartsWith("saint-") || folded.StartsWith("sainte-") || folded.Contains("-sur-", StringComparison.Ordinal)
        || folded.Contains("-sous-", StringComparison.Ordinal) || folded.Contains("-en-", StringComparison.Ordinal)
        || folded.Contains("-les-", StringComparison.Ordinal) || folded.Contains("-le-", StringComparison.Ordinal)
        || folded.Contains("-la-", StringComparison.Ordinal) || folded.Contains("-de-", StringComparison.Ordinal);

    // Two or three title-case words, none a common French word ("Gilets Jaunes" is not a person, "Seiji Ozawa" is).
    private bool LooksLikePerson(string text, Token[] tokens, FoldedTokens words, int i, int j)
    {
        for (int k = i; k < j; k++)
        {
            var w = Word(text, tokens, k);
            if (k > i && IsRomanNumeral(w)) return true; // "Napoléon III", "Jean-Paul II"
            if (IsAllCaps(w) && w.Length > 1) return false;
            if (tokens[k].Kind != TokenKind.Word) return false;
            if (k > i && ParticleLength(words, k, j, true) > 0) continue;
            if (gazetteer.CommonWords.Contains(words[k]) && !gazetteer.FirstNames.Contains(words[k])) return false;
            // "Gilets Jaunes": a plural of a common word
            var word = words[k];
            if (word.Length > 3 && word[^1] is 's' or 'x' && gazetteer.CommonWords.Contains(word[..^1])) return false;
            // "Business France", "STX France": a country or city inside the name
            if (k > i && gazetteer.Find(words, k, k + 1) is { Type: EntityType.LOC, Kind: GazetteerKind.Country or GazetteerKind.City }) return false;
        }
        return true;
    }

    private static bool IsDe(ReadOnlySpan<char> w) => w is "de" or "d'" or "du" or "des";

    private static bool IsArticle(ReadOnlySpan<char> w) => w is "le" or "la" or "les" or "l'" or "du" or "au" or "aux" or "des";

    private static bool IsLocative(ReadOnlySpan<char> w) => w is "a" or "au" or "aux" or "en" or "vers" or "depuis";

    // "de", "d'", "von", "ben", "al"... Person names take "de"/"d'"/"du" only after a given name ("Marielle de Sarnez").
    private static int ParticleLength(FoldedTokens words, int j, int end, bool person)
    {
        var w = words[j];
        if (w is "von" or "van" or "der" or "den" or "ben" or "bin" or "ibn" or "al" or "el" or "da" or "di" or "dos" or "del" or "della" or "bint" or "abou" or "abu")
            return j + 1 < end && words[j + 1] is "der" or "den" ? 2 : 1;
        if (person && w is "de" or "d'" or "du") return j + 1 < end && words[j + 1] is "la" ? 2 : 1;
        return 0;
    }

    private bool IsTitleAt(FoldedTokens words, int i, int end, out int titleEnd)
    {
        titleEnd = i;
        if (!gazetteer.Titles.Starts(words[i])) return false;
        var matches = TitleBuffer;
        int n = gazetteer.Titles.Matches(words, i, end, matches);
        if (n == 0) return false;
        titleEnd = matches[n - 1].End;
        // a title is skipped only when a name may follow ("Mme Cardenal"), not when it stands alone
        return titleEnd < end;
    }

    private bool HasTitleBefore(FoldedTokens words, int first, int i)
    {
        var matches = TitleBuffer;
        for (int k = i - 1; k >= first && k >= i - 4; k--)
        {
            if (!gazetteer.Titles.Starts(words[k])) continue;
            int n = gazetteer.Titles.Matches(words, k, i, matches);
            for (int m = 0; m < n; m++) if (matches[m].End == i) return true;
        }
        return false;
    }

    [ThreadStatic] private static (int, List<string>)[]? titleBuffer;
    private static Span<(int End, List<string> Values)> TitleBuffer => titleBuffer ??= new (int, List<string>)[8];

    private static bool IsSentenceInitial(string text, Token[] tokens, int first, int i)
    {
        if (i == first) return true;
        var prev = text.AsSpan(tokens[i - 1].Span.Start, tokens[i - 1].Span.Length);
        if (tokens[i - 1].Kind is TokenKind.Punctuation or TokenKind.Symbol)
            return prev is "«" or "\"" or "“" or "(" or ":" or "—" or "–" or "-" or "." or "..." or "…" or "[" or "•" or "*" or "?" or "!" or "'" or "‘";
        return false;
    }

    // Two words on either side of a line break inside one segment are not one name ("Paris\nLyon" in a list).
    private static bool IsAdjacentAcrossBreak(string text, Token[] tokens, int j)
    {
        for (int k = tokens[j - 1].Span.End; k < tokens[j].Span.Start; k++) if (text[k] == '\n') return true;
        return false;
    }

    private static ReadOnlySpan<char> FirstPart(ReadOnlySpan<char> folded)
    {
        int dash = folded.IndexOf('-');
        return dash > 0 ? folded[..dash] : folded; // "Jean-Paul" → "jean"
    }

    internal static bool IsCapitalised(ReadOnlySpan<char> w) => w.Length > 0 && char.IsUpper(w[0]);

    internal static bool IsAllCaps(ReadOnlySpan<char> w)
    {
        bool letter = false;
        foreach (char c in w)
        {
            if (char.IsLower(c)) return false;
            letter |= char.IsLetter(c);
        }
        return letter;
    }

    private static bool IsAcronym(ReadOnlySpan<char> w) => w.Length >= 2 && IsAllCaps(w);

    private static bool HasLowerThenDigit(ReadOnlySpan<char> w)
    {
        for (int k = 1; k < w.Length; k++)
            if (char.IsDigit(w[k]) && char.IsLower(w[k - 1])) return true;
        return false;
    }

    // "WhatsApp", "MoDem", "SpaceX": a capital inside a word names a brand or an organisation
    private static bool HasInnerCapital(ReadOnlySpan<char> w)
    {
        for (int k = 1; k < w.Length; k++)
            if (char.IsUpper(w[k]) && char.IsLower(w[k - 1])) return true;
        return false;
    }

    // "M23", "G20", "A320": a capital followed by digits names a group, a summit or a product
    private static bool IsCodeName(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || !char.IsUpper(w[0])) return false;
        bool digit = false;
        foreach (char c in w[1..])
        {
            if (char.IsDigit(c)) digit = true;
            else if (!char.IsUpper(c)) return false;
        }
        return digit;
    }

    private static bool IsRomanNumeral(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (c is not ('I' or 'V' or 'X' or 'L' or 'C' or 'M' or 'D')) return false;
        return true;
    }

    private static ReadOnlySpan<char> Word(string text, Token[] tokens, int i) => text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length);

    private static TextSpan Span(Token[] tokens, int first, int end) => new(tokens[first].Span.Start, tokens[end - 1].Span.End);
}
