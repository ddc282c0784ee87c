using System.CommandLine;
using System.Globalization;
using System.Text;
using Depeche.French;

namespace Depeche.Cli.Commands;

/// <summary>
/// <c>depeche eval hipe FILES</c>: runs the entity stages over HIPE-2022 French TSV files (historical newspapers, OCR)
/// and prints strict and fuzzy micro precision, recall and F1 per file on the coarse literal types pers, org and loc
/// (prod and time are ignored), as the HIPE scorer computes them: strict needs the same type and the same token
/// boundaries; fuzzy the same type and at least one shared token. Only the types a file annotates are scored
/// (letemps has no org: our org predictions are left out there, as a system run on that tagset would).
/// </summary>
internal static class EvalHipeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "HIPE-2022 TSV files (e.g. ../shared/peers/hipe-fr/*-dev-*.tsv). Test files are for measuring only: never tune on them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var errors = new Option<bool>("--errors") { Description = "Also print every missed and every extra entity (fuzzy) to stderr, for development files." };
        var command = new Command("hipe", "Score the named-entity recogniser on HIPE-2022 French TSV files (strict and fuzzy micro P/R/F1 per file).") { files, errors };
        command.SetAction(parse =>
        {
            var all = new HipeScore();
            var dev = new HipeScore();
            var test = new HipeScore();
            stdout.WriteLine($"{"file",-46} {"gold",5} {"pred",5}   strict P/R/F1           fuzzy P/R/F1");
            foreach (var file in parse.GetValue(files) ?? [])
            {
                if (!file.Exists) { stderr.WriteLine($"{file.FullName}: not found"); return 1; }
                var score = HipeEvaluation.ScoreFile(file.FullName, parse.GetValue(errors) ? stderr : null);
                stdout.WriteLine(score.Line(file.Name));
                all.Add(score);
                if (file.Name.Contains("-dev-", StringComparison.Ordinal)) dev.Add(score);
                if (file.Name.Contains("-test-", StringComparison.Ordinal)) test.Add(score);
            }
            if (dev.Gold > 0) stdout.WriteLine(dev.Line("dev files"));
            if (test.Gold > 0) stdout.WriteLine(test.Line("test files"));
            stdout.WriteLine(all.Line("all files"));
            return 0;
        });
        return command;
    }
}

/// <summary>Counts of one or more files: gold and predicted entities, strict and fuzzy matches.</summary>
internal sealed class HipeScore
{
    public int Gold, Predicted, StrictTp, FuzzyGoldTp, FuzzyPredTp;

    public void Add(HipeScore o)
    {
        Gold += o.Gold; Predicted += o.Predicted; StrictTp += o.StrictTp; FuzzyGoldTp += o.FuzzyGoldTp; FuzzyPredTp += o.FuzzyPredTp;
    }

    public (double P, double R, double F) Strict => Prf(StrictTp, Predicted, StrictTp, Gold);
    public (double P, double R, double F) Fuzzy => Prf(FuzzyPredTp, Predicted, FuzzyGoldTp, Gold);

    private static (double, double, double) Prf(int tpP, int pred, int tpG, int gold)
    {
        double p = pred == 0 ? 0 : (double)tpP / pred, r = gold == 0 ? 0 : (double)tpG / gold;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    public string Line(string name)
    {
        var (sp, sr, sf) = Strict;
        var (fp, fr, ff) = Fuzzy;
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-46} {Gold,5} {Predicted,5}   {sp:0.000} {sr:0.000} {sf:0.000}     {fp:0.000} {fr:0.000} {ff:0.000}");
    }
}

/// <summary>Reads HIPE TSV documents, rebuilds their text, runs the pipeline and compares entities token by token.</summary>
internal static class HipeEvaluation
{
    private sealed record Span(string Type, int First, int Last);

    public static HipeScore ScoreFile(string path, TextWriter? errors = null)
    {
        var score = new HipeScore();
        // the dataset's tagset: letemps annotates pers and loc only, so an org prediction there is neither right nor wrong
        var tagset = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            int a = line.IndexOf('\t');
            if (a < 0 || line[0] == '#') continue;
            int b = line.IndexOf('\t', a + 1);
            var tag = b < 0 ? line[(a + 1)..] : line[(a + 1)..b];
            if (tag.Length > 2 && tag[1] == '-') tagset.Add(tag[2..]);
        }
        var tokens = new List<(string Text, string Tag, string Misc)>();
        DateOnly? date = null;
        string id = Path.GetFileNameWithoutExtension(path);
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# hipe2022:document_id", StringComparison.Ordinal))
            {
                ScoreDocument(id, date, tokens, tagset, score, errors);
                tokens.Clear();
                id = line[(line.IndexOf('=') + 1)..].Trim();
                date = null;
                continue;
            }
            if (line.StartsWith("# hipe2022:date", StringComparison.Ordinal))
            {
                if (DateOnly.TryParseExact(line[(line.IndexOf('=') + 1)..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
                continue;
            }
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("TOKEN\t", StringComparison.Ordinal)) continue;
            var cols = line.Split('\t');
            if (cols.Length < 10) continue;
            tokens.Add((cols[0], cols[1], cols[9]));
        }
        ScoreDocument(id, date, tokens, tagset, score, errors);
        return score;
    }

    private static void ScoreDocument(string id, DateOnly? date, List<(string Text, string Tag, string Misc)> tokens,
        HashSet<string> tagset, HipeScore score, TextWriter? errors)
    {
        if (tokens.Count == 0) return;
        // the text as printed: tokens joined by a space unless NoSpaceAfter; OCR line ends are spaces (a name may span two lines)
        var text = new StringBuilder();
        var starts = new int[tokens.Count];
        var ends = new int[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            starts[i] = text.Length;
            text.Append(tokens[i].Text);
            ends[i] = text.Length;
            if (!tokens[i].Misc.Contains("NoSpaceAfter", StringComparison.Ordinal)) text.Append(' ');
        }
        var document = FrenchPipeline.Instance.Process(new Document(id, text.ToString(), date));

        var gold = Entities(tokens.Select(t => t.Tag).ToList());
        var predictedTags = new string[tokens.Count];
        Array.Fill(predictedTags, "O");
        int k = 0;
        foreach (var mention in document.Mentions)
        {
            var type = mention.Type switch { EntityType.PER => "pers", EntityType.ORG => "org", _ => "loc" };
            if (!tagset.Contains(type) || mention.Kind != MentionKind.Name) continue; // names only, not "le président russe"
            while (k < tokens.Count && ends[k] <= mention.Span.Start) k++;
            bool firstToken = true;
            for (int t = k; t < tokens.Count && starts[t] < mention.Span.End; t++)
            {
                predictedTags[t] = (firstToken ? "B-" : "I-") + type;
                firstToken = false;
            }
        }
        var predicted = Entities(predictedTags);

        score.Gold += gold.Count;
        score.Predicted += predicted.Count;
        var goldSet = new HashSet<Span>(gold);
        foreach (var p in predicted) if (goldSet.Contains(p)) score.StrictTp++;
        foreach (var g in gold) if (predicted.Any(p => p.Type == g.Type && p.First <= g.Last && g.First <= p.Last)) score.FuzzyGoldTp++;
        foreach (var p in predicted) if (gold.Any(g => p.Type == g.Type && p.First <= g.Last && g.First <= p.Last)) score.FuzzyPredTp++;
        if (errors is null) return;
        string Words(Span s) => string.Join(' ', tokens.Skip(s.First).Take(s.Last - s.First + 1).Select(t => t.Text));
        foreach (var g in gold) if (!predicted.Any(p => p.Type == g.Type && p.First <= g.Last && g.First <= p.Last)) errors.WriteLine($"miss\t{g.Type}\t{Words(g)}");
        foreach (var p in predicted) if (!gold.Any(g => p.Type == g.Type && p.First <= g.Last && g.First <= p.Last)) errors.WriteLine($"extra\t{p.Type}\t{Words(p)}");
    }

    // IOB tags to entities of the coarse types pers, org and loc (prod and time are not scored here).
    private static List<Span> Entities(IReadOnlyList<string> tags)
    {
        var spans = new List<Span>();
        string? type = null;
        int start = 0;
        for (int i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            bool inside = tag.StartsWith("I-", StringComparison.Ordinal) && type is not null && tag.AsSpan(2).SequenceEqual(type);
            if (inside) continue;
            if (type is not null) spans.Add(new Span(type, start, i - 1));
            type = null;
            if (tag.Length > 2 && (tag.StartsWith("B-", StringComparison.Ordinal) || tag.StartsWith("I-", StringComparison.Ordinal)))
            {
                var t = tag[2..];
                if (t is "pers" or "org" or "loc") { type = t; start = i; }
            }
        }
        return spans;
    }
}
