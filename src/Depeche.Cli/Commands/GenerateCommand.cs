using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Depeche.French;

namespace Depeche.Cli.Commands;

/// <summary>
/// <c>depeche generate --count N --out DIR [--seed S]</c>: synthetic French dispatches (about 2 KB each) for scale
/// tests, written as JSONL dumps of 10,000 lines (<c>{"url","published","title","text"}</c>) that <c>ingest</c> reads.
/// Deterministic for a seed. Exit codes: 0; 2 usage error.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var count = new Option<int>("--count", "-n") { Description = "Number of dispatches.", DefaultValueFactory = _ => 1000 };
        var output = new Option<string>("--out", "-o") { Description = "Directory to write dispatches-NNNN.jsonl into (created if missing).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same corpus.", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Write synthetic French dispatches (about 2 KB each, varied actors, places and dates from the gazetteers) for scale tests (exit 0; 2 usage error).")
        {
            count, output, seed,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(count);
            if (n < 1) { stderr.WriteLine("depeche generate: --count must be at least 1."); return 2; }
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var generator = new DispatchGenerator(parse.GetValue(seed));
            long bytes = 0;
            var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            for (int shard = 0; shard * DispatchGenerator.PerFile < n; shard++)
            {
                using var file = new FileStream(Path.Combine(dir, $"dispatches-{shard + 1:D4}.jsonl"), FileMode.Create);
                for (int i = shard * DispatchGenerator.PerFile; i < Math.Min(n, (shard + 1) * DispatchGenerator.PerFile); i++)
                {
                    var d = generator.Next(i);
                    bytes += Encoding.UTF8.GetByteCount(d.Text);
                    using (var w = new Utf8JsonWriter(file, options))
                    {
                        w.WriteStartObject();
                        w.WriteString("url", d.Url);
                        w.WriteString("published", d.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        w.WriteString("title", d.Title);
                        w.WriteString("text", d.Text);
                        w.WriteEndObject();
                    }
                    file.WriteByte((byte)'\n');
                }
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"depeche generate: {n} dispatches, {bytes / (double)n:0} bytes of text each on average, in {dir}"));
            return 0;
        });
        return command;
    }
}

/// <summary>
/// Writes plausible wire dispatches from templates written for Dépêche and the gazetteers (countries, cities, office
/// holders): a meeting, a sanction, a protest, an agreement or a threat between two states, reported with a dateline,
/// a relative or explicit date, a quotation and background paragraphs. Deterministic per seed and index, so a corpus
/// can be regenerated piecewise. Not thread-safe.
/// </summary>
internal sealed class DispatchGenerator(int seed)
{
    public const int PerFile = 10_000;

    public sealed record Dispatch(string Url, DateOnly Published, string Title, string Text);

    private sealed record Country(string Code, string Name, string Capital);
    private sealed record Person(string Name, string Country, string Office);

    private static readonly Lazy<(Country[] Countries, Person[] People)> gazetteers = new(Load);

    private static (Country[], Person[]) Load()
    {
        var assembly = typeof(FrenchPipeline).Assembly;
        IEnumerable<string[]> Rows(string name)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded"));
            while (reader.ReadLine() is { } line)
                if (line.Length > 0 && line[0] != '#') yield return line.Split('\t');
        }
        var capitals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in Rows("cities.tsv")) if (c.Length > 5 && c[5] == "1") capitals.TryAdd(c[2], c[0]);
        var people = Rows("office-holders.tsv").Where(p => p.Length > 5 && p[5].Length == 0 && p[3] is "president" or "prime-minister" or "foreign-minister" or "chancellor")
            .Select(p => new Person(p[0], p[2], p[3])).ToArray();
        var countries = Rows("countries.tsv").Where(c => c.Length > 7 && c[7] == "1" && capitals.ContainsKey(c[0]))
            .Select(c => new Country(c[0], c[2], capitals[c[0]])).ToArray();
        return (countries, people);
    }

    private static readonly string[] frequent = ["RUS", "USA", "CHN", "FRA", "DEU", "GBR", "UKR", "TUR", "IRN", "ISR", "IND", "JPN"];
    private static readonly string[] outlets = ["AFP", "Reuters", "AP", "Belga", "ATS"];
    private static readonly string[] weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
    private static readonly string[] months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    private static readonly string[] offices = ["le ministère des Affaires étrangères", "la présidence", "le gouvernement", "la diplomatie"];

    // {A} {B}: the two countries' names; {a}: A's adjective use ("de la Russie"); {P}: a place; {D}: the date phrase
    private static readonly (string Title, string Lead)[] stories =
    [
        ("{A} et {B} ouvrent des pourparlers à {P}", "Des délégations de {A} et de {B} se sont réunies {D} à {P} pour des pourparlers sur la reprise de leurs relations diplomatiques, ont annoncé les deux gouvernements."),
        ("Rencontre entre {A} et {B} à {P}", "Les chefs de la diplomatie de {A} et de {B} se sont rencontrés {D} à {P}, une première depuis plusieurs mois, selon un communiqué commun."),
        ("{A} sanctionne {B}", "{A} a annoncé {D} de nouvelles sanctions contre {B}, visant des banques et des responsables accusés de contourner les restrictions commerciales."),
        ("{A} et {B} signent un accord", "{A} et {B} ont signé {D} à {P} un accord de coopération portant sur l'énergie et les transports, a indiqué {O}."),
        ("{A} menace {B} de représailles", "{A} a menacé {D} {B} de représailles si ses navires continuaient à pénétrer dans ses eaux territoriales, a déclaré {O}."),
        ("{A} expulse des diplomates de {B}", "{A} a expulsé {D} quatre diplomates de {B}, accusés d'activités incompatibles avec leur statut, a fait savoir {O}."),
        ("{A} condamne les frappes de {B}", "{A} a condamné {D} les frappes menées par {B} près de la frontière, qualifiant l'opération de violation de sa souveraineté."),
        ("{A} envoie une aide humanitaire à {B}", "{A} a envoyé {D} une aide humanitaire à {B}, frappé par des inondations, avec des tentes, des médicaments et des vivres."),
    ];

    private static readonly string[] background =
    [
        "Les relations entre les deux pays se sont nettement dégradées ces dernières années, sur fond de différends commerciaux et de tensions régionales.",
        "Plusieurs observateurs jugent toutefois prématuré de parler d'un réchauffement durable, tant les positions restent éloignées sur les dossiers les plus sensibles.",
        "La question des visas et celle du personnel des ambassades figuraient également à l'ordre du jour, selon une source diplomatique.",
        "Les marchés ont accueilli la nouvelle avec prudence, la monnaie nationale restant stable en fin de séance.",
        "L'opposition a dénoncé une décision prise sans consultation du Parlement et réclamé un débat dans les prochaines semaines.",
        "Des organisations non gouvernementales ont appelé les deux parties à placer la protection des civils au centre des discussions.",
        "Le dernier entretien de ce niveau remontait à l'automne, lors d'un sommet régional qui n'avait débouché sur aucun engagement concret.",
        "Les experts rappellent que les échanges commerciaux entre les deux pays ont reculé de près d'un tiers en deux ans.",
        "Aucune date n'a été fixée pour une nouvelle session, mais les deux délégations ont convenu de rester en contact.",
        "La presse locale évoquait depuis plusieurs jours la possibilité d'une annonce, sans en préciser le contenu.",
        "Le porte-parole a refusé de commenter les informations selon lesquelles d'autres rencontres auraient eu lieu en secret.",
        "Dans la capitale, quelques centaines de personnes se sont rassemblées dans le calme pour suivre les déclarations officielles.",
        "Les diplomates soulignent que le calendrier reste incertain et que chaque étape devra être validée au plus haut niveau.",
        "Cette initiative intervient alors que plusieurs médiateurs régionaux multiplient les contacts pour éviter une escalade.",
    ];

    private static readonly string[] quotes =
    [
        "Nous avons avancé sur plusieurs points, mais beaucoup reste à faire",
        "Cette décision était nécessaire et nous l'assumons pleinement",
        "Le dialogue reste la seule voie possible pour sortir de l'impasse",
        "Nous ne laisserons personne remettre en cause notre souveraineté",
        "Il s'agit d'un premier pas, modeste mais réel",
    ];

    private static readonly string[] speechVerbs = ["a déclaré", "a affirmé", "a souligné", "a assuré", "a estimé"];

    public Dispatch Next(int index)
    {
        // not HashCode.Combine: it is salted per process, and the corpus must be the same from one run to the next
        var rng = new Random(unchecked(seed * 1_000_003 + index));
        var (countries, people) = gazetteers.Value;
        // news is about a few states most of the time: half the parties come from a short list, so pairs recur
        Country Pick() => rng.Next(2) == 0 && countries.FirstOrDefault(c => c.Code == frequent[rng.Next(frequent.Length)]) is { } f ? f : countries[rng.Next(countries.Length)];
        var a = Pick();
        Country b;
        do b = Pick(); while (b.Code == a.Code);
        var published = new DateOnly(2024, 1, 1).AddDays(rng.Next(730));
        // the event happened the day before to a week before publication, said by weekday or by date
        var happened = published.AddDays(-rng.Next(1, 7));
        string datePhrase = rng.Next(2) == 0
            ? weekdays[((int)happened.DayOfWeek + 6) % 7]
            : $"le {(happened.Day == 1 ? "1er" : happened.Day.ToString(CultureInfo.InvariantCulture))} {months[happened.Month - 1]}";
        var place = rng.Next(3) == 0 ? b.Capital : rng.Next(2) == 0 ? a.Capital : countries[rng.Next(countries.Length)].Capital;
        var (title, lead) = stories[rng.Next(stories.Length)];
        string Fill(string s) => s.Replace("{A}", Article(a.Name)).Replace("{B}", Article(b.Name)).Replace("{P}", place).Replace("{D}", datePhrase)
            .Replace("{O}", offices[rng.Next(offices.Length)]).Replace("de le ", "du ").Replace("de les ", "des ").Replace("à le ", "au ").Replace("à les ", "aux ");
        var outlet = outlets[rng.Next(outlets.Length)];
        var speaker = people.Where(p => p.Country == a.Code).ToArray() is { Length: > 0 } own ? own[rng.Next(own.Length)].Name : null;
        var text = new StringBuilder(2300);
        text.Append(Capitalise(Fill(title))).Append("\n\n");
        text.Append(a.Capital.ToUpperInvariant()).Append(", ").Append(published.Day).Append(' ').Append(months[published.Month - 1]).Append(" (").Append(outlet).Append(") - ");
        text.Append(Capitalise(Fill(lead))).Append("\n\n");
        text.Append('«').Append('\u00A0').Append(quotes[rng.Next(quotes.Length)]).Append('\u00A0').Append('»').Append(", ").Append(speechVerbs[rng.Next(speechVerbs.Length)]).Append(' ');
        text.Append(speaker ?? "le porte-parole du gouvernement").Append(" devant la presse.\n\n");
        var used = new HashSet<int>();
        while (Encoding.UTF8.GetByteCount(text.ToString()) < 1980)
        {
            int k = rng.Next(background.Length);
            if (!used.Add(k) && used.Count < background.Length) continue;
            text.Append(background[k]).Append(rng.Next(3) == 0 ? "\n\n" : " ");
        }
        text.Append("\n\n(").Append(outlet).Append(")\n");
        var url = $"https://depeches.exemple/{published:yyyy/MM/dd}/{index:D7}";
        return new Dispatch(url, published, Capitalise(Fill(title)), text.ToString());
    }

    // country names take their article in running text: "la Russie", "les États-Unis", "Israël"
    private static string Article(string name)
    {
        if (name.EndsWith("s", StringComparison.Ordinal) && name is not "Maldives" and not "Bahamas") return "les " + name;
        if ("AEIOUÉÈÊIÎÏOÔUY".Contains(name[0], StringComparison.Ordinal)) return name is "Israël" or "Oman" ? name : "l'" + name;
        if (name is "Cuba" or "Malte" or "Chypre" or "Singapour" or "Monaco" or "Madagascar") return name;
        return (name.EndsWith('e') && name is not "Mexique" and not "Cambodge" and not "Mozambique" and not "Zimbabwe" and not "Belize" ? "la " : "le ") + name;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
