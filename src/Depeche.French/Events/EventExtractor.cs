using Depeche.French.Tagging;
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
        bool sport = lexicon.IsSportReport(words);
        string? storyCountry = StoryCountry(document);
        var candidates = ActorCandidates(document, words, storyCountry);
        var times = TimeCandidates(document);
        var drafts = new List<Draft>();
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (!sentence.IsStory) continue;
            ReadSentence(document, s, sentence, words, candidates, times, drafts, sport);
        }
        document.Events = Resolve(drafts, storyCountry);
    }

    // Type: the entity's type; null for a demonym ("Russes") or a group noun ("manifestants", Group = true).
    private sealed record Candidate(int Token, TextSpan Span, string? Code, string? Name, string? Entity, bool IsPlace, bool Located,
        EntityType? Type = null, bool Group = false, bool AfterPlacePreposition = false);

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
        // the date came from the context (the paragraph, the publication date), not from the trigger's sentence
        public bool DateInferred;
        // read in a headline; Joined once the lead's mention of the same event has joined it
        public bool Headline;
        public bool Joined;
        // the token of a subject found in an earlier sentence (a pronoun's antecedent)
        public int? Antecedent;
        // the time expression in the trigger's sentence that gave the date
        public TextSpan? Time;
        public EventStatus Status;
        public bool Anaphoric;
        public bool Definite;
        public bool Earlier;
        public bool Offset; // placed at a distance from its clause's date: another event than the clause's ("deux jours après l'expulsion")
        public string? Mode; // the mode the text makes more precise than the trigger's ("s'est entretenu mardi au téléphone")
        // the subject is "les deux ministres": the parties of the last event of its type
        public bool PairSubject;
        public List<TextSpan> Evidence = [];
        public double Confidence;
        // the state whose justice alone performs the act ("mis en examen": FRA), when the text names no source
        public string? ImplicitSource;
        // a protest "contre la réforme": with no party named at all, it targets the story's state
        public bool AgainstPolicy;

        // the parties the text names around this mention
        public IEnumerable<string> OwnParties() =>
            Actors.Concat(Source).Concat(Target).Select(PartyKey).Where(x => x.Length > 0);

        // a state (place or demonym) is one party whatever names it; a person or body is itself
        public IEnumerable<string> Parties() =>
            Source.Count == 0 && ImplicitSource is not null ? OwnParties().Append(ImplicitSource) : OwnParties();
    }

    // The trigger at token i; "a reçu lundi à l'Elysée", "a menacé vendredi de riposter": a date may stand between the
    // words of a trigger of several words (the trigger then spans it).
    private (TriggerCue Cue, int Length)? MatchAcrossTime(Document document, string[] words, int i, int end)
    {
        var match = lexicon.Match(words, i);
        if (!lexicon.StartsPhrase(words[i])) return match;
        int gap = TimeTokensAt(document, i + 1, end);
        if (gap == 0 || i + 1 + gap >= end) return match;
        // the trigger's first word, then the words after the date: as many as the longest trigger can use
        int rest = Math.Min(lexicon.MaxTriggerWords - 1, end - (i + 1 + gap));
        string[] joined = [words[i], .. words.AsSpan(i + 1 + gap, rest)];
        if (lexicon.Match(joined, 0) is { Length: > 1 } across && (match is null || across.Length > match.Value.Length))
            return (across.Cue, across.Length + gap);
        return match;
    }

    // The number of tokens of a date or time expression that starts at token k (0 when none does).
    private static int TimeTokensAt(Document document, int k, int end)
    {
        if (k >= end) return 0;
        int start = document.Tokens[k].Span.Start;
        var times = document.Times;
        int lo = 0, hi = times.Length; // the first time that starts at or after the token (times are in text order)
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (times[mid].Span.Start < start) lo = mid + 1; else hi = mid;
        }
        for (; lo < times.Length && times[lo].Span.Start == start; lo++)
        {
            if (times[lo].Type is not (TimeType.Date or TimeType.Time)) continue;
            int n = 0;
            while (k + n < end && document.Tokens[k + n].Span.End <= times[lo].Span.End) n++;
            return n;
        }
        return 0;
    }

    private void ReadSentence(Document document, int s, Sentence sentence, string[] words, List<Candidate> candidates,
        List<TimeCandidate> times, List<Draft> drafts, bool sport)
    {
        var triggers = new List<(int Token, int Length, TriggerCue Cue)>();
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (MatchAcrossTime(document, words, i, sentence.EndToken) is not { } match) continue;
            if (match.Cue.Words.Length == 1 && i != sentence.FirstToken && IsCapitalised(document, i)) continue; // "Rencontre" in a title-cased name
            // "condamne l'attaque" is no verdict; "a condamné l'ancien maire à deux ans de prison" is one
            if (match.Cue.PassiveOnly && !IsPassive(words, i, sentence.FirstToken) && !PenaltyFollows(words, i + match.Length, sentence.EndToken)) continue;
            if (match.Cue.Reflexive && !IsReflexive(words, i, sentence.FirstToken)) continue; // "retrouvés morts"
            if (match.Cue.NeedsPlace && !PlaceFollows(document, words, candidates, times, i + match.Length, sentence.EndToken)) continue; // "s'est rendu compte"
            if (sport && lexicon.IsPlay(match.Cue)) continue; // "la rencontre", "l'attaque lyonnaise" in a match report
            if (match.Cue.Offence && !AfterVerdict(words, triggers, i)) continue; // "mis en examen pour fraude": only suspected
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
            var draft = new Draft { Cue = cue, Trigger = trigger, Sentence = s, Headline = sentence.Kind == SegmentKind.Headline };
            draft.Evidence.Add(trigger);
            if (!cue.IsVerb) ReadDeterminer(words, at, sentence.FirstToken, draft);
            draft.Earlier = Any(words, at + length, Math.Min(windowEnd, at + length + 2), CueRole.Earlier);
            draft.Status = cue.IsVerb ? VerbStatus(document, words, at, length, sentence.FirstToken) : NounStatus(words, at, length, sentence, windowEnd);
            var local = sentenceCandidates.Where(c => c.Token >= windowStart && c.Token < windowEnd).ToList();
            ReadParties(document, words, at, length, windowEnd, sentence, local, candidates, draft);
            if (cue.State is not null && draft.Source.Count == 0 && cue.Roles == EventRoles.Directed) draft.ImplicitSource = cue.State;
            ReadPlace(words, sentenceCandidates, triggers, k, draft);
            // "L'Algérie a rappelé son ambassadeur à Paris": the capital right after is where the ambassador served, so its
            // state is the target ("a rappelé à Alger son ambassadeur", to its own capital, names no target)
            if (cue.Mode == "recall" && draft.Target.Count == 0 && draft.Location is { Country: { } posted, Span: { } postedAt }
                && postedAt.Start >= trigger.End && postedAt.Start - trigger.End <= RecallPostReach && !draft.Source.Any(a => a.Code == posted))
            {
                draft.Target.Add(new EventActor(posted, null, null, postedAt));
                draft.Location = null;
            }
            // "s'est entretenu mardi au téléphone avec": a meeting held by phone
            if (cue.Mode == "meet" && Any(words, at + length, Math.Min(windowEnd, at + length + PhoneReach), CueRole.Phone)) draft.Mode = "telephone";
            // "Paul Martin est arrivé lundi à Berlin. Il a rencontré Anna Schmidt.": the sentence the pronoun looks back
            // to placed its subject; the event follows it there
            if (draft.Location is null && draft.Antecedent is { } antecedent)
            {
                var (from, end) = SentenceOf(document, antecedent);
                var there = candidates.Where(c => c.Located && c.IsPlace && c.Name is not null && c.Token >= from && c.Token < end).ToList();
                if (there.Count == 1) draft.Location = Place(there[0]);
            }
            ReadDate(document, words, sentenceTimes, triggers, k, draft);
            if (draft.Date is null) DateFromContext(document, words, sentence, at, sentenceTimes, times, draft);
            if (!cue.IsVerb) DateByOffset(document, words, at, sentence, sentenceTimes, draft);
            // "le lycée est reçu jeudi" (published on Tuesday): a date of its own after publication makes it planned;
            // not when told in the past ("a été mis en examen le 6 décembre" in a text updated since), nor with a year
            // written out ("Le 4 décembre 2019, X est mis en examen" is a narrative present)
            if (draft.Status == EventStatus.Asserted && draft.Time is { } time && !HasYear(document[time]) && After(draft.Date, document.Published)
                && ClauseTense.At(document, at).Tense is TenseReading.Present or TenseReading.Future or TenseReading.Unknown) draft.Status = EventStatus.Future;
            if (cue.Offence)
            {
                // the verdict asserts the offence; the convicted committed it, before the verdict (no date of its own)
                var verdict = drafts.Count > 0 && drafts[^1].Sentence == s && drafts[^1].Cue is { Type: "COERCE", Mode: "sentence" } ? drafts[^1] : null;
                if (verdict is null || verdict.Status != EventStatus.Asserted || verdict.Target.Count == 0) continue;
                draft.Source.AddRange(verdict.Target);
                draft.Target.Clear();
                draft.Actors.Clear();
                draft.Location = null;
                (draft.Date, draft.Tolerance, draft.Time, draft.DateInferred) = (null, null, null, false);
            }
            bool afterDemand = k > 0 && drafts.Count > 0 && drafts[^1].Cue.Type == "DEMAND" && drafts[^1].Sentence == s
                && at - (triggers[k - 1].Token + triggers[k - 1].Length) <= CallReach
                && !Enumerable.Range(triggers[k - 1].Token + triggers[k - 1].Length, at - triggers[k - 1].Token - triggers[k - 1].Length).Any(j => IsClauseBoundary(words[j]));
            // "ont demandé à la Confédération d'interdire ce produit": the ban is what is demanded, the demand the event
            if (afterDemand && cue.IsVerb && cue.Type != "PROTEST" && Is(words[at - 1], CueRole.Indefinite)) continue;
            // "appelle à la grève", "appelle à rejoindre la grève du 24": the call's author is the protest's; the protest
            // is planned, the call no event of its own
            if (afterDemand && cue.Type == "PROTEST" && lexicon.TryGetCue(words[triggers[k - 1].Token], out var call) && call == CueRole.Call)
            {
                var demand = drafts[^1];
                drafts.RemoveAt(drafts.Count - 1);
                if (draft.Parties().FirstOrDefault() is null) draft.Source.AddRange(demand.Source.Concat(demand.Actors));
                draft.Definite = draft.Anaphoric = false;
                draft.Status = EventStatus.Future;
                draft.Evidence.Insert(0, demand.Trigger);
            }
            // a heuristic checked on the dev gold (docs/events.md): a trigger alone is right more often than not; a named
            // party (or the state a legal procedure implies), a date and a place of its own each add
            draft.Confidence = 0.6 + (draft.Parties().Any() ? 0.2 : 0)
                + (draft.Date is not null && !draft.DateInferred ? 0.05 : 0) + (draft.Location is not null ? 0.05 : 0);
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

    private EventStatus VerbStatus(Document document, string[] words, int at, int length, int sentenceStart)
    {
        int from = Math.Max(sentenceStart, at - VerbContext);
        bool negation = false;
        for (int j = from; j < at; j++)
        {
            if (!lexicon.TryGetCue(words[j], out var role)) continue;
            if (role == CueRole.Negation) negation = true;
            else if (role is CueRole.Clause or CueRole.Relative) negation = false; // "qui ne ..." belongs to another verb
        }
        // "ne ... pas", and "Aucune agence n'exige": "aucun" before the verb closes the negation
        if (negation && (Any(words, from, at, CueRole.NegationEnd) || Any(words, from, at, CueRole.NounNegator)
            || Any(words, at + length, Math.Min(words.Length, at + length + 2), CueRole.NegationEnd)))
            return EventStatus.Negated;
        // the conjugated word may not be the first of the trigger ("se rendra à"): the tagger's mood and tense say
        // whether it is a conditional ("rencontrerait") or a future ("rencontrera")
        if (document.Tags.Length == document.Tokens.Length)
            for (int j = at; j < at + length; j++)
            {
                var feats = document.Tags[j].Feats;
                if (feats.Mood == Mood.Cnd) return EventStatus.Hypothetical;
                if (feats.Tense == Tense.Fut) return EventStatus.Future;
            }
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
            if (role is CueRole.Clause or CueRole.Relative) break;
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

    private void ReadParties(Document document, string[] words, int at, int length, int windowEnd, Sentence sentence, List<Candidate> local,
        List<Candidate> all, Draft draft)
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
        var next = local.Where(c => c.Token == afterTrigger && c.Code is not null && c.Entity is null && !c.Group).ToList();
        if (next.Count >= 2) { draft.Actors.AddRange(next.Select(ToActor)); return; }

        if (draft.Anaphoric) return; // "cette réunion": its parties are the antecedent's

        int clauseStart = ClauseStart(words, at, sentence.FirstToken);
        int clauseEnd = ClauseEnd(words, afterTrigger, windowEnd);
        if (draft.Cue.IsVerb)
            for (int j = clauseStart; j + 2 < at; j++)
                draft.PairSubject |= Is(words[j], CueRole.Definite) && Is(words[j + 1], CueRole.Pair);
        var clause = local.Where(c => !c.Located && c.Token >= clauseStart && c.Token < clauseEnd).ToList();
        // a verb's subject outside its clause: "c'est X qui", "il", "Bayer, propriétaire de Monsanto, a été condamnée"
        var outside = draft.Cue.IsVerb && !clause.Any(c => c.Token < at)
            ? Subject(document, words, at, clauseStart, sentence, all) : null;
        if (outside is not null && outside.Token < sentence.FirstToken) draft.Antecedent = outside.Token;
        // "expulsions respectives": the adjective right after the trigger (not the "Mutuelles de Bretagne" further on)
        bool mutual = false;
        for (int j = afterTrigger; j < Math.Min(windowEnd, afterTrigger + 2); j++)
            mutual |= Is(words[j], CueRole.Mutual) && !IsCapitalised(document, j);
        if (draft.Cue.Roles == EventRoles.Directed && !mutual)
        {
            // "visant Moscou", "contre la Russie" name the target; "menée par Washington" the source (in the trigger's
            // clause: not the "adoptée par l'ONU" of a relative clause further on)
            for (int j = afterTrigger; j < clauseEnd; j++)
            {
                if (lexicon.TryGetCue(words[j], out var role) && role == CueRole.Target)
                    draft.Target.AddRange(After(words, j, windowEnd, local));
                // (an active verb takes its source from its subject: in "a rejeté une résolution présentée par la
                // Russie" the agent is the participle's)
                if (Is(words[j], CueRole.Agent) && (!draft.Cue.IsVerb || IsPassive(words, at, sentence.FirstToken)))
                    draft.Source.AddRange(After(words, j, windowEnd, local));
            }
            // "la manifestation du 21 (appelée par plusieurs organisations dont les Gilets jaunes)", "une grève à l'appel de
            // la CGT": whoever calls a protest leads it
            if (draft.Cue.Type == "PROTEST" && draft.Source.Count == 0) draft.Source.AddRange(Callers(words, afterTrigger, windowEnd, local));
            draft.AgainstPolicy = draft.Cue.Type == "PROTEST" && AgainstPolicy(words, afterTrigger, clauseEnd);
            // "des frappes russes", "les sanctions américaines": a nationality adjective right after a noun is its author
            if (!draft.Cue.IsVerb && draft.Source.Count == 0 && next.Count == 1)
            {
                draft.Source.Add(ToActor(next[0]));
                clause.Remove(next[0]);
            }
            // "Sylvie Goulard a été mise en examen": in the passive the subject undergoes the event
            var subject = clause.Where(c => c.Token < at).TakeLast(1).Select(ToActor).ToList();
            if (outside is not null) subject.Add(ToActor(outside));
            if (draft.Cue.IsVerb && IsPassive(words, at, clauseStart))
            {
                if (draft.Target.Count == 0) draft.Target.AddRange(subject);
                return;
            }
            if (draft.Source.Count == 0)
                draft.Source.AddRange(subject);
            // "appelle à une assemblée": what a call asks for follows it, not whom it is made of
            bool call = lexicon.TryGetCue(words[at], out var first) && first == CueRole.Call;
            if (draft.Target.Count == 0 && !call)
                draft.Target.AddRange(clause.Where(c => c.Token >= afterTrigger && !draft.Source.Any(a => Same(a, c))).Take(2).Select(ToActor));
            return;
        }
        if (outside is not null) draft.Actors.Add(ToActor(outside));
        // "placer la protection des civils au centre des discussions": a group noun before a noun trigger that
        // completes another noun ("des civils") is that noun's, not a party to the talks
        draft.Actors.AddRange(clause.Where(c => draft.Cue.IsVerb || !c.Group || c.Token >= at || c.Token == 0 || !Is(words[c.Token - 1], CueRole.Indefinite)).Select(ToActor));
    }


    // No reading is certain: a repeated, dated, placed event still stops here.
    private const double MaxConfidence = 0.95;

    // Tokens between a verdict and the offence it names ("condamné à six mois de prison, [...] pour abus de confiance").
    private const int VerdictReach = 30;

    // "condamné à six mois de prison avec sursis [...] pour abus de confiance": an offence right after "pour", in the
    // sentence of a verdict before it
    private bool AfterVerdict(string[] words, List<(int Token, int Length, TriggerCue Cue)> triggers, int at)
    {
        if (triggers.Count == 0 || triggers[^1].Cue is not { Type: "COERCE", Mode: "sentence" } || at - triggers[^1].Token > VerdictReach) return false;
        for (int j = at - 1; j >= Math.Max(0, at - 3); j--)
        {
            if (Is(words[j], CueRole.Cause)) return true;
            if (!(Is(words[j], CueRole.Definite) || Is(words[j], CueRole.Indefinite) || words[j] is "«" or "\"")) return false;
        }
        return false;
    }

    // Tokens between a call ("appelle à") and the protest it calls for ("à rejoindre le temps fort de grève").
    private const int CallReach = 8;
    // The parties a preposition introduces: those within three tokens ("contre la Russie et la Chine"), else the first
    // in its clause ("par le pôle financier du Tribunal de Paris").
    private IEnumerable<EventActor> After(string[] words, int preposition, int windowEnd, List<Candidate> local)
    {
        var near = local.Where(c => !c.Located && c.Token > preposition && c.Token <= preposition + 3).ToList();
        if (near.Count > 0) return near.Select(ToActor);
        int end = ClauseEnd(words, preposition + 1, windowEnd);
        return local.Where(c => !c.Located && c.Token > preposition && c.Token < end).Take(1).Select(ToActor);
    }

    // "contre la réforme", "contre le projet de loi": a target preposition, then a policy word within three tokens
    private bool AgainstPolicy(string[] words, int from, int clauseEnd)
    {
        for (int j = from; j < clauseEnd; j++)
        {
            if (!Is(words[j], CueRole.Target)) continue;
            for (int k = j + 1; k < Math.Min(clauseEnd, j + 4); k++)
                if (Is(words[k], CueRole.Policy)) return true;
        }
        return false;
    }

    // Tokens between a protest and the call that names its organisers, and between that call and the last of them.
    private const int CallerReach = 8;

    // The organisations after "appelée par" or "à l'appel de" following a protest, up to a closing bracket or a semicolon
    // ("à l'appel de l'UNL, de la FIDL et de Youth For Climate"); none when no such call follows.
    private IEnumerable<EventActor> Callers(string[] words, int from, int windowEnd, List<Candidate> local)
    {
        int end = Math.Min(windowEnd, from + CallerReach);
        for (int j = from; j + 1 < end; j++)
        {
            if (!Is(words[j], CueRole.Call) || !(Is(words[j + 1], CueRole.Agent) || (Is(words[j], CueRole.CalledBy) && Is(words[j + 1], CueRole.Indefinite)))) continue;
            int stop = j + 2;
            while (stop < Math.Min(windowEnd, j + 2 + CallerReach) && words[stop] is not (")" or ";")) stop++;
            return local.Where(c => !c.Located && c.Token > j + 1 && c.Token < stop).Select(ToActor);
        }
        return [];
    }

    // How far back a pronoun's antecedent is looked for (tokens: about three sentences).
    private const int AntecedentReach = 120;
    // Tokens between a subject pronoun and the trigger ("il ne l'a pas rencontré").
    private const int PronounGap = 4;
    // Tokens between a name and the relative pronoun that takes it up ("c'est François Bayrou qui").
    private const int RelativeGap = 3;

    /// <summary>
    /// The subject of a verb trigger whose clause names none before it: the antecedent of the relative "qui" that opens
    /// the clause ("c'est François Bayrou qui est mis en examen"), of a subject pronoun ("il a rencontré" → the last
    /// person named), or the sentence's subject across an apposition between commas ("La firme Bayer, propriétaire de
    /// Monsanto, a été condamnée").
    /// </summary>
    private Candidate? Subject(Document document, string[] words, int at, int clauseStart, Sentence sentence, List<Candidate> all)
    {
        if (clauseStart > sentence.FirstToken && Is(words[clauseStart - 1], CueRole.Relative))
        {
            int relative = clauseStart - 1;
            // "c'est X, ancien ministre, qui ...": the focus of the cleft is the name right after "c'est"
            for (int j = Math.Max(sentence.FirstToken, relative - AntecedentReach); j + 1 < relative; j++)
            {
                if (!Is(words[j], CueRole.Cleft) || !Is(words[j + 1], CueRole.Passive)) continue;
                var focus = all.FirstOrDefault(c => c.Token == j + 2 && !c.Located);
                if (focus is not null) return focus;
            }
            return all.LastOrDefault(c => c.Token < relative && c.Token >= Math.Max(sentence.FirstToken, relative - RelativeGap - 4) && !c.Located
                && LastTokenOf(document, c) >= relative - RelativeGap);
        }
        for (int p = Math.Max(clauseStart, at - PronounGap); p < at; p++)
        {
            if (!lexicon.TryGetCue(words[p], out var role) || role is not (CueRole.SubjectMasculine or CueRole.SubjectFeminine or CueRole.SubjectPlural)) continue;
            for (int i = all.Count - 1; i >= 0; i--)
            {
                var c = all[i];
                if (c.Token >= p) continue;
                if (c.Token < p - AntecedentReach) break;
                if (c.Located || c.IsPlace) continue;
                bool fits = role switch
                {
                    CueRole.SubjectMasculine => c.Type == EntityType.PER,
                    CueRole.SubjectFeminine => c.Type is EntityType.PER or EntityType.ORG,
                    _ => c.Group || (c.Entity is null && c.Code is not null) || c.Type == EntityType.ORG,
                };
                if (!fits) continue;
                // the last sentence naming a fitting party; its first such party is most often the subject the
                // pronoun takes up ("Mediapart révèle que X, conseiller de Y, [...]. Il est accusé" → X)
                var (from, _) = SentenceOf(document, c.Token);
                for (int f = 0; f <= i; f++)
                {
                    var earliest = all[f];
                    if (earliest.Token < from || earliest.Located || earliest.IsPlace) continue;
                    if (role == CueRole.SubjectMasculine ? earliest.Type == EntityType.PER
                        : role == CueRole.SubjectFeminine ? earliest.Type is EntityType.PER or EntityType.ORG
                        : earliest.Group || (earliest.Entity is null && earliest.Code is not null) || earliest.Type == EntityType.ORG) return earliest;
                }
                return c;
            }
            return null;
        }
        // an apposition: a comma, then nothing but the verb group ("a été"), and no verb between the sentence's first
        // party and it
        if (clauseStart == sentence.FirstToken || clauseStart == at || words[clauseStart - 1] != "," || document.Tags.Length != document.Tokens.Length) return null;
        for (int j = clauseStart; j < at; j++)
            if (document.Tags[j].Upos is not (Upos.AUX or Upos.VERB or Upos.ADV)) return null;
        var first = all.FirstOrDefault(c => c.Token >= sentence.FirstToken && c.Token < clauseStart && !c.Located);
        if (first is null) return null;
        for (int j = first.Token; j < clauseStart; j++)
            if (document.Tags[j].Upos is Upos.VERB or Upos.AUX) return null;
        return first;
    }

    private static (int First, int End) SentenceOf(Document document, int token)
    {
        foreach (var sentence in document.Sentences)
            if (token >= sentence.FirstToken && token < sentence.EndToken) return (sentence.FirstToken, sentence.EndToken);
        return (token, token + 1);
    }

    private static int LastTokenOf(Document document, Candidate c)
    {
        int t = c.Token;
        while (t + 1 < document.Tokens.Length && document.Tokens[t + 1].Span.Start < c.Span.End) t++;
        return t;
    }

    // Tokens between an active verdict and its penalty ("a condamné l'ancien maire du village à deux ans de prison").
    private const int PenaltyReach = 12;

    private bool PenaltyFollows(string[] words, int from, int end)
    {
        // the penalty follows "à" ("condamné à mort"; "a condamné la mort de civils" is a criticism)
        bool to = false;
        for (int j = from; j < Math.Min(end, from + PenaltyReach); j++)
        {
            if (to && Is(words[j], CueRole.Penalty)) return true;
            if (IsClauseBoundary(words[j])) return false;
            to |= Is(words[j], CueRole.SentenceTo);
        }
        return false;
    }

    // Tokens between a verb of travel and where it goes ("se rendra la semaine prochaine à Bagdad").
    private const int TravelReach = 6;

    // the place right after the verb, or after a time or an adverb ("se rendra la semaine prochaine à Bagdad", "s'est
    // rendu mardi à Kiev"); "s'est rendu compte de son erreur à Kiev" has words of its own in between
    private bool PlaceFollows(Document document, string[] words, List<Candidate> candidates, List<TimeCandidate> times, int from, int end)
    {
        int limit = Math.Min(end, from + TravelReach);
        foreach (var c in candidates)
        {
            if (!c.Located || c.Token < from || c.Token >= limit) continue;
            int preposition = PreviousWord(words, c.Token);
            bool clear = true;
            for (int j = from; j < preposition && clear; j++)
            {
                var span = document.Tokens[j].Span;
                clear = Is(words[j], CueRole.Adverb) || times.Exists(t => t.Span.Start <= span.Start && span.End <= t.Span.End);
            }
            if (clear) return true;
        }
        return false;
    }

    // Tokens between "se" and its verb ("s'étaient en effet déjà retrouvés").
    private const int ReflexiveReach = 5;

    private bool IsReflexive(string[] words, int at, int sentenceStart)
    {
        for (int j = at - 1; j >= Math.Max(sentenceStart, at - ReflexiveReach); j--)
        {
            if (Is(words[j], CueRole.Reflexive)) return true;
            if (IsClauseBoundary(words[j])) return false;
        }
        return false;
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

    // A trigger with no time of its own: a time elsewhere in its clause ("la manifestation et la grève d'aujourd'hui");
    // else, told in the present, the last date of its paragraph before it (a narrative present: "Le 31 août 2017, X
    // frappe Y. [...] il accuse Y") or, with none, the publication date (a headline: "Berne interdit le produit").
    private void DateFromContext(Document document, string[] words, Sentence sentence, int at, List<TimeCandidate> sentenceTimes, List<TimeCandidate> times, Draft draft)
    {
        // (in the same clause: "Le 3 mars, X a rencontré Y, deux semaines après l'attentat" does not date the attack)
        var nearest = sentenceTimes.Where(t => !IsBound(document, words, t, draft) && !BoundaryBetween(words, t.Token, at)).MinBy(t => Math.Abs(t.Token - at));
        if (nearest is not null)
        {
            (draft.Date, draft.Tolerance, draft.Time) = (nearest.Value, nearest.Tolerance, nearest.Span);
            return;
        }
        // "a décidé de ne pas autoriser ces véhicules en 2020": a decision that only says from when it applies is the
        // news it is told in, like a narrative present
        bool bounded = sentenceTimes.Any(t => !BoundaryBetween(words, t.Token, at) && InYear(document, words, t, draft));
        // a headline tells the news of the day in the present whatever the tagger reads ("Berne interdit le chlorothalonil")
        if (draft.Status != EventStatus.Asserted
            || (sentence.Kind != SegmentKind.Headline && ClauseTense.At(document, at).Tense is var tense
                && tense != TenseReading.Present && !(bounded && tense == TenseReading.Past))) return;
        int start = document.Tokens[at].Span.Start;
        int paragraph = document.Text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var prior = times.LastOrDefault(t => t.Span.Start >= paragraph && t.Span.End <= start);
        if (prior is not null) (draft.Date, draft.Tolerance) = (prior.Value, prior.Tolerance);
        else if (document.Published is { } published) (draft.Date, draft.Tolerance) = (published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null);
        draft.DateInferred = draft.Date is not null;
    }

    // "Cette mesure intervient deux jours après l'expulsion par le Mali", "trois semaines avant le sommet": a nominal
    // event placed by its distance from the date of the clause it is the complement of. The clause's date is the one
    // the draft got from a time before the length (or from its context); a time of the event's own, after the trigger
    // ("deux jours après l'attentat du 3 mars"), is kept as it is. A shift the date's precision cannot carry (days from
    // a month) leaves the event undated rather than wrongly dated.
    private void DateByOffset(Document document, string[] words, int at, Sentence sentence, List<TimeCandidate> sentenceTimes, Draft draft)
    {
        int p = PreviousWord(words, at);
        if (p - 1 < sentence.FirstToken) return;
        int sign = Is(words[p], CueRole.OffsetAfter) ? -1 : Is(words[p], CueRole.OffsetBefore) ? 1 : 0;
        if (sign == 0) return;
        int lengthEnd = document.Tokens[p - 1].Span.End;
        TimeExpression? length = null;
        foreach (var t in document.Times)
            if (t.Type == TimeType.Duration && t.Span.End == lengthEnd) { length = t; break; }
        if (length?.Value is not { } value || !TryParseLength(value, out int amount, out char unit)) return;
        draft.Offset = true;
        if (draft.Time is { } own && own.Start >= length.Span.Start) return; // its own date
        // the clause's date: the one the draft took from before the length or from its context, else the nearest time
        // before the length in the sentence ("Le 8 avril, X a expulsé Y, deux jours après l'expulsion de Z")
        string? reference = draft.Date;
        if (reference is null && sentenceTimes.Where(t => t.Span.End <= length.Span.Start).MaxBy(t => t.Token) is { } before)
            (reference, draft.Tolerance) = (before.Value, before.Tolerance);
        if (reference is null) return;
        draft.Date = Shift(reference, sign * amount, unit);
        draft.Time = draft.Date is null ? null : length.Span;
        if (draft.Date is null) (draft.Tolerance, draft.DateInferred) = (null, false);
    }

    // "P2D", "P3W", "P1M", "P10Y": a whole number of days, weeks, months or years
    private static bool TryParseLength(string value, out int amount, out char unit)
    {
        amount = 0;
        unit = value.Length > 0 ? value[^1] : '\0';
        if (value.Length < 3 || value[0] != 'P' || unit is not ('D' or 'W' or 'M' or 'Y')) return false;
        return int.TryParse(value.AsSpan(1, value.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out amount);
    }

    // A date moved by a length: a day (or a time's day) by any unit, a month by months or years, a year by years; else null.
    private static string? Shift(string date, int amount, char unit)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (date.Length >= 10 && DateOnly.TryParseExact(date.AsSpan(0, 10), "yyyy-MM-dd", culture, System.Globalization.DateTimeStyles.None, out var day))
        {
            var moved = unit switch { 'D' => day.AddDays(amount), 'W' => day.AddDays(7 * amount), 'M' => day.AddMonths(amount), _ => day.AddYears(amount) };
            return moved.ToString("yyyy-MM-dd", culture);
        }
        if (date.Length == 7 && DateOnly.TryParseExact(date + "-01", "yyyy-MM-dd", culture, System.Globalization.DateTimeStyles.None, out var month) && unit is 'M' or 'Y')
            return (unit == 'M' ? month.AddMonths(amount) : month.AddYears(amount)).ToString("yyyy-MM", culture);
        if (date.Length == 4 && int.TryParse(date, System.Globalization.NumberStyles.None, culture, out int year) && unit == 'Y')
            return (year + amount).ToString("D4", culture);
        return null;
    }

    // "interdit son utilisation dès le 1er janvier 2020", "après le 20 mai": a ban or a sanction is decided on one day
    // and takes effect from another; the bound is not the event's date.
    private bool IsBound(Document document, string[] words, TimeCandidate time, Draft draft)
    {
        if (draft.Cue.Type is not ("COERCE" or "SANCTION")) return false;
        if (InYear(document, words, time, draft)) return true;
        for (int j = Math.Max(0, time.Token - 2); j <= time.Token; j++)
            if (Is(words[j], CueRole.Bound)) return true;
        return false;
    }

    // A ban decided (told as done) "en 2020", the year of publication or a later one, applies during that year: a bound.
    private bool InYear(Document document, string[] words, TimeCandidate time, Draft draft) =>
        draft.Status == EventStatus.Asserted && draft.Cue.Mode is "ban" or "sanctions" && time.Token > 0 && lexicon.HasRole(words[time.Token - 1], CueRole.InYear)
        && time.Value.Length == 4 && int.TryParse(time.Value, out int year) && document.Published is { } published && year >= published.Year;

    private void ReadPlace(string[] words, List<Candidate> candidates, List<(int Token, int Length, TriggerCue Cue)> triggers, int k, Draft draft)
    {
        // a located place ("à Istanbul", "en Turquie") belongs to the trigger nearest to it, in its clause
        // ("la guerre en Ukraine" three commas later places nothing) or right beside it ("rencontrés, à Genève")
        const int Beside = 3;
        int bestForDraft = int.MaxValue;
        foreach (var place in candidates)
        {
            // "reçu au rectorat de Créteil": a body's seat places the event too (the body stays a party)
            var seat = place.AfterPlacePreposition && place.Type == EntityType.ORG && place.Name is not null ? SeatOf(place.Name) : null;
            if (seat is null && (!place.Located || !place.IsPlace || place.Name is null)) continue;
            if (Nearest(place.Token, triggers, out int best) != k || best >= bestForDraft) continue;
            int from = Math.Min(place.Token, triggers[k].Token), to = Math.Max(place.Token, triggers[k].Token);
            if (best > Beside && Enumerable.Range(from, to - from).Any(j => IsClauseBoundary(words[j]))) continue;
            bestForDraft = best;
            if (seat is not null) draft.Location = seat with { Span = place.Span };
            else draft.Location = Place(place);
        }
    }

    private EventLocation Place(Candidate place) => actors.TryGetPlace(place.Name!, out var known)
        ? new EventLocation(place.Name, place.Code ?? known.Country, known.Latitude, known.Longitude, place.Span)
        : new EventLocation(place.Name, place.Code, Span: place.Span);

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

    private void ReadDate(Document document, string[] words, List<TimeCandidate> times, List<(int Token, int Length, TriggerCue Cue)> triggers, int k, Draft draft)
    {
        // each time expression dates only the trigger nearest to it; of those, the nearest wins
        int bestForDraft = int.MaxValue;
        foreach (var time in times)
        {
            if (IsBound(document, words, time, draft)) continue;
            if (Nearest(time.Token, triggers, out int best) != k || best >= bestForDraft) continue;
            bestForDraft = best;
            draft.Date = time.Value;
            draft.Time = time.Span;
            draft.Tolerance = time.Tolerance;
        }
    }

    private static int Distance(int token, int trigger, int length) =>
        token < trigger ? trigger - token : token - (trigger + length - 1);

    private Event[] Resolve(List<Draft> drafts, string? storyCountry)
    {
        var events = new List<Draft>();
        foreach (var d in drafts)
        {
            bool hasParties = d.OwnParties().Any();
            if ((d.Anaphoric || (d.Definite && !hasParties)) && !d.Earlier && !d.Offset)
            {
                var antecedent = events.LastOrDefault(e => e.Cue.Type == d.Cue.Type);
                if (antecedent is not null && (!hasParties || d.OwnParties().All(p => antecedent.Parties().Contains(p))))
                {
                    Absorb(antecedent, d);
                    continue;
                }
            }
            if ((d.Earlier || d.PairSubject) && !hasParties)
            {
                // "la réunion précédente": the same parties met before
                var antecedent = events.LastOrDefault(e => e.Cue.Type == d.Cue.Type);
                if (antecedent is null) continue;
                d.Actors.AddRange(antecedent.Actors);
                d.Source.AddRange(antecedent.Source);
                d.Target.AddRange(antecedent.Target);
            }
            // "la forte mobilisation contre la réforme des retraites": no one named, but the state whose policy it opposes
            // (the state where the protest took place when the text says, else the story's: "ont manifesté à Paris")
            if (!d.Parties().Any() && d.AgainstPolicy && (d.Location?.Country ?? storyCountry) is { } policyState)
            {
                d.Target.Add(new EventActor(policyState, null));
                d.Confidence += 0.2; // an implied party, as for a legal procedure
            }
            if (!d.Parties().Any()) continue; // no party: nothing we can record honestly
            // "Elle appelle à tenir des AG": a call on no one in particular is an appeal (CAMEO 02, a statement, not an
            // event); a demand ("exigent", "ont demandé à la Confédération") stands even when its target is implied
            if (d.Cue.Type == "DEMAND" && d.Target.Count == 0 && lexicon.TryGetCue(d.Cue.Words[0], out var role) && role == CueRole.Call) continue;
            // "Grève à la SNCF" then "Les cheminots sont en grève ce jeudi": a headline announces the event of the lead
            var announced = d.Headline ? null : events.FirstOrDefault(e => e.Headline && !e.Joined && e.Cue.Type == d.Cue.Type && e.Cue.Mode == d.Cue.Mode
                && d.Sentence - e.Sentence <= LeadReach && (e.DateInferred || DatesCompatible(e.Date, e.Tolerance, d.Date, d.Tolerance)));
            if (announced is not null)
            {
                announced.Joined = true;
                announced.Actors.AddRange(d.Actors);
                announced.Source.AddRange(d.Source);
                announced.Target.AddRange(d.Target);
                announced.ImplicitSource ??= d.ImplicitSource;
                Absorb(announced, d);
                continue;
            }
            var same = events.FirstOrDefault(e => SameEvent(e, d));
            if (same is not null) { Absorb(same, d); continue; }
            events.Add(d);
        }
        return [.. events.Select(d => new Event
        {
            Type = d.Cue.Type,
            Mode = d.Mode ?? d.Cue.Mode,
            Actors = Distinct(d.Actors),
            Source = d.Source.Count == 0 && d.ImplicitSource is { } state ? [new EventActor(state, null)] : Distinct(d.Source),
            Target = VisitedState(d) is { } host ? [host] : WithoutSources(d),
            Location = d.Location ?? ImpliedLocation(d, storyCountry),
            Date = d.Date,
            Status = d.Status,
            Trigger = d.Trigger,
            Sentence = d.Sentence,
            Evidence = d.Evidence,
            Confidence = Math.Min(MaxConfidence, d.Confidence + 0.05 * (d.Evidence.Count - 1)),
        })];
    }

    private static bool HasYear(ReadOnlySpan<char> text)
    {
        int run = 0;
        foreach (char c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }

    // Announced events are near: a day after publication and within a year of it (a relative date anchored on the
    // story, "quelques jours plus tard", may land far from the publication date in a retrospective).
    private const int AnnouncementReach = 366;

    private static bool After(string? date, DateOnly? published)
    {
        if (date is null || published is not { } p || date.Length < 10
            || !DateOnly.TryParseExact(date.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)) return false;
        int ahead = day.DayNumber - p.DayNumber;
        return ahead > 0 && ahead <= AnnouncementReach;
    }

    // Where a domestic act happened when the text names no place: the seat of the court, prosecutor or city that acts
    // ("le parquet de Brest", "la Ville de Montréal"), else the acting state's country with no place name (an arrest, a
    // ban, an investigation by a state's body happen on its territory; a protest in its protesters' or target's country).
    private EventLocation? ImpliedLocation(Draft d, string? storyCountry)
    {
        if (d.Cue.Type is not ("COERCE" or "INVESTIGATE" or "PROTEST")) return null;
        // a protest is held where the body it targets or starts from sits ("devant la mairie de Lyon")
        foreach (var a in d.Cue.Type == "PROTEST" ? d.Source.Concat(d.Target).Concat(d.Actors) : d.Source)
            if (a.Name is { } name && SeatOf(name) is { } seat) return seat;
        var parties = d.Cue.Type == "PROTEST" ? d.Source.Concat(d.Actors).Concat(d.Target) : d.Source;
        var code = parties.Select(a => a.Code).FirstOrDefault(c => c is not null) ?? (d.Source.Count == 0 ? d.ImplicitSource : null);
        // a protest by groups no state is named for ("les organisations syndicales"), an arrest by no one named ("trois
        // militants ont été interpellés") happen in the country of the story
        code ??= storyCountry;
        return code is null ? null : new EventLocation(null, code);
    }

    // "Erdogan se rendra à Bagdad": with no one named as host, a visit is to the state it goes to
    private static EventActor? VisitedState(Draft d)
    {
        if (d.Cue.Mode != "visit" || d.Target.Count > 0 || d.Location?.Country is not { } country) return null;
        return d.Source.Any(a => a.Code == country) ? null : new EventActor(country, null);
    }

    // Segments after a headline within which the lead tells the event it announces (headline, dateline, two sentences).
    private const int LeadReach = 4;

    // Mentions of entities with a country a document needs before one country is its story's.
    private const int StoryCountryMentions = 3;

    // The country of most entity mentions that have one, when it has more than half of them (a French union's
    // communiqué: FRA); null when the story spans countries.
    private static string? StoryCountry(Document document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = 0;
        foreach (var mention in document.Mentions)
        {
            if (mention.Entity < 0 || mention.Entity >= document.Entities.Length || document.Entities[mention.Entity].Country is not { } country) continue;
            counts[country] = counts.GetValueOrDefault(country) + 1;
            total++;
        }
        if (total < StoryCountryMentions) return null;
        var (top, n) = counts.MaxBy(kv => kv.Value);
        return 2 * n > total ? top : null;
    }

    // "parquet de Brest", "Tribunal de Paris", "rectorat de Créteil": the place a body is named after
    private EventLocation? SeatOf(string name)
    {
        int de = name.LastIndexOf(" de ", StringComparison.Ordinal);
        return de > 0 && actors.TryGetPlace(name[(de + 4)..], out var seat) && seat.Name is not null && char.IsUpper(seat.Name[0]) ? seat : null;
    }

    private static void Absorb(Draft into, Draft mention)
    {
        into.Evidence.Add(mention.Trigger);
        into.ImplicitSource ??= mention.ImplicitSource;
        into.Location ??= mention.Location;
        // a date of its own beats none, one inferred from the context, or an approximate one
        if (into.Date is null || (mention.Date is not null && !mention.DateInferred && (into.DateInferred || (into.Tolerance is not null && mention.Tolerance is null))))
        {
            into.DateInferred = mention.DateInferred;
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

    // one record per party; a state named only by its demonym ("son homologue turc") adds nothing beside a person or
    // body of that state named in full ("Recep Tayyip Erdogan", TUR)
    private static EventActor[] Distinct(List<EventActor> actors)
    {
        var named = actors.Where(a => a.Name is not null && a.Code is not null).Select(a => a.Code!).ToHashSet(StringComparer.Ordinal);
        return [.. actors.Where(a => a.Name is not null || a.Code is null || !named.Contains(a.Code)).GroupBy(PartyKey).Select(g => g.First())];
    }

    // Characters between a recall and the capital of the ambassador's post ("rappelé son ambassadeur à Paris").
    private const int RecallPostReach = 4;
    // Tokens after a meeting trigger where "au téléphone" may say how it was held.
    private const int PhoneReach = 5;

    // "les frappes de l'Inde" (headline) then "menées par l'Inde" (lead): a party cannot act on itself, and the
    // agent reading of an ambiguous "de" wins over the target reading
    private static EventActor[] WithoutSources(Draft d)
    {
        var targets = Distinct(d.Target);
        if (d.Source.Count == 0) return targets;
        var sources = d.Source.Select(PartyKey).ToHashSet(StringComparer.Ordinal);
        return [.. targets.Where(t => !sources.Contains(PartyKey(t)))];
    }

    private static bool Same(EventActor a, Candidate c) => PartyKey(a) == PartyKey(ToActor(c));

    // Places and demonyms stand for their state, so they carry no name; people and bodies carry theirs.
    // a place stands for its state ("Moscou" → RUS); one whose state is not known keeps its name ("le canton de Soleure")
    private static EventActor ToActor(Candidate c) => new(c.Code, c.IsPlace && c.Code is not null ? null : c.Name, c.Entity, c.Span);

    private static string PartyKey(EventActor a) => a.Name ?? a.Code ?? "";

    private bool Any(string[] words, int from, int to, CueRole role)
    {
        for (int j = Math.Max(0, from); j < Math.Min(to, words.Length); j++)
            if (Is(words[j], role)) return true;
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

    private bool BoundaryBetween(string[] words, int a, int b)
    {
        for (int j = Math.Min(a, b) + 1; j < Math.Max(a, b); j++)
            if (IsClauseBoundary(words[j])) return true;
        return false;
    }

    private bool IsClauseBoundary(string word) =>
        word is "," or ";" or ":" or "(" or ")" or "«" or "»" or "“" or "”" or "--" or "–" or "—"
        || (lexicon.TryGetCue(word, out var role) && role is CueRole.Clause or CueRole.Relative);

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

    private List<Candidate> ActorCandidates(Document document, string[] words, string? storyCountry)
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
            // "Grève" taken for a name in a title-cased heading is the event, not a party to it
            if (mention.Span == document.Tokens[first].Span && lexicon.Match(words, first) is { Length: 1 }) continue;
            list.Add(new Candidate(first, mention.Span, entity.Country, entity.Name, entity.Id, entity.Type == EntityType.LOC, located && entity.Type == EntityType.LOC, entity.Type,
                AfterPlacePreposition: located));
        }
        // "les manifestants", "les organisations syndicales": groups that act without a name
        for (int i = 0; i < words.Length; i++)
        {
            if (covered[i]) continue;
            int n = lexicon.MatchGroup(words, i);
            if (n == 0) continue;
            var span = new TextSpan(document.Tokens[i].Span.Start, document.Tokens[i + n - 1].Span.End);
            // "la justice américaine", "des manifestants russes": the group acts for the state its adjective names
            string? code = null;
            if (i + n < words.Length && !covered[i + n] && actors.TryGetDemonym(words[i + n], out var state))
            {
                code = state;
                covered[i + n] = true;
            }
            // "le gouvernement", "la police" with no adjective: the state of the story
            else if (lexicon.IsStateGroup(words, i, n)) code = storyCountry;
            list.Add(new Candidate(i, span, code, document.Slice(span).ToLowerInvariant(), null, false, false, null, Group: true));
            for (int k = i; k < i + n; k++) covered[k] = true;
            i += n - 1;
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

    private bool Is(string word, CueRole role) => lexicon.HasRole(word, role);

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
