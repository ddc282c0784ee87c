using Depeche.French.Entities;
using Depeche.Pipeline;

namespace Depeche.French.Actors;

/// <summary>
/// Resolves each entity to the state it acts for or lies in (<see cref="Entity.Country"/>, ISO alpha-3) and a role
/// when the text or the gazetteer gives one: gazetteer entries (places, organisations, seats of power used by
/// metonymy, office holders with the office held on the publication date), appositions and titles around a
/// person ("la porte-parole du département d'État américain, Tammy Bruce" → spokesperson, USA; "l'ambassadeur de
/// Moscou aux États-Unis, Alexandre Dartchiev" → RUS: the state after "de", not the host after "aux"), a demonym
/// adjective after an organisation ("l'EPA américaine"). Demonyms naming people ("les Russes") become
/// <see cref="Document.Collectives"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ActorResolver : IStage
{
    // How far back from a comma or a name a title may start ("la sous-secrétaire d'État adjointe, ...").
    private const int MaxTitleDistance = 12;
    // How far back in the sentence a state cue is looked for when a title names none.
    private const int MaxCueDistance = 40;
    // Titles examined at one position.
    private const int MaxTitleMatches = 8;

    [ThreadStatic] private static FoldedTokens? scratch;
    [ThreadStatic] private static (int, List<string>)[]? titleBuffer;

    private readonly Gazetteer gazetteer;

    public ActorResolver() : this(Gazetteer.Default) { }

    public ActorResolver(Gazetteer gazetteer) => this.gazetteer = gazetteer;

    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Entities;
    public Layers Adds => Layers.Actors;

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        var words = scratch ??= new FoldedTokens();
        words.Fill(document.Text, tokens);
        var tokenOfMention = new int[document.Mentions.Length];
        var endOfMention = new int[document.Mentions.Length];
        for (int m = 0; m < document.Mentions.Length; m++)
        {
            tokenOfMention[m] = TokenAt(tokens, document.Mentions[m].Span.Start);
            endOfMention[m] = TokenAt(tokens, document.Mentions[m].Span.End - 1) + 1;
        }
        // token → the mention starting there, for title phrases that name a state ("ambassadeur de Moscou")
        var mentionAt = new int[tokens.Length];
        Array.Fill(mentionAt, -1);
        for (int m = document.Mentions.Length - 1; m >= 0; m--) mentionAt[tokenOfMention[m]] = m;

        // 1. what the gazetteer knows
        var entityOfPerson = new Dictionary<GazetteerEntry, int>();
        for (int e = 0; e < document.Entities.Length; e++)
        {
            var entity = document.Entities[e];
            foreach (int m in entity.Mentions)
            {
                if (gazetteer.Find(words, tokenOfMention[m], endOfMention[m]) is not { } entry) continue;
                entity.Country ??= entry.Country;
                if (entry.Kind == GazetteerKind.Person) entityOfPerson.TryAdd(entry, e);
                if (entry.Kind == GazetteerKind.Person && entry.TermOn(document.Published) is { } term)
                {
                    entity.Role ??= term.Office;
                    if (term.Body.Length == 3) entity.Country = term.Body;
                }
                break;
            }
        }

        // 2. titles and appositions around people; demonyms after organisations
        foreach (var entity in document.Entities)
        {
            if (entity.Country is not null && (entity.Role is not null || entity.Type != EntityType.PER)) continue;
            foreach (int m in entity.Mentions)
            {
                int first = tokenOfMention[m];
                int end = endOfMention[m];
                var (sFirst, sEnd) = SentenceOf(document.Sentences, first);
                if (entity.Type == EntityType.PER)
                {
                    if (Apposition(document, words, mentionAt, first, end, sFirst, sEnd, out var role, out var country))
                    {
                        if (role is not null && role != "-") entity.Role ??= role;
                        entity.Country ??= country;
                    }
                }
                else if (end < sEnd && gazetteer.Demonyms.TryGetValue(words[end], out var demonym) && !IsCapitalised(document, end))
                {
                    entity.Country ??= demonym.Country; // "l'EPA américaine"
                }
                if (entity.Country is not null && (entity.Role is not null || entity.Type != EntityType.PER)) break;
            }
        }

        // 3. demonyms naming people: collective actors
        var collectives = new List<CollectiveActor>();
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !IsCapitalised(document, i)) continue;
            if (gazetteer.Demonyms.TryGetValue(words[i], out var d)) collectives.Add(new CollectiveActor(tokens[i].Span, d.Country));
        }
        document.Collectives = [.. collectives];

        // 4. "le président russe": a description of an office holder the document names joins that person
        if (entityOfPerson.Count > 0) LinkDescriptions(document, words, mentionAt, entityOfPerson);
    }

    private void LinkDescriptions(Document document, FoldedTokens words, int[] mentionAt, Dictionary<GazetteerEntry, int> entityOfPerson)
    {
        var tokens = document.Tokens;
        var added = new List<EntityMention>();
        for (int k = 0; k < tokens.Length; k++)
        {
            if (tokens[k].Kind != TokenKind.Word || mentionAt[k] >= 0 || !TitleAt(words, k, tokens.Length, out var role, out int end)) continue;
            if (role is null or "-" || end >= tokens.Length || IsCapitalised(document, end)) continue;
            if (!gazetteer.Demonyms.TryGetValue(words[end], out var demonym)) continue;
            int last = end + 1;
            // "le ministre russe des Affaires étrangères"
            if (role == "minister" && last + 2 < tokens.Length && words[last] is "des" && words[last + 1] is "affaires" && words[last + 2] is "etrangeres")
            {
                role = "foreign-minister";
                last += 3;
            }
            if (gazetteer.Holder(demonym.Country, role, document.Published) is not { } holder || !entityOfPerson.TryGetValue(holder, out int e)) continue;
            int start = k > 0 && words[k - 1] is "le" or "la" or "l'" ? k - 1 : k;
            added.Add(new EntityMention(new Text.TextSpan(tokens[start].Span.Start, tokens[last - 1].Span.End), EntityType.PER, MentionKind.Description, e));
            k = last - 1;
        }
        if (added.Count == 0) return;

        // merge in text order and renumber the entities' mention lists
        var old = document.Mentions;
        var merged = new List<(EntityMention Mention, int Old)>(old.Length + added.Count);
        for (int m = 0; m < old.Length; m++) merged.Add((old[m], m));
        foreach (var a in added) merged.Add((a, -1));
        merged.Sort((x, y) => x.Mention.Span.Start != y.Mention.Span.Start ? x.Mention.Span.Start.CompareTo(y.Mention.Span.Start) : x.Mention.Span.End.CompareTo(y.Mention.Span.End));
        var lists = new List<int>[document.Entities.Length];
        for (int e = 0; e < lists.Length; e++) lists[e] = [];
        for (int n = 0; n < merged.Count; n++) if (merged[n].Mention.Entity >= 0) lists[merged[n].Mention.Entity].Add(n);
        document.Mentions = [.. merged.Select(x => x.Mention)];
        for (int e = 0; e < document.Entities.Length; e++)
        {
            var entity = document.Entities[e];
            document.Entities[e] = new Entity
            {
                Id = entity.Id,
                Type = entity.Type,
                Name = entity.Name,
                Mentions = lists[e],
                Country = entity.Country,
                Role = entity.Role,
            };
        }
    }

    // A title before the name ("le président Alain Fuchs"), before a comma and the name, or after the name and a comma.
    private bool Apposition(Document document, FoldedTokens words, int[] tokenOfMention, int first, int end, int sFirst, int sEnd,
        out string? role, out string? country)
    {
        role = null;
        country = null;
        int phraseStart = -1, phraseEnd = -1;
        int stop = first > sFirst && document[document.Tokens[first - 1].Span] is "," ? first - 1 : first;
        for (int k = stop - 1; k >= sFirst && k >= stop - MaxTitleDistance; k--)
        {
            var span = document[document.Tokens[k].Span];
            if (document.Tokens[k].Kind == TokenKind.Punctuation && span is not "'" and not "-") break;
            if (TitleAt(words, k, stop, out var r, out _)) { role = r; phraseStart = k; phraseEnd = stop; break; }
        }
        if (role is null && end + 1 < sEnd && document[document.Tokens[end].Span] is ",")
        {
            int k = end + 1;
            if (k < sEnd && words[k] is "le" or "la" or "l'" or "les") k++;
            if (k < sEnd && TitleAt(words, k, sEnd, out var r, out int titleEnd))
            {
                role = r;
                phraseStart = k;
                phraseEnd = titleEnd;
                while (phraseEnd < sEnd && document.Tokens[phraseEnd].Kind != TokenKind.Punctuation) phraseEnd++;
            }
        }
        if (role is null) return false;
        country = CueIn(document, words, tokenOfMention, phraseStart, phraseEnd);
        // "la partie américaine est représentée par la sous-secrétaire d'État adjointe, Sonata Coulter"
        country ??= CueBefore(document, words, tokenOfMention, sFirst, phraseStart);
        return true;
    }

    private bool TitleAt(FoldedTokens words, int k, int limit, out string? role, out int end)
    {
        role = null;
        end = k;
        if (!gazetteer.Titles.Starts(words[k])) return false;
        Span<(int End, List<string> Values)> matches = titleBuffer ??= new (int, List<string>)[MaxTitleMatches];
        int n = gazetteer.Titles.Matches(words, k, limit, matches);
        if (n == 0) return false;
        (end, var values) = matches[n - 1];
        role = values[0];
        return true;
    }

    // The first state named in a title phrase, skipping the host after "à", "aux", "en", "auprès de".
    private string? CueIn(Document document, FoldedTokens words, int[] tokenOfMention, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            bool host = k > start && words[k - 1] is "a" or "au" or "aux" or "en" or "aupres";
            if (!host && CueAt(document, words, tokenOfMention, k) is { } c) return c;
        }
        return null;
    }

    private string? CueBefore(Document document, FoldedTokens words, int[] tokenOfMention, int sFirst, int start)
    {
        for (int k = start - 1; k >= sFirst && k >= start - MaxCueDistance; k--)
        {
            bool host = k > sFirst && words[k - 1] is "a" or "au" or "aux" or "en";
            if (!host && CueAt(document, words, tokenOfMention, k) is { } c) return c;
        }
        return null;
    }

    private string? CueAt(Document document, FoldedTokens words, int[] tokenOfMention, int k)
    {
        if (gazetteer.Demonyms.TryGetValue(words[k], out var d) && !IsCapitalised(document, k)) return d.Country;
        int m = tokenOfMention[k];
        if (m >= 0 && document.Mentions[m].Entity >= 0)
        {
            var e = document.Entities[document.Mentions[m].Entity];
            if (e.Type != EntityType.PER && e.Country is not null) return e.Country;
        }
        return null;
    }

    private static bool IsCapitalised(Document document, int token)
    {
        var w = document[document.Tokens[token].Span];
        return w.Length > 0 && char.IsUpper(w[0]);
    }

    private static int TokenAt(Token[] tokens, int offset) => EntityGrouper.TokenAt(tokens, offset);

    private static (int, int) SentenceOf(Sentence[] sentences, int token)
    {
        int lo = 0, hi = sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (token < sentences[mid].FirstToken) hi = mid - 1;
            else if (token >= sentences[mid].EndToken) lo = mid + 1;
            else return (sentences[mid].FirstToken, sentences[mid].EndToken);
        }
        return (token, token + 1);
    }
}
