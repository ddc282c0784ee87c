using System.Globalization;
using System.Text;

namespace Depeche.Linking;

/// <summary>
/// Incremental cross-document linker (docs/linking.md): each new mention is compared with the stories indexed under
/// its type group, actors and month, scored feature by feature (type and mode, actors and roles, dates by
/// granularity, place, status), and joins the best story whose score reaches the threshold; otherwise it opens a new
/// story. Stories keep their agreed fields and the claims their members dispute. Not thread-safe (the store
/// serialises calls).
/// </summary>
public sealed class StoryLinker : IStoryLinker
{
    /// <summary>Weight of a reason that rules a candidate out whatever the other features say.</summary>
    public const double Veto = -10;

    private const string AnyActor = "*";
    private const int Undated = -1;

    private readonly StoryLinkerOptions options;
    private readonly EventFamilies families;
    private readonly Dictionary<string, Story> stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryState> states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Node>> byDocument = new(StringComparer.Ordinal);
    private readonly Dictionary<IndexKey, List<StoryState>> index = [];
    private long counter;
    private long order;

    /// <summary>A linker with the default options.</summary>
    public StoryLinker() : this(new StoryLinkerOptions()) { }

    /// <summary>A linker with <paramref name="options"/>.</summary>
    public StoryLinker(StoryLinkerOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        families = options.Families ?? EventFamilies.Default;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Story> Stories => stories;

    /// <inheritdoc/>
    public void Restore(EventMention mention, string story)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentException.ThrowIfNullOrEmpty(story);
        if (nodes.ContainsKey(mention.Key)) throw new InvalidOperationException($"mention {mention.Key} is already linked.");
        if (story.StartsWith(options.IdPrefix, StringComparison.Ordinal)
            && long.TryParse(story.AsSpan(options.IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long n))
            counter = Math.Max(counter, n);
        var node = CreateNode(mention);
        var state = states.TryGetValue(story, out var existing) ? existing : Open(story, mention.Event.Type);
        Join(node, state);
    }

    /// <inheritdoc/>
    public LinkDecision Link(EventMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (nodes.ContainsKey(mention.Key)) throw new InvalidOperationException($"mention {mention.Key} is already linked.");
        var node = CreateNode(mention);

        StoryState? best = null, firstRejected = null;
        Assessment bestAssessment = default, rejectedAssessment = default;
        foreach (var candidate in Candidates(node))
        {
            var a = Assess(node, candidate, explain: false);
            if (a.Rejected)
            {
                if (firstRejected is null) { firstRejected = candidate; rejectedAssessment = a; }
                continue;
            }
            // on a tie, the story more outlets already agree on (then the older one)
            if (best is null || a.Score > bestAssessment.Score + 1e-9
                || Math.Abs(a.Score - bestAssessment.Score) <= 1e-9 && candidate.Nodes.Count > best.Nodes.Count)
            { best = candidate; bestAssessment = a; }
        }

        if (best is not null) bestAssessment = Assess(node, best, explain: true);
        else if (firstRejected is not null) rejectedAssessment = Assess(node, firstRejected, explain: true);
        if (best is not null && bestAssessment.Score >= options.Threshold)
        {
            var reasons = bestAssessment.Reasons!;
            reasons.Add(new LinkReason("decision", 0, Invariant(
                $"Score {bestAssessment.Score:0.00} reaches the threshold {options.Threshold:0.00}: the mention joins story {best.Story.Id}.")));
            Join(node, best);
            return new LinkDecision(mention.Key, best.Story.Id, false, Math.Round(bestAssessment.Score, 3), best.Story.Id, reasons);
        }

        var opened = Open(options.IdPrefix + (++counter).ToString(CultureInfo.InvariantCulture), mention.Event.Type);
        Join(node, opened);
        if (best is not null)
        {
            var reasons = bestAssessment.Reasons!;
            reasons.Add(new LinkReason("decision", 0, Invariant(
                $"Best candidate {best.Story.Id} scores {bestAssessment.Score:0.00}, below the threshold {options.Threshold:0.00}: new story {opened.Story.Id}.")));
            return new LinkDecision(mention.Key, opened.Story.Id, true, Math.Round(bestAssessment.Score, 3), best.Story.Id, reasons);
        }
        if (firstRejected is not null)
        {
            var reasons = rejectedAssessment.Reasons!;
            reasons.Add(new LinkReason("decision", 0,
                $"Every candidate was ruled out (first: {firstRejected.Story.Id}): new story {opened.Story.Id}."));
            return new LinkDecision(mention.Key, opened.Story.Id, true, 0, firstRejected.Story.Id, reasons);
        }
        string why = node.Date is null && node.ActorKeys.Length == 0
            ? "The mention has neither actors nor a date: too little to link it safely"
            : "No story of a compatible type shares its actors and period";
        return new LinkDecision(mention.Key, opened.Story.Id, true, 0, null,
            [new LinkReason("decision", 0, $"{why}; new story {opened.Story.Id}.")]);
    }

    /// <inheritdoc/>
    public void RemoveDocument(string document)
    {
        if (!byDocument.Remove(document, out var list)) return;
        var touched = new List<StoryState>();
        foreach (var node in list)
        {
            nodes.Remove(node.Mention.Key);
            var state = states[node.Story];
            state.Nodes.Remove(node);
            if (!touched.Contains(state)) touched.Add(state);
        }
        foreach (var state in touched)
        {
            Unindex(state);
            if (state.Nodes.Count == 0)
            {
                states.Remove(state.Story.Id);
                stories.Remove(state.Story.Id);
                continue;
            }
            Refresh(state);
            Index(state);
        }
    }

    // ---- mentions and stories ---------------------------------------------------------------------------------

    private sealed class Node(EventMention mention)
    {
        public EventMention Mention { get; } = mention;
        public required string Group { get; init; }
        public required string[] ActorKeys { get; init; }
        public required string[] SourceKeys { get; init; }
        public required string[] TargetKeys { get; init; }
        /// <summary>Keys of actors known only by name (a person of unknown nationality).</summary>
        public required string[] NamedKeys { get; init; }
        public required EventDate? Date { get; init; }
        public required string? Place { get; init; }
        public string Story { get; set; } = "";
    }

    private sealed class StoryState(Story story, long order)
    {
        public Story Story { get; } = story;
        public long Order { get; } = order;
        public List<Node> Nodes { get; } = [];
        public HashSet<string> ActorKeys { get; } = new(StringComparer.Ordinal);
        public HashSet<string> SourceKeys { get; } = new(StringComparer.Ordinal);
        public HashSet<string> TargetKeys { get; } = new(StringComparer.Ordinal);
        public HashSet<string> NamedKeys { get; } = new(StringComparer.Ordinal);
        public List<EventDate> Dates { get; } = [];
        public HashSet<string> Places { get; } = new(StringComparer.Ordinal);
        public List<string> PlaceNames { get; } = [];
        public HashSet<string> Countries { get; } = new(StringComparer.Ordinal);
        public List<IndexKey> Keys { get; } = [];
    }

    private readonly record struct IndexKey(string Group, string Actor, int Bucket);

    private Node CreateNode(EventMention mention)
    {
        var e = mention.Event;
        var sources = Keys(e.Source);
        var targets = Keys(e.Target);
        var all = new List<string>();
        foreach (var k in Keys(e.Actors).Concat(sources).Concat(targets))
            if (!all.Contains(k)) all.Add(k);
        var named = new List<string>();
        foreach (var a in e.Actors.Concat(e.Source).Concat(e.Target))
            if (a.Code is not { Length: > 0 } && a.Name is { Length: > 0 } name && LooksLikePerson(name) && !named.Contains(Fold(name))) named.Add(Fold(name));
        return new Node(mention)
        {
            Group = families.Group(e.Type),
            ActorKeys = [.. all],
            SourceKeys = sources,
            TargetKeys = targets,
            NamedKeys = [.. named],
            Date = EventDate.Parse(e.Date),
            Place = e.Location is { Name: { } placeName } ? Fold(placeName) : null,
        };
    }

    private static string[] Keys(IReadOnlyList<EventActor> actors)
    {
        if (actors.Count == 0) return [];
        var keys = new List<string>(actors.Count);
        foreach (var a in actors)
        {
            string? key = a.Code is { Length: > 0 } code ? code.ToUpperInvariant() : a.Name is { Length: > 0 } name ? Fold(name) : null;
            if (key is not null && !keys.Contains(key)) keys.Add(key);
        }
        return [.. keys];
    }

    /// <summary>
    /// A name of two or more words, each capitalised ("Ahmed Attaf", "Jean-Noël Barrot"): a person's name, not an
    /// organisation ("Union européenne", "CGT").
    /// </summary>
    internal static bool LooksLikePerson(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) return false;
        foreach (var w in words)
            if (!char.IsUpper(w[0]) || w.Length > 1 && w.AsSpan(1).ContainsAnyInRange('A', 'Z') && w.AsSpan(1).IndexOfAnyInRange('a', 'z') < 0) return false;
        return true;
    }

    /// <summary>Lower case without diacritics, inner spaces collapsed: "Ryad" and "ryad", "Genève" and "Geneve" meet.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool space = false;
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c) || c == '-' || c == '\'' || c == '\u2019') { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private StoryState Open(string id, string type)
    {
        var story = new Story { Id = id, Type = type };
        var state = new StoryState(story, order++);
        stories[id] = story;
        states[id] = state;
        return state;
    }

    private void Join(Node node, StoryState state)
    {
        node.Story = state.Story.Id;
        nodes[node.Mention.Key] = node;
        if (!byDocument.TryGetValue(node.Mention.Document, out var list)) byDocument[node.Mention.Document] = list = [];
        list.Add(node);
        Unindex(state);
        state.Nodes.Add(node);
        Refresh(state);
        Index(state);
    }

    // ---- candidate index: (type group, actor or *, bucket) → stories ---------------------------------------------
    // A bucket is a day for stories dated to the day or week (each day of the interval), a month for coarser dates
    // (each month touched), or "undated". A mention looks up the days around its own date, the months it touches and
    // the undated stories (the most recent ones only), under each of its actors: a few short lists, however many
    // stories the store holds.

    private static int DayBucket(DateOnly d) => d.DayNumber;
    private static int MonthBucket(int monthIndex) => -2 - monthIndex;

    private static void Buckets(EventDate date, HashSet<int> into)
    {
        if (date.Granularity <= DateGranularity.Week)
            for (var d = date.First; d <= date.Last; d = d.AddDays(1)) into.Add(DayBucket(d));
        else
            foreach (int m in date.Months()) into.Add(MonthBucket(m));
    }

    private void Index(StoryState state)
    {
        var buckets = new HashSet<int>();
        foreach (var d in state.Dates) Buckets(d, buckets);
        if (buckets.Count == 0) buckets.Add(Undated);
        string group = families.Group(state.Story.Type);
        var groups = new HashSet<string>(StringComparer.Ordinal) { group };
        foreach (var n in state.Nodes) groups.Add(n.Group);
        foreach (var g in groups)
            foreach (int b in buckets)
            {
                Add(new IndexKey(g, AnyActor, b), state);
                foreach (var actor in state.ActorKeys) Add(new IndexKey(g, actor, b), state);
            }
    }

    private void Add(IndexKey key, StoryState state)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(state);
        state.Keys.Add(key);
    }

    private void Unindex(StoryState state)
    {
        foreach (var key in state.Keys)
            if (index.TryGetValue(key, out var list))
            {
                list.Remove(state);
                if (list.Count == 0) index.Remove(key);
            }
        state.Keys.Clear();
    }

    private List<StoryState> Candidates(Node node)
    {
        var found = new HashSet<StoryState>();
        var result = new List<StoryState>();
        var buckets = new HashSet<int>();
        EventDate around;
        int widen;
        if (node.Date is { } date) { around = date; widen = 1; }
        else if (node.ActorKeys.Length == 0 || node.Mention.Published is null)
            return result; // neither date nor actors, or an undated mention of unknown publication: too weak
        else { around = new EventDate(node.Mention.Published.Value, node.Mention.Published.Value, DateGranularity.Day, ""); widen = options.NearbyDays; }
        for (var d = around.First.AddDays(-widen); d <= around.Last.AddDays(widen); d = d.AddDays(1)) buckets.Add(DayBucket(d));
        foreach (int m in around.Months(widen)) buckets.Add(MonthBucket(m));
        buckets.Add(Undated);
        IEnumerable<string> actors = node.ActorKeys.Length > 0 ? node.ActorKeys : [AnyActor];
        foreach (var actor in actors)
            foreach (int b in buckets)
            {
                if (!index.TryGetValue(new IndexKey(node.Group, actor, b), out var list)) continue;
                int start = b == Undated ? Math.Max(0, list.Count - options.UndatedCandidates) : 0;
                for (int i = start; i < list.Count; i++)
                    if (found.Add(list[i])) result.Add(list[i]);
            }
        result.Sort((a, b) => a.Order.CompareTo(b.Order));
        return result;
    }

    // ---- scoring -------------------------------------------------------------------------------------------------

    private readonly record struct Assessment(double Score, bool Rejected, List<LinkReason>? Reasons);

    private Assessment Assess(Node node, StoryState story, bool explain)
    {
        var reasons = explain ? new List<LinkReason>() : null;
        double score = 0;
        var e = node.Mention.Event;

        // same document: the extractor merges mentions of one event within a document; only an exact repeat joins
        foreach (var other in story.Nodes)
        {
            if (other.Mention.Document != node.Mention.Document) continue;
            if (Identical(node, other))
            {
                Add(reasons, "same-document", 0, () => $"The same document already reports this exact event ({other.Mention.Key}); the repeat joins it.");
                continue;
            }
            Add(reasons, "same-document", Veto, () =>
                $"Story {story.Story.Id} already holds {other.Mention.Key} from the same document, a different event: within one document the extractor has already merged mentions of one event.");
            return new Assessment(0, true, reasons);
        }

        // type and mode: the best match over the members
        var match = TypeMatch.Incompatible;
        Node? matchedWith = null;
        foreach (var other in story.Nodes)
        {
            var m = families.Match(e.Type, e.Mode, other.Mention.Event.Type, other.Mention.Event.Mode);
            if (m > match) { match = m; matchedWith = other; }
        }
        string what = Describe(e.Type, e.Mode);
        switch (match)
        {
            case TypeMatch.Same:
                score += Add(reasons, "type", options.SameTypeAndMode, () => $"Same event type and mode ({what}).");
                break;
            case TypeMatch.Family:
                score += Add(reasons, "type", options.SameFamily, () =>
                    $"{what} and {Describe(matchedWith!.Mention.Event.Type, matchedWith.Mention.Event.Mode)} are compatible ways of reporting one event (event-families.tsv).");
                break;
            case TypeMatch.ModeMissing:
                score += Add(reasons, "type", options.ModeMissing, () =>
                    $"Same type {e.Type}; one report does not say how ({Describe(e.Type, e.Mode)} vs {Describe(matchedWith!.Mention.Event.Type, matchedWith.Mention.Event.Mode)}).");
                break;
            default:
                Add(reasons, "type", Veto, () => $"{what} cannot be the same event as story {story.Story.Id} ({story.Story.Type}).");
                return new Assessment(0, true, reasons);
        }

        // actors
        if (node.ActorKeys.Length == 0 || story.ActorKeys.Count == 0)
            Add(reasons, "actors", 0, () => "Actors unknown on one side: neither for nor against.");
        else
        {
            int shared = 0;
            foreach (var k in node.ActorKeys) if (story.ActorKeys.Contains(k)) shared++;
            string Mine() => string.Join(", ", node.ActorKeys);
            string Theirs() => string.Join(", ", story.ActorKeys);
            if (shared == 0)
            {
                Add(reasons, "actors", Veto, () => $"No actor in common ({Mine()} vs {Theirs()}).");
                return new Assessment(0, true, reasons);
            }
            // a person known only by name ("Ahmed Attaf") may act for the state the other side names by code: such an
            // unmatched name counts neither for nor against; an unmatched code or organisation does
            int mineExtra = 0, mineNamedExtra = 0, theirsExtra = 0, theirsNamedExtra = 0;
            foreach (var k in node.ActorKeys)
                if (!story.ActorKeys.Contains(k)) { mineExtra++; if (node.NamedKeys.Contains(k)) mineNamedExtra++; }
            foreach (var k in story.ActorKeys)
                if (!node.ActorKeys.Contains(k)) { theirsExtra++; if (story.NamedKeys.Contains(k)) theirsNamedExtra++; }
            int excused = mineNamedExtra + theirsNamedExtra;
            int mineLeft = mineExtra - mineNamedExtra, theirsLeft = theirsExtra - theirsNamedExtra;
            string named = excused > 0 ? " (a person named without a country may act for the other side's state)" : "";
            if (mineLeft == 0 && theirsLeft == 0)
                score += excused > 0
                    ? Add(reasons, "actors", options.ActorSubset, () => $"Same coded actors, and a person named without a country on one side ({Mine()} vs {Theirs()}){named}.")
                    : Add(reasons, "actors", options.SameActors, () => $"Same actors ({Mine()}).");
            else if (mineLeft == 0 || theirsLeft == 0)
                score += Add(reasons, "actors", options.ActorSubset, () => $"The actors of one report include the other's ({Mine()} vs {Theirs()}){named}.");
            else if (shared >= 2)
                score += Add(reasons, "actors", options.ActorOverlap, () => $"{shared} actors in common, others differ ({Mine()} vs {Theirs()}).");
            else
            {
                Add(reasons, "actors", Veto, () => $"Different pairs of actors sharing only one party ({Mine()} vs {Theirs()}).");
                return new Assessment(0, true, reasons);
            }
            if (Reversed(node.SourceKeys, node.TargetKeys, story.SourceKeys, story.TargetKeys))
            {
                Add(reasons, "roles", Veto, () =>
                    $"Roles reversed: source {string.Join(", ", node.SourceKeys)} here is the target there (a retaliation, not the same act).");
                return new Assessment(0, true, reasons);
            }
        }

        // date
        var dateScore = ScoreDate(node, story, reasons);
        if (dateScore is null) return new Assessment(0, true, reasons);
        score += dateScore.Value;

        // place
        if (node.Place is null || story.Places.Count == 0)
            Add(reasons, "place", 0, () => "Place unknown on one side: neither for nor against.");
        else if (story.Places.Contains(node.Place))
            score += Add(reasons, "place", options.SamePlace, () => $"Same place ({e.Location!.Name}).");
        else
        {
            string? country = e.Location!.Country;
            string others = string.Join(", ", story.PlaceNames);
            if (families.PlaceBound(e.Type) || families.PlaceBound(story.Story.Type))
            {
                Add(reasons, "place", Veto, () =>
                    $"{e.Type} in {e.Location.Name} and in {others}: in two places these are two events (event-families.tsv).");
                return new Assessment(0, true, reasons);
            }
            if (country is not null && story.Countries.Contains(country))
                score += Add(reasons, "place", options.OtherVenueSameCountry, () =>
                    $"Another place in the same country ({e.Location.Name} vs {others}, {country}): kept as a conflict if linked.");
            else if (country is null || story.Countries.Count == 0)
                score += Add(reasons, "place", options.OtherPlaceUnknownCountry, () => $"Different place names ({e.Location.Name} vs {others}), countries unknown.");
            else
                score += Add(reasons, "place", options.OtherCountry, () =>
                    $"Different countries ({e.Location.Name}, {country} vs {others}, {string.Join(", ", story.Countries)}).");
        }

        // status
        var status = story.Story.Status;
        if ((e.Status == EventStatus.Negated) != (status == EventStatus.Negated))
            score += Add(reasons, "status", options.NegatedVersusAsserted, () => $"One report says it did not happen ({Lower(e.Status)} vs {Lower(status)}).");
        else if (e.Status == status)
            score += Add(reasons, "status", options.SameStatus, () => $"Same status ({Lower(status)}).");
        else
            Add(reasons, "status", 0, () => $"Statuses differ but do not clash ({Lower(e.Status)} vs {Lower(status)}): an announced event happens later.");

        return new Assessment(score, false, reasons);
    }

    private double? ScoreDate(Node node, StoryState story, List<LinkReason>? reasons)
    {
        if (node.Date is { } date && story.Dates.Count > 0)
        {
            double best = double.NegativeInfinity;
            Func<string>? explanation = null;
            foreach (var claim in story.Dates)
            {
                var (s, why) = CompareDates(date, claim, node, story);
                if (explanation is null || s > best) { best = s; explanation = why; }
            }
            if (double.IsNegativeInfinity(best))
            {
                Add(reasons, "date", Veto, explanation!);
                return null;
            }
            Add(reasons, "date", best, explanation!);
            return best;
        }
        // one side or both undated: when were they reported?
        DateOnly? published = node.Mention.Published;
        if (node.Date is { } dated)
        {
            // the story is undated: is the dated mention near any member's publication?
            foreach (var other in story.Nodes)
                if (other.Mention.Published is { } p && Near(p, dated))
                    return Add(reasons, "date", options.ReportedNearby, () =>
                        $"Undated story, reported on {Day(p)}, within {options.NearbyDays} days of this mention's date {dated.Value}.");
            return Add(reasons, "date", options.ReportedFarAway, () => $"Undated story, not reported within {options.NearbyDays} days of {dated.Value}.");
        }
        if (published is null)
        {
            Add(reasons, "date", 0, () => "No date and no publication date: neither for nor against.");
            return 0;
        }
        foreach (var claim in story.Dates)
            if (Near(published.Value, claim))
                return Add(reasons, "date", options.ReportedNearby, () =>
                    $"This report gives no date but was published on {Day(published.Value)}, within {options.NearbyDays} days of the story's date {claim.Value}.");
        if (story.Dates.Count == 0)
            foreach (var other in story.Nodes)
                if (other.Mention.Published is { } p && Math.Abs(p.DayNumber - published.Value.DayNumber) <= options.NearbyDays / 2)
                    return Add(reasons, "date", options.ReportedNearby, () =>
                        $"Neither side is dated; both were published within {options.NearbyDays / 2} days ({Day(published.Value)}, {Day(p)}).");
        return Add(reasons, "date", options.ReportedFarAway, () =>
            $"This report gives no date and was published on {Day(published.Value)}, far from the story's reports.");
    }

    private bool Near(DateOnly published, EventDate date) =>
        published.DayNumber >= date.First.DayNumber - options.NearbyDays && published.DayNumber <= date.Last.DayNumber + options.NearbyDays;

    private (double Score, Func<string> Why) CompareDates(EventDate mine, EventDate claim, Node node, StoryState story)
    {
        if (mine.Value == claim.Value)
            return mine.Granularity == DateGranularity.Day
                ? (options.SameDay, () => $"Same day ({mine.Value}).")
                : (options.SameCoarseDate, () => $"Same {Lower(mine.Granularity)} ({mine.Value}), no day given.");
        if (mine.Within(claim) || claim.Within(mine))
        {
            var (fine, coarse) = mine.Within(claim) ? (mine, claim) : (claim, mine);
            return (options.NestedDate, () => $"Compatible dates: {fine.Value} lies within {coarse.Value} ({Lower(coarse.Granularity)} precision).");
        }
        int gap = mine.Gap(claim);
        if (gap == 0)
            return (options.OverlappingDate, () => $"Overlapping periods ({mine.Value}, {claim.Value}).");
        if (gap == 1 && mine.Granularity == DateGranularity.Day && claim.Granularity == DateGranularity.Day)
        {
            // one outlet reporting the next day may place the event a day off (late-night talks, time zones)
            foreach (var other in story.Nodes)
                if (other.Date?.Value == claim.Value && other.Mention.Published is { } p && node.Mention.Published is { } q && p != q)
                    return (options.NextDayReport, () => $"Dates one day apart ({mine.Value}, {claim.Value}) in reports published on different days: kept as a date conflict.");
            return (double.NegativeInfinity, () => $"Dates one day apart ({mine.Value}, {claim.Value}) in reports of the same day: two events.");
        }
        return (double.NegativeInfinity, () => $"Dates {mine.Value} and {claim.Value} are {gap} days apart: not the same event.");
    }

    private static bool Reversed(string[] sources, string[] targets, HashSet<string> storySources, HashSet<string> storyTargets)
    {
        if (sources.Length == 0 || targets.Length == 0 || storySources.Count == 0 || storyTargets.Count == 0) return false;
        bool sourceIsTheirTarget = false, sourceIsTheirSource = false;
        foreach (var s in sources)
        {
            if (storyTargets.Contains(s)) sourceIsTheirTarget = true;
            if (storySources.Contains(s)) sourceIsTheirSource = true;
        }
        return sourceIsTheirTarget && !sourceIsTheirSource;
    }

    private static bool Identical(Node a, Node b)
    {
        var x = a.Mention.Event;
        var y = b.Mention.Event;
        return x.Type == y.Type && x.Mode == y.Mode && x.Date == y.Date && a.Place == b.Place
            && a.ActorKeys.Length == b.ActorKeys.Length && a.ActorKeys.All(b.ActorKeys.Contains);
    }

    // explanations are written only for the decision kept (reasons is null while candidates are screened)
    private static double Add(List<LinkReason>? reasons, string feature, double weight, Func<string> explanation)
    {
        reasons?.Add(new LinkReason(feature, weight, explanation()));
        return weight;
    }

    private static string Describe(string type, string? mode) => mode is null ? type : $"{type} ({mode})";
    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    // ---- agreed fields and conflicts ------------------------------------------------------------------------------

    private static void Refresh(StoryState state)
    {
        var story = state.Story;
        story.Members.Clear();
        story.Actors.Clear();
        story.Conflicts.Clear();
        state.ActorKeys.Clear();
        state.SourceKeys.Clear();
        state.TargetKeys.Clear();
        state.NamedKeys.Clear();
        state.Dates.Clear();
        state.Places.Clear();
        state.PlaceNames.Clear();
        state.Countries.Clear();

        var dateClaims = new List<(EventDate Date, List<string> Mentions)>();
        var placeClaims = new List<(string Key, string Name, string? Country, List<string> Mentions)>();
        var statusClaims = new List<(EventStatus Status, List<string> Mentions)>();
        var countriesOnly = new HashSet<string>(StringComparer.Ordinal); // reports that give a country and no place name
        foreach (var node in state.Nodes)
        {
            var e = node.Mention.Event;
            story.Members.Add(node.Mention.Key);
            foreach (var a in e.Actors.Concat(e.Source).Concat(e.Target))
            {
                string? shown = a.Code is { Length: > 0 } ? a.Code.ToUpperInvariant() : a.Name;
                if (shown is not null && !story.Actors.Contains(shown)) story.Actors.Add(shown);
            }
            foreach (var k in node.ActorKeys) state.ActorKeys.Add(k);
            foreach (var k in node.SourceKeys) state.SourceKeys.Add(k);
            foreach (var k in node.TargetKeys) state.TargetKeys.Add(k);
            foreach (var k in node.NamedKeys) state.NamedKeys.Add(k);
            if (node.Date is { } d)
            {
                int i = dateClaims.FindIndex(c => c.Date.Value == d.Value);
                if (i < 0) { dateClaims.Add((d, [node.Mention.Key])); state.Dates.Add(d); }
                else dateClaims[i].Mentions.Add(node.Mention.Key);
            }
            if (node.Place is not null)
            {
                int i = placeClaims.FindIndex(c => c.Key == node.Place);
                if (i < 0) placeClaims.Add((node.Place, e.Location!.Name!, e.Location.Country, [node.Mention.Key]));
                else placeClaims[i].Mentions.Add(node.Mention.Key);
                if (state.Places.Add(node.Place)) state.PlaceNames.Add(e.Location!.Name!);
                if (e.Location!.Country is { } c) state.Countries.Add(c);
            }
            else if (e.Location?.Country is { } country) countriesOnly.Add(country);
            int s = statusClaims.FindIndex(c => c.Status == e.Status);
            if (s < 0) statusClaims.Add((e.Status, [node.Mention.Key]));
            else statusClaims[s].Mentions.Add(node.Mention.Key);
        }

        // date: the finest value nested with the most claims (then the most reported, then the earliest)
        story.Date = null;
        if (dateClaims.Count > 0)
        {
            (EventDate Date, int Support, int Count)? agreed = null;
            foreach (var (date, mentions) in dateClaims)
            {
                int support = 0;
                foreach (var (other, otherMentions) in dateClaims)
                    if (date.Within(other) || other.Within(date)) support += otherMentions.Count;
                if (agreed is not { } a || support > a.Support
                    || support == a.Support && (date.Granularity < a.Date.Granularity
                        || date.Granularity == a.Date.Granularity && (mentions.Count > a.Count || mentions.Count == a.Count && date.First < a.Date.First)))
                    agreed = (date, support, mentions.Count);
            }
            story.Date = agreed!.Value.Date.Value;
            var chosen = agreed.Value.Date;
            if (dateClaims.Exists(c => !(c.Date.Within(chosen) || chosen.Within(c.Date))))
                story.Conflicts.Add(new Conflict("date", [.. dateClaims.Select(c => new Claim(c.Date.Value, c.Mentions))]));
        }

        // place: agreed only when every report names the same one
        story.Location = null;
        story.LocationCountry = null;
        if (placeClaims.Count == 1)
        {
            story.Location = placeClaims[0].Name;
            story.LocationCountry = placeClaims[0].Country;
        }
        else if (placeClaims.Count == 0 && countriesOnly.Count == 1)
            story.LocationCountry = countriesOnly.First();
        else if (placeClaims.Count > 1)
        {
            story.Conflicts.Add(new Conflict("location", [.. placeClaims.Select(c => new Claim(c.Country is null ? c.Name : $"{c.Name} ({c.Country})", c.Mentions))]));
            if (state.Countries.Count == 1) story.LocationCountry = state.Countries.First();
        }

        // status: the majority (first reported on a tie); asserted against negated is a conflict
        var majority = statusClaims[0];
        foreach (var c in statusClaims) if (c.Mentions.Count > majority.Mentions.Count) majority = c;
        story.Status = majority.Status;
        if (statusClaims.Exists(c => c.Status == EventStatus.Negated) && statusClaims.Exists(c => c.Status != EventStatus.Negated))
            story.Conflicts.Add(new Conflict("status", [.. statusClaims.Select(c => new Claim(c.Status.ToString().ToLowerInvariant(), c.Mentions))]));
    }
}
