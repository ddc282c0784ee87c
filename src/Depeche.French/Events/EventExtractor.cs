using Depeche.Pipeline;
using Depeche.Text;

namespace Depeche.French.Events;

/// <summary>
/// Finds PLOVER events: triggers from <c>event-triggers.tsv</c>, parties from the entities and demonyms near them,
/// place from a located place entity, date from the nearest time expression, status from negation, tense and cue
/// words. Repeated mentions of one event ("ces discussions", "cette réunion") merge into it, keeping every trigger
/// as evidence; an earlier event recalled ("la réunion précédente") is a record of its own. A trigger with no party
/// at all records nothing (don't invent).
/// </summary>
/// <remarks>
/// Reads <see cref="Document.Mentions"/>, <see cref="Document.Entities"/> and <see cref="Document.Times"/> when
/// earlier stages filled them; they should run before it. Immutable and thread-safe.
/// </remarks>
public sealed class EventExtractor(EventLexicon lexicon, IActorLexicon actors) : IStage
{
    // Tokens between a verb trigger and a negation or modal that still govern it ("n'ont pas encore été expulsés").
    private const int VerbContext = 4;
    // Tokens around a noun trigger for its determiner and cue words ("aucune nouvelle rencontre n'est prévue").
    private const int NounContext = 4;

    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Normalized;
    public Layers Adds => Layers.Events;

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        if (tokens.Length == 0) { document.Events = []; return; }
        var words = LowerWords(document);
        var candidates = ActorCandidates(document, words);
        var times = TimeCandidates(document);
        var drafts = new List<Draft>();
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (!sentence.IsStory) continue;
            ReadSentence(document, s, sentence, words, candidates, times, drafts);
        }
        document.Events = Resolve(drafts);
    }

    private sealed record Candidate(int Token, TextSpan Span, string? Code, string? Name, string? Entity, bool IsPlace, bool Located);

    private sealed record TimeCandidate(int Token, TextSpan Span, string Value, int? Tolerance);

    private sealed class Draft
    {
        public required TriggerCue Cue;
        public required TextSpan Trigger;
        public required int Sentence;
        public List<EventActor> Actors = [];
        public List<EventActor> Source = [];
        public List<EventActor> Target = [];
        public EventLocation? Location;
        public string? Date;
        public int? Tolerance;
        public EventStatus Status;
        public bool Anaphoric;
        public bool Definite;
        public bool Earlier;
        public List<TextSpan> Evidence = [];
        public double Confidence;

        // a state (place or demonym) is one party whatever names it; a person or body is itself
        public IEnumerable<string> Parties() =>
            Actors.Concat(Source).Concat(Target).Select(PartyKey).Where(x => x.Length > 0);
    }

    private void ReadSentence(Document document, int s, Sentence sentence, string[] words, List<Candidate> candidates,
        List<TimeCandidate> times, List<Draft> drafts)
    {
        var triggers = new List<(int Token, int Length, TriggerCue Cue)>();
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (lexicon.Match(words, i) is not { } match) continue;
            if (match.Cue.Words.Length == 1 && i != sentence.FirstToken && IsCapitalised(document, i)) continue; // "Rencontre" in a title-cased name
            triggers.Add((i, match.Length, match.Cue));
            i += match.Length - 1;
        }
        if (triggers.Count == 0) return;

        var sentenceCandidates = candidates.Where(c => c.Token >= sentence.FirstToken && c.Token < sentence.EndToken).ToList();
        var sentenceTimes = times.Where(t => t.Token >= sentence.FirstToken && t.Token < sentence.EndToken).ToList();
        for (int k = 0; k < triggers.Count; k++)
        {
            var (at, length, cue) = triggers[k];
            int windowStart = k == 0 ? sentence.FirstToken : triggers[k - 1].Token + triggers[k - 1].Length;
            int windowEnd = k + 1 < triggers.Count ? triggers[k + 1].Token : sentence.EndToken;
            var trigger = new TextSpan(document.Tokens[at].Span.Start, document.Tokens[at + length - 1].Span.End);
            var draft = new Draft { Cue = cue, Trigger = trigger, Sentence = s };
            draft.Evidence.Add(trigger);
            if (!cue.IsVerb) ReadDeterminer(words, at, sentence.FirstToken, draft);
            draft.Earlier = Any(words, at + length, Math.Min(windowEnd, at + length + 2), CueRole.Earlier);
            draft.Status = cue.IsVerb ? VerbStatus(words, at, length, sentence.FirstToken) : NounStatus(words, at, length, sentence, windowEnd);
            var local = sentenceCandidates.Where(c => c.Token >= windowStart && c.Token < windowEnd).ToList();
            ReadParties(words, at, length, windowEnd, sentence, local, draft);
            ReadPlace(words, sentenceCandidates, triggers, k, draft);
            ReadDate(sentenceTimes, triggers, k, draft);
            // "appelle à la grève": the call's author is the protest's; the protest is planned, the call no event of its own
            if (k > 0 && cue.Type == "PROTEST" && drafts.Count > 0 && drafts[^1].Cue.Type == "DEMAND" && drafts[^1].Sentence == s
                && at - (triggers[k - 1].Token + triggers[k - 1].Length) <= 2 && lexicon.TryGetCue(words[triggers[k - 1].Token], out var call) && call == CueRole.Call)
            {
                var demand = drafts[^1];
                drafts.RemoveAt(drafts.Count - 1);
                if (draft.Parties().FirstOrDefault() is null) draft.Source.AddRange(demand.Source.Concat(demand.Actors));
                draft.Definite = draft.Anaphoric = false;
                draft.Status = EventStatus.Future;
                draft.Evidence.Insert(0, demand.Trigger);
            }
            draft.Confidence = 0.5 + (draft.Actors.Count + draft.Source.Count + draft.Target.Count > 0 ? 0.2 : 0)
                + (draft.Date is not null ? 0.1 : 0) + (draft.Location is not null ? 0.1 : 0);
            drafts.Add(draft);
        }
    }

    private void ReadDeterminer(string[] words, int at, int sentenceStart, Draft draft)
    {
        // "cette réunion", "ces pourparlers russo-américains", "cette nouvelle rencontre"
        for (int j = at - 1; j >= Math.Max(sentenceStart, at - 2); j--)
        {
            if (!lexicon.TryGetCue(words[j], out var role)) continue;
            if (role == CueRole.Anaphor) { draft.Anaphoric = true; return; }
            if (role == CueRole.Definite) { draft.Definite = true; return; }
            if (role is CueRole.Indefinite or CueRole.Place or CueRole.Between) return;
        }
    }

    private EventStatus VerbStatus(string[] words, int at, int length, int sentenceStart)
    {
        int from = Math.Max(sentenceStart, at - VerbContext);
        bool negation = false;
        for (int j = from; j < at; j++)
        {
            if (!lexicon.TryGetCue(words[j], out var role)) continue;
            if (role == CueRole.Negation) negation = true;
            else if (role == CueRole.Clause) negation = false; // "qui ne ..." belongs to another verb
        }
        if (negation && (Any(words, from, at, CueRole.NegationEnd) || Any(words, at + length, Math.Min(words.Length, at + length + 2), CueRole.NegationEnd)))
            return EventStatus.Negated;
        var verb = words[at];
        if (verb.EndsWith("raient", StringComparison.Ordinal) || verb.EndsWith("rait", StringComparison.Ordinal)) return EventStatus.Hypothetical;
        if (verb.EndsWith("ront", StringComparison.Ordinal) || verb.EndsWith("ra", StringComparison.Ordinal)) return EventStatus.Future;
        if (Any(words, from, at, CueRole.Hypothetical)) return EventStatus.Hypothetical;
        if (Any(words, from, at, CueRole.Future)) return EventStatus.Future;
        return EventStatus.Asserted;
    }

    private EventStatus NounStatus(string[] words, int at, int length, Sentence sentence, int windowEnd)
    {
        int before = Math.Max(sentence.FirstToken, at - 2);
        for (int j = before; j < at; j++)
        {
            if (lexicon.TryGetCue(words[j], out var role) && role == CueRole.NounNegator) return EventStatus.Negated;
        }
        // "il n'y aura pas de sanctions", "n'a plus de réunion": a negation, its second word, a partitive, the noun
        if (at >= 2 && Is(words[at - 1], CueRole.Indefinite) && Is(words[at - 2], CueRole.NegationEnd)
            && Any(words, Math.Max(sentence.FirstToken, at - 2 - VerbContext), at - 2, CueRole.Negation))
            return EventStatus.Negated;
        int after = Math.Min(windowEnd, at + length + 2 * NounContext);
        for (int j = at + length; j < after; j++)
        {
            if (!lexicon.TryGetCue(words[j], out var role)) continue;
            if (role is CueRole.Clause) break;
            if (role == CueRole.Hypothetical) return EventStatus.Hypothetical;
            if (role is CueRole.Future or CueRole.Next) return EventStatus.Future;
        }
        for (int j = Math.Max(sentence.FirstToken, at - NounContext); j < at; j++)
        {
            if (!lexicon.TryGetCue(words[j], out var role)) continue;
            if (role == CueRole.Hypothetical) return EventStatus.Hypothetical; // "une éventuelle rencontre"
            if (role == CueRole.Next) return EventStatus.Future; // "la prochaine réunion"
            if (role == CueRole.Call) return EventStatus.Future; // "appel à la grève": called for, not yet held
        }
        return EventStatus.Asserted;
    }

    private void ReadParties(string[] words, int at, int length, int windowEnd, Sentence sentence, List<Candidate> local, Draft draft)
    {
        int afterTrigger = at + length;
        // "pourparlers entre Russes et Américains", "un appel entre Vladimir Poutine et Donald Trump"
        for (int j = afterTrigger; j < Math.Min(windowEnd, afterTrigger + 3); j++)
        {
            if (!Is(words[j], CueRole.Between)) continue;
            int end = ClauseEnd(words, j + 1, windowEnd);
            var between = local.Where(c => c.Token > j && c.Token < end && !c.Located).ToList();
            if (between.Count >= 1) { draft.Actors.AddRange(between.Select(ToActor)); return; }
        }
        // "pourparlers russo-américains": the demonyms right after the trigger
        var next = local.Where(c => c.Token == afterTrigger && c.Code is not null && c.Entity is null).ToList();
        if (next.Count >= 2) { draft.Actors.AddRange(next.Select(ToActor)); return; }

        if (draft.Anaphoric) return; // "cette réunion": its parties are the antecedent's

        int clauseStart = ClauseStart(words, at, sentence.FirstToken);
        int clauseEnd = ClauseEnd(words, afterTrigger, windowEnd);
        var clause = local.Where(c => !c.Located && c.Token >= clauseStart && c.Token < clauseEnd).ToList();
        if (draft.Cue.Roles == EventRoles.Directed && !Any(words, afterTrigger, windowEnd, CueRole.Mutual))
        {
            // "visant Moscou", "contre la Russie" name the target; "menée par Washington" the source
            for (int j = afterTrigger; j < windowEnd; j++)
            {
                if (lexicon.TryGetCue(words[j], out var role) && role == CueRole.Target)
                    draft.Target.AddRange(local.Where(c => !c.Located && c.Token > j && c.Token <= j + 3).Select(ToActor));
                if (Is(words[j], CueRole.Agent))
                    draft.Source.AddRange(local.Where(c => !c.Located && c.Token > j && c.Token <= j + 3).Select(ToActor));
            }
            // "Sylvie Goulard a été mise en examen": in the passive the subject undergoes the event
            var subject = clause.Where(c => c.Token < at).TakeLast(1).Select(ToActor).ToList();
            if (draft.Cue.IsVerb && IsPassive(words, at, clauseStart))
            {
                if (draft.Target.Count == 0) draft.Target.AddRange(subject);
                return;
            }
            if (draft.Source.Count == 0)
                draft.Source.AddRange(subject);
            if (draft.Target.Count == 0)
                draft.Target.AddRange(clause.Where(c => c.Token >= afterTrigger && !draft.Source.Any(a => Same(a, c))).Take(2).Select(ToActor));
            return;
        }
        draft.Actors.AddRange(clause.Select(ToActor));
    }

    // "a été mis en examen", "sont arrêtés", "est accusé": a form of être just before the participle (an adverb or a
    // negation may stand between) makes the clause passive.
    private bool IsPassive(string[] words, int at, int clauseStart)
    {
        for (int j = at - 1; j >= Math.Max(clauseStart, at - 3); j--)
        {
            if (!lexicon.TryGetCue(words[j], out var role)) return false;
            if (role == CueRole.Passive) return true;
            if (role is not (CueRole.Adverb or CueRole.Negation or CueRole.NegationEnd)) return false;
        }
        return false;
    }

    private void ReadPlace(string[] words, List<Candidate> candidates, List<(int Token, int Length, TriggerCue Cue)> triggers, int k, Draft draft)
    {
        // a located place ("à Istanbul", "en Turquie") belongs to the trigger nearest to it, in its clause
        // ("la guerre en Ukraine" three commas later places nothing) or right beside it ("rencontrés, à Genève")
        const int Beside = 3;
        int bestForDraft = int.MaxValue;
        foreach (var place in candidates)
        {
            if (!place.Located || !place.IsPlace || place.Name is null) continue;
            if (Nearest(place.Token, triggers, out int best) != k || best >= bestForDraft) continue;
            int from = Math.Min(place.Token, triggers[k].Token), to = Math.Max(place.Token, triggers[k].Token);
            if (best > Beside && Enumerable.Range(from, to - from).Any(j => IsClauseBoundary(words[j]))) continue;
            bestForDraft = best;
            draft.Location = new EventLocation(place.Name, place.Code, Span: place.Span);
        }
    }

    private static int Nearest(int token, List<(int Token, int Length, TriggerCue Cue)> triggers, out int distance)
    {
        int nearest = 0;
        distance = int.MaxValue;
        for (int t = 0; t < triggers.Count; t++)
        {
            int d = Distance(token, triggers[t].Token, triggers[t].Length);
            if (d < distance) { distance = d; nearest = t; }
        }
        return nearest;
    }

    private static void ReadDate(List<TimeCandidate> times, List<(int Token, int Length, TriggerCue Cue)> triggers, int k, Draft draft)
    {
        // each time expression dates only the trigger nearest to it; of those, the nearest wins
        int bestForDraft = int.MaxValue;
        foreach (var time in times)
        {
            if (Nearest(time.Token, triggers, out int best) != k || best >= bestForDraft) continue;
            bestForDraft = best;
            draft.Date = time.Value;
            draft.Tolerance = time.Tolerance;
        }
    }

    private static int Distance(int token, int trigger, int length) =>
        token < trigger ? trigger - token : token - (trigger + length - 1);

    private static Event[] Resolve(List<Draft> drafts)
    {
        var events = new List<Draft>();
        foreach (var d in drafts)
        {
            bool hasParties = d.Parties().Any();
            if ((d.Anaphoric || (d.Definite && !hasParties)) && !d.Earlier)
            {
                var antecedent = events.LastOrDefault(e => e.Cue.Type == d.Cue.Type);
                if (antecedent is not null && (!hasParties || d.Parties().All(p => antecedent.Parties().Contains(p))))
                {
                    Absorb(antecedent, d);
                    continue;
                }
            }
            if (d.Earlier && !hasParties)
            {
                // "la réunion précédente": the same parties met before
                var antecedent = events.LastOrDefault(e => e.Cue.Type == d.Cue.Type);
                if (antecedent is null) continue;
                d.Actors.AddRange(antecedent.Actors);
                d.Source.AddRange(antecedent.Source);
                d.Target.AddRange(antecedent.Target);
            }
            if (!d.Parties().Any()) continue; // no party: nothing we can record honestly
            var same = events.FirstOrDefault(e => SameEvent(e, d));
            if (same is not null) { Absorb(same, d); continue; }
            events.Add(d);
        }
        return [.. events.Select(d => new Event
        {
            Type = d.Cue.Type,
            Mode = d.Cue.Mode,
            Actors = Distinct(d.Actors),
            Source = Distinct(d.Source),
            Target = Distinct(d.Target),
            Location = d.Location,
            Date = d.Date,
            Status = d.Status,
            Trigger = d.Trigger,
            Sentence = d.Sentence,
            Evidence = d.Evidence,
            Confidence = Math.Min(1, d.Confidence + 0.05 * (d.Evidence.Count - 1)),
        })];
    }

    private static void Absorb(Draft into, Draft mention)
    {
        into.Evidence.Add(mention.Trigger);
        into.Location ??= mention.Location;
        if (into.Date is null || (into.Tolerance is not null && mention.Date is not null && mention.Tolerance is null))
        {
            into.Date = mention.Date ?? into.Date;
            into.Tolerance = mention.Date is null ? into.Tolerance : mention.Tolerance;
        }
    }

    private static bool SameEvent(Draft a, Draft b)
    {
        if (a.Cue.Type != b.Cue.Type) return false;
        if (a.Cue.Mode is not null && b.Cue.Mode is not null && a.Cue.Mode != b.Cue.Mode) return false;
        if (!a.Parties().ToHashSet().SetEquals(b.Parties())) return false;
        if (a.Location is not null && b.Location is not null && a.Location.Country != b.Location.Country) return false;
        return DatesCompatible(a.Date, a.Tolerance, b.Date, b.Tolerance);
    }

    private static bool DatesCompatible(string? a, int? toleranceA, string? b, int? toleranceB)
    {
        if (a is null || b is null) return true;
        if (a == b) return true;
        if (DateOnly.TryParse(a, out var x) && DateOnly.TryParse(b, out var y))
            return Math.Abs(x.DayNumber - y.DayNumber) <= Math.Max(toleranceA ?? 0, toleranceB ?? 0);
        return a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal); // "2025-02" and "2025-02-27"
    }

    private static EventActor[] Distinct(List<EventActor> actors) =>
        [.. actors.GroupBy(PartyKey).Select(g => g.First())];

    private static bool Same(EventActor a, Candidate c) => PartyKey(a) == PartyKey(ToActor(c));

    // Places and demonyms stand for their state, so they carry no name; people and bodies carry theirs.
    private static EventActor ToActor(Candidate c) => new(c.Code, c.IsPlace ? null : c.Name, c.Entity, c.Span);

    private static string PartyKey(EventActor a) => a.Name ?? a.Code ?? "";

    private bool Any(string[] words, int from, int to, CueRole role)
    {
        for (int j = Math.Max(0, from); j < Math.Min(to, words.Length); j++)
            if (lexicon.TryGetCue(words[j], out var r) && r == role) return true;
        return false;
    }

    private int ClauseStart(string[] words, int at, int sentenceStart)
    {
        for (int j = at - 1; j >= sentenceStart; j--)
            if (IsClauseBoundary(words[j])) return j + 1;
        return sentenceStart;
    }

    private int ClauseEnd(string[] words, int from, int limit)
    {
        for (int j = from; j < limit; j++)
            if (IsClauseBoundary(words[j])) return j;
        return limit;
    }

    private bool IsClauseBoundary(string word) =>
        word is "," or ";" or ":" or "(" or ")" or "«" or "»" or "“" or "”" or "--" or "–" or "—"
        || (lexicon.TryGetCue(word, out var role) && role == CueRole.Clause);

    private static bool IsCapitalised(Document document, int token) =>
        char.IsUpper(document.Text[document.Tokens[token].Span.Start]);
    // Lower-case normalised text of every token (’ → ', œ → oe), matched against the lexicons.
    private static string[] LowerWords(Document document)
    {
        var view = document.Normalized;
        var spans = view.ToView(document.Tokens);
        var words = new string[spans.Length];
        for (int i = 0; i < words.Length; i++)
            words[i] = view.Text.AsSpan(spans[i].Start, spans[i].Length).ToString().ToLowerInvariant();
        return words;
    }

    private List<Candidate> ActorCandidates(Document document, string[] words)
    {
        var list = new List<Candidate>();
        var covered = new bool[document.Tokens.Length];
        int t = 0;
        foreach (var mention in document.Mentions)
        {
            if (mention.Entity < 0 || mention.Entity >= document.Entities.Length || mention.Kind == MentionKind.Pronoun) continue;
            var entity = document.Entities[mention.Entity];
            while (t < document.Tokens.Length && document.Tokens[t].Span.End <= mention.Span.Start) t++;
            if (t >= document.Tokens.Length) break;
            int first = t;
            for (int k = first; k < document.Tokens.Length && document.Tokens[k].Span.Start < mention.Span.End; k++) covered[k] = true;
            bool located = first > 0 && lexicon.TryGetCue(words[PreviousWord(words, first)], out var role) && role == CueRole.Place;
            list.Add(new Candidate(first, mention.Span, entity.Country, entity.Name, entity.Id, entity.Type == EntityType.LOC, located && entity.Type == EntityType.LOC));
        }
        for (int i = 0; i < words.Length; i++)
        {
            if (covered[i] || document.Tokens[i].Kind != TokenKind.Word) continue;
            var word = words[i].AsSpan();
            foreach (var range in word.Split('-'))
            {
                if (actors.TryGetDemonym(word[range], out var code))
                    list.Add(new Candidate(i, document.Tokens[i].Span, code, null, null, false, false));
            }
        }
        list.Sort((a, b) => a.Token != b.Token ? a.Token.CompareTo(b.Token) : a.Span.Start.CompareTo(b.Span.Start));
        return list;
    }

    // "à l'Istanbul"-style elisions aside, the place preposition is the word just before; skip an article ("au Caire" is one word)
    private int PreviousWord(string[] words, int at) =>
        at >= 2 && Is(words[at - 1], CueRole.Definite) ? at - 2 : at - 1;

    private bool Is(string word, CueRole role) => lexicon.TryGetCue(word, out var r) && r == role;

    private static List<TimeCandidate> TimeCandidates(Document document)
    {
        var list = new List<TimeCandidate>();
        int t = 0;
        foreach (var time in document.Times)
        {
            if (time.Type is not (TimeType.Date or TimeType.Time) || time.Value is null || time.Value.StartsWith('X') || time.Value.StartsWith('P')) continue;
            while (t < document.Tokens.Length && document.Tokens[t].Span.End <= time.Span.Start) t++;
            if (t >= document.Tokens.Length) break;
            list.Add(new TimeCandidate(t, time.Span, time.Value, time.ToleranceDays));
        }
        return list;
    }
}
