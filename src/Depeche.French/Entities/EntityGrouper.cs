using Depeche.Pipeline;

namespace Depeche.French.Entities;

/// <summary>
/// Groups the mentions of one document into entities (<see cref="Document.Entities"/>): forms of one gazetteer entry
/// ("OMS" and "Organisation mondiale de la santé"), identical names, a surname after the full name ("Donald Trump" ...
/// "Trump"), an acronym in brackets after its expansion or spelling its initials. The entity's name is its fullest form.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EntityGrouper : IStage
{
    [ThreadStatic] private static FoldedTokens? scratch;

    private readonly Gazetteer gazetteer;

    public EntityGrouper() : this(Gazetteer.Default) { }

    public EntityGrouper(Gazetteer gazetteer) => this.gazetteer = gazetteer;

    public Layers Requires => Layers.Entities;
    public Layers Adds => Layers.None;

    public void Process(Document document)
    {
        var mentions = document.Mentions;
        int n = mentions.Length;
        var keys = new string[n];
        var entries = new GazetteerEntry?[n];
        var words = new string[n][];
        var folded = scratch ??= new FoldedTokens();
        folded.Fill(document.Text, document.Tokens);
        for (int m = 0; m < n; m++)
        {
            int first = TokenAt(document.Tokens, mentions[m].Span.Start);
            int end = TokenAt(document.Tokens, mentions[m].Span.End - 1) + 1;
            var w = new string[end - first];
            for (int k = 0; k < w.Length; k++) w[k] = new string(folded[first + k]);
            words[m] = w;
            keys[m] = string.Join(' ', w);
            entries[m] = gazetteer.Find(folded, first, end);
        }

        var group = new int[n];
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int m = 0; m < n; m++)
        {
            var key = entries[m]?.Id ?? StripArticle(keys[m]);
            if (byKey.TryGetValue(key, out int g)) { group[m] = g; continue; }
            group[m] = m;
            byKey[key] = m;
        }

        // an unknown short form joins the nearest earlier (else any) longer name it ends or starts: "Trump", "Macron", "Séralini"
        var byFirst = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byLast = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byInitials = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int o = 0; o < n; o++)
        {
            if (group[o] != o || words[o].Length < 2) continue;
            Index(byFirst, words[o][0], o);
            Index(byLast, words[o][^1], o);
            if (Initials(words[o]) is { Length: >= 2 } initials) byInitials.TryAdd(initials, o);
        }
        for (int m = 0; m < n; m++)
        {
            if (entries[m] is not null || group[m] != m) continue;
            int best = -1;
            foreach (var candidates in (ReadOnlySpan<List<int>?>)[byLast.GetValueOrDefault(words[m][^1]), byFirst.GetValueOrDefault(words[m][0])])
            {
                if (candidates is null) continue;
                foreach (int o in candidates)
                {
                    if (o == m || words[o].Length <= words[m].Length) continue;
                    if (mentions[o].Type != EntityType.PER && mentions[m].Type == EntityType.PER) continue;
                    if (!EndsOrStarts(words[o], words[m], mentions[o].Type)) continue;
                    if (best < 0 || (o < m && (best > m || o > best))) best = o;
                }
            }
            if (best >= 0) Merge(group, m, best);
        }

        // "Organisation mondiale de la santé (OMS)" and acronyms spelling an earlier name's initials
        for (int m = 0; m < n; m++)
        {
            var text = document[mentions[m].Span];
            if (!EntityRecognizer.IsAllCaps(text) || text.Length < 2 || entries[m] is not null) continue;
            int target = -1;
            if (m > 0 && BracketedAfter(document.Text, mentions[m - 1].Span.End, mentions[m].Span.Start)) target = m - 1;
            else if (byInitials.TryGetValue(keys[m], out int o) && o != m) target = o;
            if (target >= 0 && Root(group, target) != Root(group, m)) Merge(group, m, target);
        }

        // an unknown acronym that spells no name of the document ("OGM", "JT") is jargon, not an entity
        var drop = new bool[n];
        var linked = new HashSet<int>();
        for (int m = 0; m < n; m++) if (entries[m] is not null || !IsBareAcronym(document, mentions[m])) linked.Add(Root(group, m));
        for (int m = 0; m < n; m++) drop[m] = !linked.Contains(Root(group, m));

        // build the entities in order of first mention
        var order = new Dictionary<int, int>();
        var members = new List<List<int>>();
        var keep = new List<int>();
        for (int m = 0; m < n; m++)
        {
            if (drop[m]) continue;
            keep.Add(m);
            int root = Root(group, m);
            if (!order.TryGetValue(root, out int e)) { order[root] = e = members.Count; members.Add([]); }
            members[e].Add(m);
        }
        var newMentions = new EntityMention[n];
        var index = new int[n];
        for (int k = 0; k < keep.Count; k++) index[keep[k]] = k;
        var entities = new Entity[members.Count];
        for (int e = 0; e < members.Count; e++)
        {
            var list = members[e];
            int fullest = list[0];
            EntityType? known = null;
            int per = 0;
            foreach (int m in list)
            {
                if (mentions[m].Span.Length > mentions[fullest].Span.Length) fullest = m;
                known ??= entries[m]?.Type;
                if (mentions[m].Type == EntityType.PER && words[m].Length >= 2) per++;
            }
            // without a gazetteer type, a full personal name decides; else the type most mentions were given
            var votes = new int[3];
            foreach (int m in list) votes[(int)mentions[m].Type]++;
            var majority = mentions[fullest].Type;
            for (int t = 0; t < 3; t++) if (votes[t] > votes[(int)majority]) majority = (EntityType)t;
            var type = known ?? (per > 0 ? EntityType.PER : majority);
            foreach (int m in list) newMentions[m] = mentions[m] with { Type = type, Entity = e };
            for (int k = 0; k < list.Count; k++) list[k] = index[list[k]];
            entities[e] = new Entity
            {
                Id = "e" + (e + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = type,
                Name = document.Slice(mentions[fullest].Span),
                Mentions = list,
            };
        }
        var kept = new EntityMention[keep.Count];
        for (int k = 0; k < keep.Count; k++) kept[k] = newMentions[keep[k]];
        document.Mentions = kept;
        document.Entities = entities;
    }

    private static bool EndsOrStarts(string[] longer, string[] shorter, EntityType type)
    {
        bool tail = true, head = true;
        for (int k = 0; k < shorter.Length; k++)
        {
            tail &= longer[longer.Length - shorter.Length + k] == shorter[k];
            head &= longer[k] == shorter[k];
        }
        // a person is named by the surname, an organisation by its first words ("Haute Autorité")
        return type == EntityType.PER ? tail : head || tail;
    }

    private static bool IsBareAcronym(Document document, EntityMention mention)
    {
        var text = document[mention.Span];
        // "TF1", "M23", "G20" carry a digit: names, not jargon
        return text.Length >= 2 && EntityRecognizer.IsAllCaps(text) && text.IndexOf(' ') < 0 && !text.ContainsAnyInRange('0', '9');
    }

    private static bool BracketedAfter(string text, int end, int start)
    {
        int k = end;
        while (k < start && char.IsWhiteSpace(text[k])) k++;
        if (k >= start || text[k] != '(') return false;
        k++;
        while (k < start && char.IsWhiteSpace(text[k])) k++;
        return k == start;
    }

    // "HATVP" spells "Haute Autorité pour la transparence de la vie publique" without its function words (folded, lower case)
    private string? Initials(string[] words)
    {
        if (words.Length > MaxInitials) return null;
        Span<char> buffer = stackalloc char[MaxInitials];
        int a = 0;
        foreach (var w in words)
            if (!gazetteer.FunctionWords.Contains(w) && w.Length > 0 && char.IsLetter(w[0])) buffer[a++] = w[0];
        return a >= 2 ? new string(buffer[..a]) : null;
    }

    // A name whose last (or first) word is shared by this many longer names is ambiguous: stop indexing it.
    private const int MaxCandidates = 64;
    // Acronyms longer than this spell no name.
    private const int MaxInitials = 16;

    private static void Index(Dictionary<string, List<int>> index, string word, int o)
    {
        if (!index.TryGetValue(word, out var list)) index[word] = list = [];
        if (list.Count < MaxCandidates) list.Add(o);
    }

    private static string StripArticle(string key)
    {
        foreach (var a in (ReadOnlySpan<string>)["le ", "la ", "les ", "l' "])
            if (key.StartsWith(a, StringComparison.Ordinal) && key.Length > a.Length) return key[a.Length..];
        return key;
    }

    /// <summary>The token that contains or follows <paramref name="offset"/>, by binary search.</summary>
    internal static int TokenAt(Token[] tokens, int offset)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (tokens[mid].Span.Start <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private static int Root(int[] group, int m)
    {
        while (group[m] != m) m = group[m];
        return m;
    }

    private static void Merge(int[] group, int a, int b)
    {
        int ra = Root(group, a), rb = Root(group, b);
        if (ra == rb) return;
        if (ra < rb) group[rb] = ra; else group[ra] = rb;
    }
}
