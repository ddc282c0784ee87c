using System.CommandLine;
using System.Globalization;
using System.Text;
using Depeche.Corpora;
using Depeche.French.Normalization;
using Depeche.French.Segmentation;
using Depeche.Text;

namespace Depeche.Cli.Commands;

/// <summary>
/// <c>depeche eval ud FILE...</c>: scores the segmentation layer against Universal Dependencies CoNLL-U files.
/// Each file is rebuilt as running text (sentences joined by one space, no line breaks, <c>SpaceAfter=No</c>
/// respected inside sentences), segmented by the normaliser, tokenizer and sentence splitter, and scored:
/// sentence boundaries are the character offsets where sentences end, tokens are character spans, and a UD
/// multi-word token ("du" = "de" + "le") is one surface token.
/// </summary>
internal static class EvalUdCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "CoNLL-U files.", Arity = ArgumentArity.OneOrMore };
        var errors = new Option<int>("--errors")
        {
            Description = "Also print up to N missed and N spurious sentence ends and tokens per file, in context (for tuning on train/dev files).",
            DefaultValueFactory = _ => 0,
        };
        var ud = new Command("ud", "Sentence-boundary and surface-token precision, recall and F1 against UD CoNLL-U files. Prints: FILE sentences P R F1  tokens P R F1.")
        {
            files, errors,
        };
        ud.SetAction(parse =>
        {
            int status = 0;
            foreach (var path in parse.GetValue(files) ?? [])
            {
                if (!File.Exists(path)) { stderr.WriteLine($"depeche eval ud: {path}: no such file."); status = 1; continue; }
                try { UdSegmentationScore.Run(path, stdout, parse.GetValue(errors)); }
                catch (FormatException e) { stderr.WriteLine($"depeche eval ud: {e.Message}"); status = 1; }
            }
            return status;
        });
        return ud;
    }
}

/// <summary>Scores one CoNLL-U file; see <see cref="EvalUdCommand"/>.</summary>
internal static class UdSegmentationScore
{
    /// <summary>The file as running text (sentences joined by one space), its gold sentence ends and token spans.</summary>
    public static (string Text, HashSet<int> Ends, HashSet<TextSpan> Tokens) Rebuild(string path)
    {
        var text = new StringBuilder();
        var goldEnds = new HashSet<int>();
        var goldTokens = new HashSet<TextSpan>();
        foreach (var sentence in ConlluReader.ReadFile(path))
        {
            if (sentence.Tokens.Count == 0) continue;
            if (text.Length > 0) text.Append(' ');
            for (int k = 0; k < sentence.Tokens.Count; k++)
            {
                var token = sentence.Tokens[k];
                int start = text.Length;
                text.Append(token.Form);
                goldTokens.Add(new TextSpan(start, text.Length));
                if (token.SpaceAfter && k + 1 < sentence.Tokens.Count) text.Append(' ');
            }
            goldEnds.Add(text.Length);
        }
        return (text.ToString(), goldEnds, goldTokens);
    }

    public static void Run(string path, TextWriter output, int errorsToShow, SentenceSplitter? splitter = null)
    {
        var (running, goldEnds, goldTokens) = Rebuild(path);
        var document = new Document(Path.GetFileNameWithoutExtension(path), running);
        new TextNormalizer().Process(document);
        new Tokenizer().Process(document);
        (splitter ?? new SentenceSplitter()).Process(document);

        var predictedEnds = new HashSet<int>(document.Sentences.Select(s => s.Span.End));
        var predictedTokens = new HashSet<TextSpan>(document.Tokens.Select(t => t.Span));
        var (sp, sr, sf) = Score(goldEnds, predictedEnds);
        var (tp, tr, tf) = Score(goldTokens, predictedTokens);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)}  sentences {sp:F4} {sr:F4} {sf:F4}  tokens {tp:F4} {tr:F4} {tf:F4}"));

        if (errorsToShow <= 0) return;
        Show("missed sentence end", goldEnds.Except(predictedEnds).Order().Select(e => new TextSpan(e, e)));
        Show("spurious sentence end", predictedEnds.Except(goldEnds).Order().Select(e => new TextSpan(e, e)));
        Show("missed token", goldTokens.Except(predictedTokens).OrderBy(s => s.Start));
        Show("spurious token", predictedTokens.Except(goldTokens).OrderBy(s => s.Start));

        void Show(string label, IEnumerable<TextSpan> spans)
        {
            foreach (var span in spans.Take(errorsToShow))
            {
                int from = Math.Max(0, span.Start - 50), to = Math.Min(running.Length, span.End + 50);
                string context = running[from..span.Start] + "[" + running[span.Start..span.End] + "]" + running[span.End..to];
                output.WriteLine($"  {label}: {context.Replace('\n', ' ')}");
            }
        }
    }

    private static (double Precision, double Recall, double F1) Score<T>(HashSet<T> gold, HashSet<T> predicted)
    {
        int correct = predicted.Count(gold.Contains);
        double p = predicted.Count == 0 ? 0 : (double)correct / predicted.Count;
        double r = gold.Count == 0 ? 0 : (double)correct / gold.Count;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
