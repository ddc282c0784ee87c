using System.Collections.Frozen;
using System.Globalization;
using Depeche.French.Normalization;
using Depeche.French.Resources;
using Depeche.French.Segmentation;

namespace Depeche.French.Entities;

/// <summary>What a gazetteer entry names.</summary>
public enum GazetteerKind : byte { Country, City, Region, Seat, Organisation, Agency, Person }

/// <summary>How the text must be written for a surface form to match.</summary>
public enum CasePolicy : byte
{
    /// <summary>Any case: entries written lower case in the data ("département d'État", "talibans").</summary>
    Any,
    /// <summary>The first word starts with a capital ("Turquie", "Le Monde").</summary>
    Capitalised,
    /// <summary>Every letter of the text is upper case, for acronyms ("PS", "UE"): "Un" is not "UN".</summary>
    AllCaps,
    /// <summary>Capitalised and right after an article or contraction: "au Caire", "du Monde", "le Parisien".</summary>
    AfterArticle,
}

/// <summary>One term of office: "president of RUS from 2012-05-07".</summary>
public sealed record OfficeTerm(string Body, string Office, DateOnly Start, DateOnly? End)
{
    /// <summary>True when the term covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => Start <= date && (End is not { } end || date < end);
}

/// <summary>A named thing the gazetteer knows: its canonical name, type, country and, for people, offices held.</summary>
public sealed class GazetteerEntry
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required EntityType Type { get; init; }
    public required GazetteerKind Kind { get; init; }
    /// <summary>ISO 3166-1 alpha-3 code of the state it belongs to or acts for; null for international bodies.</summary>
    public string? Country { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>Offices held (people only), in the order of the data file.</summary>
    public List<OfficeTerm> Terms { get; } = [];

    /// <summary>The office held on <paramref name="date"/>, or the latest one when the date is unknown.</summary>
    public OfficeTerm? TermOn(DateOnly? date)
    {
        if (Terms.Count == 0) return null;
        if (date is not { } d) return Terms[^1];
        foreach (var t in Terms) if (t.Covers(d)) return t;
        return null;
    }

    public override string ToString() => $"{Name} ({Kind}, {Country})";
}

/// <summary>A surface form of an entry and how it must be written to match.</summary>
public sealed record Surface(GazetteerEntry Entry, CasePolicy Case, bool Weak = false);

/// <summary>A demonym: the country it names and whether the form is plural ("Russes").</summary>
public sealed record Demonym(string Country, bool Plural);

/// <summary>A head noun of organisation or place names and how it may be written.</summary>
public sealed record NameHead(EntityType Type, HeadUse Lower);

/// <summary>What a lower-case head may introduce.</summary>
public enum HeadUse : byte
{
    /// <summary>Only as a capitalised word ("Conseil fédéral").</summary>
    CapitalisedOnly,
    /// <summary>Lower case right before a name ("parti Les Républicains", "lycée Jean Zay").</summary>
    Direct,
    /// <summary>Lower case with complements before the name ("tribunal de grande instance de Nanterre").</summary>
    Chain,
}

/// <summary>
/// The entity gazetteers and lexicons of <c>Data/</c> compiled into tries and frozen sets: countries (with demonyms),
/// cities, seats of power, organisations, press agencies, office holders, person titles, organisation heads,
/// capitalised non-names, common words and given names. Loaded once, lazily; immutable and thread-safe afterwards.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> instance = new(() => new Gazetteer());

    /// <summary>The gazetteer built from the embedded data files, on first use.</summary>
    public static Gazetteer Default => instance.Value;

    private readonly Tokenizer tokenizer = new();
    private readonly Dictionary<string, GazetteerEntry> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerEntry> byId = new(StringComparer.Ordinal);

    /// <summary>Names of entities, longest match first.</summary>
    public PhraseTrie<Surface> Names { get; } = new();
    /// <summary>Titles and functions that introduce a person, with a role ("-" for honorifics).</summary>
    public PhraseTrie<string> Titles { get; } = new();
    /// <summary>Head nouns of organisation and place names.</summary>
    public PhraseTrie<NameHead> Heads { get; } = new();
    /// <summary>Demonyms by folded form: nouns and adjectives, singular and plural.</summary>
    public FrozenDictionary<string, Demonym>.AlternateLookup<ReadOnlySpan<char>> Demonyms { get; }
    /// <summary>Capitalised words that are not names alone, folded.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NonNames { get; }
    /// <summary>Common lower-case French words, folded.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonWords { get; }
    /// <summary>Function words (determiners, prepositions, conjunctions...), folded.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWords { get; }
    /// <summary>Words after which "de X" names a place ("commune", "originaire", "près"), folded.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceCues { get; }
    /// <summary>Given names, folded.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstNames { get; }

    /// <summary>
    /// True when a lower-case word may start a name ("département d'État") or an organisation head ("ministère"):
    /// a bitmap on first letter and length screens out most words before one set lookup.
    /// </summary>
    public bool MayStartLowercase(ReadOnlySpan<char> folded)
    {
        if (folded.Length == 0) return false;
        int letter = folded[0] - 'a';
        if ((uint)letter >= 26u) return lowercaseStarts.Contains(folded);
        int length = Math.Min(folded.Length, 63);
        return (lowercaseShapes[letter] & (1UL << length)) != 0 && lowercaseStarts.Contains(folded);
    }

    private readonly ulong[] lowercaseShapes = new ulong[26];
    private FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lowercaseStarts;

    /// <summary>Counts for the documentation: countries, cities, seats, organisations (with agencies), office holders, terms.</summary>
    public IReadOnlyDictionary<string, int> Sizes => sizes;
    private readonly Dictionary<string, int> sizes = [];

    private readonly List<(IReadOnlyList<string>, CasePolicy)> lowercaseSurfaces = [];
    private FrozenDictionary<string, Demonym> demonymTable = FrozenDictionary<string, Demonym>.Empty;

    private Gazetteer()
    {
        LoadCountries();
        LoadOrganisations();
        LoadSeats();
        LoadPeople();
        LoadCities();
        LoadRegions();
        AddSurnames();
        Names.Freeze();
        LoadTitles();
        LoadHeads();
        Demonyms = demonymTable.GetAlternateLookup<ReadOnlySpan<char>>();
        var starts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (words, policy) in lowercaseSurfaces) if (policy == CasePolicy.Any) starts.Add(words[0]);
        foreach (var (_, c) in Lexicon.Read("organisation-heads.tsv", 3)) if (c[2] != "no") starts.Add(Words(c[0])[0]);
        foreach (var w in starts)
        {
            int letter = w[0] - 'a';
            if ((uint)letter < 26u) lowercaseShapes[letter] |= 1UL << Math.Min(w.Length, 63);
        }
        lowercaseStarts = starts.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        NonNames = LoadFolded("non-names.txt");
        CommonWords = LoadFolded("common-words.txt");
        FirstNames = LoadFolded("first-names.txt");
        FunctionWords = LoadFolded("function-words.txt");
        PlaceCues = LoadFolded("place-cues.txt");
    }

    /// <summary>The folded words of <paramref name="phrase"/>, tokenised like the text it is matched against.</summary>
    public IReadOnlyList<string> Words(string phrase)
    {
        var normal = TextNormalizer.Normalize(phrase).Text;
        var tokens = new List<Token>();
        tokenizer.Scan(normal, tokens);
        var words = new string[tokens.Count];
        for (int i = 0; i < words.Length; i++) words[i] = NameFolding.Fold(normal.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length));
        return words;
    }

    /// <summary>The lookup key of a phrase: its folded words joined by spaces.</summary>
    public string Key(string phrase) => string.Join(' ', Words(phrase));

    /// <summary>The entry named exactly <paramref name="name"/> (any surface form, case-insensitive), or null.</summary>
    public GazetteerEntry? Find(string name) => byName.GetValueOrDefault(Key(name));

    /// <summary>The entry named exactly by tokens <c>[first, end)</c> of a folded document, or null. Allocates nothing.</summary>
    public GazetteerEntry? Find(FoldedTokens words, int first, int end) => Names.Find(words, first, end) is { Count: > 0 } v ? v[0].Entry : null;

    /// <summary>Who held <paramref name="office"/> for <paramref name="body"/> on <paramref name="date"/> (the latest holder when the date is unknown), or null.</summary>
    public GazetteerEntry? Holder(string body, string office, DateOnly? date)
    {
        if (!holders.TryGetValue(body + "|" + office, out var list)) return null;
        GazetteerEntry? latest = null;
        DateOnly latestStart = DateOnly.MinValue;
        foreach (var person in list)
            foreach (var term in person.Terms)
            {
                if (term.Body != body || term.Office != office) continue;
                if (date is { } d ? term.Covers(d) : term.Start >= latestStart) { latest = person; latestStart = term.Start; if (date is not null) return person; }
            }
        return date is null ? latest : null;
    }

    private readonly Dictionary<string, List<GazetteerEntry>> holders = new(StringComparer.Ordinal);

    /// <summary>The entry with <paramref name="id"/>, or null.</summary>
    public GazetteerEntry? FindId(string id) => byId.GetValueOrDefault(id);

    /// <summary>The country (alpha-3) named by a country name or a demonym, or null.</summary>
    public string? FindCountry(string nameOrDemonym)
    {
        if (Find(nameOrDemonym) is { Kind: GazetteerKind.Country } e) return e.Country;
        var key = Key(nameOrDemonym);
        return demonymTable.TryGetValue(key, out var d) ? d.Country : null;
    }

    private void LoadCountries()
    {
        var demonyms = new Dictionary<string, (Demonym Value, bool Independent, double Area)>(StringComparer.Ordinal);
        int count = 0;
        foreach (var (line, c) in Lexicon.Read("countries.tsv", 11))
        {
            count++;
            var entry = new GazetteerEntry
            {
                Id = "country:" + c[0],
                Name = c[2],
                Type = EntityType.LOC,
                Kind = GazetteerKind.Country,
                Country = c[0],
                Latitude = Number(c[9], "countries.tsv", line),
                Longitude = Number(c[10], "countries.tsv", line),
            };
            AddEntry(entry, [c[2], c[3], .. Split(c[4])]);
            bool independent = c[7] == "1";
            double area = Number(c[8], "countries.tsv", line);
            foreach (var form in Split(c[5]).Concat(Split(c[6])))
            {
                foreach (var (surface, plural) in DemonymForms(form))
                {
                    var key = Key(surface);
                    // "Congolais" names both Congos: the independent, larger country wins
                    if (!demonyms.TryGetValue(key, out var old) || (!old.Independent && independent) || (old.Independent == independent && area > old.Area))
                        demonyms[key] = (new Demonym(c[0], plural), independent, area);
                }
            }
        }
        demonymTable = demonyms.ToFrozenDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
        sizes["countries"] = count;
        sizes["demonym forms"] = demonymTable.Count;
    }

    private static IEnumerable<(string, bool)> DemonymForms(string form)
    {
        yield return (form, false);
        // "Russe" → "Russes", "Américain" → "Américains"; "Français", "Suisse"... already end in s
        if (!form.EndsWith('s') && !form.EndsWith('x')) yield return (form + "s", true);
        else yield return (form, true);
        // "Nord-coréen" → "Nord-Coréen": the press capitalises both parts
        int dash = form.IndexOf('-');
        if (dash > 0 && dash + 1 < form.Length && char.IsLower(form[dash + 1]))
        {
            var both = string.Concat(form.AsSpan(0, dash + 1), char.ToUpperInvariant(form[dash + 1]).ToString(), form.AsSpan(dash + 2));
            yield return (both, false);
            if (!both.EndsWith('s')) yield return (both + "s", true);
        }
    }

    private void LoadOrganisations()
    {
        int count = 0;
        foreach (var (_, c) in Lexicon.Read("organisations.tsv", 1))
        {
            count++;
            var entry = new GazetteerEntry
            {
                Id = "org:" + c[0],
                Name = c[0],
                Type = EntityType.ORG,
                Kind = GazetteerKind.Organisation,
                Country = Column(c, 2) is { Length: 3 } iso ? iso : null,
            };
            AddEntry(entry, [c[0], .. Split(Column(c, 1))]);
        }
        foreach (var agency in FrenchLexicons.Agencies.Values.Distinct())
        {
            count++;
            var entry = new GazetteerEntry
            {
                Id = "org:" + agency.Name,
                Name = agency.Name,
                Type = EntityType.ORG,
                Kind = GazetteerKind.Agency,
                Country = agency.Country.Length == 3 ? agency.Country : null,
            };
            AddEntry(entry, agency.FullName == agency.Name ? [agency.Name] : [agency.Name, agency.FullName]);
        }
        sizes["organisations"] = count;
    }

    private void LoadSeats()
    {
        int count = 0;
        foreach (var (_, c) in Lexicon.Read("seats-of-power.tsv", 1))
        {
            count++;
            // "Palais-Bourbon" stands for the Assemblée nationale: one entity under both names
            if (Column(c, 3) is { Length: > 0 } standsFor && Find(standsFor) is { Kind: GazetteerKind.Organisation } institution)
            {
                AddEntry(institution, [c[0], .. Split(Column(c, 1))]);
                continue;
            }
            var entry = new GazetteerEntry
            {
                Id = "seat:" + c[0],
                Name = c[0],
                Type = EntityType.ORG,
                Kind = GazetteerKind.Seat,
                Country = Column(c, 2) is { Length: 3 } iso ? iso : null,
            };
            AddEntry(entry, [c[0], .. Split(Column(c, 1))]);
        }
        sizes["seats of power"] = count;
    }

    private void LoadPeople()
    {
        int people = 0, terms = 0;
        foreach (var (line, c) in Lexicon.Read("office-holders.tsv", 5))
        {
            var id = "person:" + c[0];
            if (!byId.TryGetValue(id, out var entry))
            {
                people++;
                entry = new GazetteerEntry
                {
                    Id = id,
                    Name = c[0],
                    Type = EntityType.PER,
                    Kind = GazetteerKind.Person,
                    Country = c[2].Length == 3 && c[2].All(char.IsUpper) ? c[2] : null,
                };
                AddEntry(entry, [c[0], .. Split(c[1])]);
            }
            else
            {
                foreach (var v in Split(c[1])) AddSurface(entry, v);
            }
            terms++;
            entry.Terms.Add(new OfficeTerm(c[2], c[3], Date(c[4], line), Column(c, 5) is { Length: > 0 } end ? Date(end, line) : null));
        }
        foreach (var person in byId.Values.Where(e => e.Kind == GazetteerKind.Person))
            foreach (var term in person.Terms)
            {
                var key = term.Body + "|" + term.Office;
                if (!holders.TryGetValue(key, out var list)) holders[key] = list = [];
                if (!list.Contains(person)) list.Add(person);
            }
        sizes["office holders"] = people;
        sizes["terms of office"] = terms;
    }

    private void LoadCities()
    {
        int count = 0;
        foreach (var (line, c) in Lexicon.Read("cities.tsv", 6))
        {
            count++;
            var entry = new GazetteerEntry
            {
                Id = "city:" + c[0] + ":" + c[2],
                Name = c[0],
                Type = EntityType.LOC,
                Kind = GazetteerKind.City,
                Country = c[2],
                Latitude = Number(c[3], "cities.tsv", line),
                Longitude = Number(c[4], "cities.tsv", line),
            };
            AddEntry(entry, [c[0], .. Split(c[1])]);
        }
        sizes["cities"] = count;
    }

    private void LoadRegions()
    {
        int count = 0;
        foreach (var (_, c) in Lexicon.Read("regions.tsv", 1))
        {
            count++;
            var entry = new GazetteerEntry
            {
                Id = "region:" + c[0],
                Name = c[0],
                Type = EntityType.LOC,
                Kind = GazetteerKind.Region,
                Country = Column(c, 2) is { Length: 3 } iso ? iso : null,
            };
            AddEntry(entry, [c[0], .. Split(Column(c, 1))]);
        }
        sizes["regions"] = count;
    }

    // "Poutine", "Trump": the surname of an office holder names him once the gazetteer knows no other meaning for it.
    private void AddSurnames()
    {
        foreach (var entry in byId.Values.Where(e => e.Kind == GazetteerKind.Person).ToList())
        {
            var words = entry.Name.Split(' ');
            var last = words[^1];
            if (words.Length < 2 || last.Length < 4 || last.All(c => c is 'I' or 'V' or 'X')) continue;
            var key = Key(last);
            if (byName.ContainsKey(key)) continue;
            byName[key] = entry;
            Names.Add(Words(last), new Surface(entry, CasePolicy.Capitalised, Weak: true));
        }
    }

    private void AddEntry(GazetteerEntry entry, IEnumerable<string> surfaces)
    {
        byId.TryAdd(entry.Id, entry);
        foreach (var s in surfaces.Distinct()) AddSurface(entry, s);
    }

    private void AddSurface(GazetteerEntry entry, string surface)
    {
        if (surface.Length == 0) return;
        foreach (var (form, policy) in Variants(surface))
        {
            var words = Words(form);
            if (words.Count == 0 || words.Count > PhraseTrie<Surface>.MaxDepth) continue;
            var key = string.Join(' ', words);
            byName.TryAdd(key, entry);
            var existing = Names.Find(words);
            if (existing is not null && existing.Any(s => s.Entry == entry)) continue;
            Names.Add(words, new Surface(entry, policy));
            if (policy == CasePolicy.Any) lowercaseSurfaces.Add((words, policy));
        }
    }

    // Variants are generated, not typed twice: the case policy follows how the data writes the form,
    // "Le Caire" also matches "au Caire", "Maison-Blanche" also "Maison Blanche".
    private static IEnumerable<(string, CasePolicy)> Variants(string surface)
    {
        var policy = IsAcronym(surface) ? CasePolicy.AllCaps : char.IsLower(surface[0]) ? CasePolicy.Any : CasePolicy.Capitalised;
        yield return (surface, policy);
        foreach (var article in Articles)
        {
            if (surface.Length > article.Length + 1 && surface.StartsWith(article, StringComparison.Ordinal) && char.IsUpper(surface[article.Length]))
                yield return (surface[article.Length..], CasePolicy.AfterArticle);
        }
        if (policy != CasePolicy.AllCaps && surface.Contains('-'))
        {
            var parts = surface.Split('-');
            if (parts.All(p => p.Length > 1 && char.IsUpper(p[0]))) yield return (string.Join(' ', parts), policy);
        }
    }

    private static readonly string[] Articles = ["Le ", "La ", "Les ", "L'"];

    private static bool IsAcronym(string s)
    {
        int letters = 0;
        foreach (char c in s)
        {
            if (char.IsLetter(c)) { if (!char.IsUpper(c)) return false; letters++; }
            else if (!char.IsDigit(c) && c != '.' && c != '-') return false;
        }
        return letters >= 2 && s.Length <= 8;
    }

    private void LoadTitles()
    {
        foreach (var (_, c) in Lexicon.Read("person-titles.tsv", 2)) Titles.Add(Words(c[0]), c[1]);
        Titles.Freeze();
    }

    private void LoadHeads()
    {
        foreach (var (line, c) in Lexicon.Read("organisation-heads.tsv", 3))
        {
            var type = Enum.TryParse<EntityType>(c[1], out var t) ? t : throw new FormatException($"organisation-heads.tsv:{line}: type '{c[1]}'.");
            var use = c[2] switch
            {
                "chain" => HeadUse.Chain,
                "direct" => HeadUse.Direct,
                "no" => HeadUse.CapitalisedOnly,
                _ => throw new FormatException($"organisation-heads.tsv:{line}: lower-case use '{c[2]}' (chain, direct or no)."),
            };
            Heads.Add(Words(c[0]), new NameHead(type, use));
        }
        Heads.Freeze();
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LoadFolded(string name) =>
        Lexicon.ReadWords(name).Select(w => NameFolding.Fold(TextNormalizer.Normalize(w).Text)).ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static IEnumerable<string> Split(string? column) =>
        string.IsNullOrEmpty(column) ? [] : column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Column(string[] c, int i) => i < c.Length ? c[i] : null;

    private static double Number(string s, string file, int line) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"{file}:{line}: number '{s}'.");

    private static DateOnly Date(string s, int line) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new FormatException($"office-holders.tsv:{line}: date '{s}'.");
}
