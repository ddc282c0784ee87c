using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Depeche.French.Segmentation;
using Depeche.French.Tagging;

namespace Depeche.Cli.Commands;

/// <summary>
/// <c>depeche train tagger</c>: trains the part-of-speech, morphology and lemma tagger on UD French and writes the
/// model file; <c>depeche train evaluate-tagger</c>: scores a model on UD files (one line per file).
/// </summary>
internal static class TrainCommand
{
    private const string DefaultUd = "../shared/peers/ud-french";
    private static readonly string[] DefaultTrain = ["fr_sequoia-ud-train.conllu", "fr_sequoia-ud-dev.conllu", "fr_gsd-ud-dev.conllu"];

    public static Command Create(TextWriter stdout, TextWriter stderr) => new("train", "Train the statistical models that ship with Dépêche.")
    {
        CreateTagger(stdout, stderr),
        CreateEvaluate(stdout, stderr),
        CreateSegmenter(stdout, stderr),
    };

    private static Command CreateTagger(TextWriter stdout, TextWriter stderr)
    {
        var (ud, train, dev) = UdFiles("Training files, relative to --ud (default: Sequoia train and dev, GSD dev; never the test files).",
            "Files (relative to --ud) scored after each epoch, for tuning; not trained on. Default: none.");
        var defaults = new TaggerTrainingOptions();
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => defaults.Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed of the sentence shuffle.", DefaultValueFactory = _ => defaults.Seed };
        var uposBits = new Option<int>("--upos-bits") { Description = "log2 of the UPOS weight rows.", DefaultValueFactory = _ => defaults.UposBits };
        var morphBits = new Option<int>("--morph-bits") { Description = "log2 of the morphology weight rows.", DefaultValueFactory = _ => defaults.MorphBits };
        var dropout = new Option<double>("--hapax-dropout") { Description = "Probability of hiding a once-seen word during training.", DefaultValueFactory = _ => defaults.HapaxDropout };
        var output = new Option<string?>("--out", "-o") { Description = "Model file to write (the shipped one is src/Depeche.French/Data/tagger.bin)." };
        var command = new Command("tagger", "Train the UPOS, morphology and lemma tagger; prints accuracy per epoch.")
        {
            ud, train, dev, epochs, seed, uposBits, morphBits, dropout, output,
        };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(ud)!;
            var trainFiles = parse.GetValue(train)!;
            if (!CheckFiles("tagger", dir, trainFiles, parse.GetValue(dev)!, stderr)) return 2;
            var clock = Stopwatch.StartNew();
            var sentences = trainFiles.SelectMany(f => TaggedCorpus.Read(Path.Combine(dir, f))).ToList();
            var devSets = parse.GetValue(dev)!.Select(f => (Path.GetFileNameWithoutExtension(f), (IReadOnlyList<GoldSentence>)TaggedCorpus.Read(Path.Combine(dir, f)))).ToList();
            stdout.WriteLine($"training on {sentences.Count} sentences, {sentences.Sum(s => s.Forms.Length)} tokens ({string.Join(", ", trainFiles)})");
            var options = new TaggerTrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                UposBits = parse.GetValue(uposBits),
                MorphBits = parse.GetValue(morphBits),
                HapaxDropout = parse.GetValue(dropout),
            };
            var model = TaggerTrainer.Train(sentences, devSets, options, stdout);
            stdout.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F1} s");
            if (parse.GetValue(output) is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using (var file = File.Create(path)) model.Save(file);
                stdout.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB)");
            }
            return 0;
        });
        return command;
    }

    private static Command CreateSegmenter(TextWriter stdout, TextWriter stderr)
    {
        var (ud, train, dev) = UdFiles("Training files, relative to --ud, rebuilt as running text (default: Sequoia train and dev, GSD dev; never the test files).",
            "Files (relative to --ud) scored with the trained model like 'depeche eval ud', for tuning; not trained on. Default: none.");
        var defaults = new BoundaryTrainingOptions();
        var epochs = new Option<int>("--epochs") { Description = "Passes over the candidates.", DefaultValueFactory = _ => defaults.Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed of the candidate shuffle.", DefaultValueFactory = _ => defaults.Seed };
        var bits = new Option<int>("--bits") { Description = "log2 of the weight table's size.", DefaultValueFactory = _ => defaults.Bits };
        var thresholds = new Option<string>("--thresholds")
        {
            Description = "Decision thresholds for GluedCapital,Semicolon,Colon,Dash,AfterCapital ('off' leaves a kind to the rules).",
            DefaultValueFactory = _ => string.Join(',', defaults.Thresholds.Skip(1).Select(Format)),
        };
        var models = new Option<int>("--models") { Description = "Perceptrons trained with consecutive seeds and averaged.", DefaultValueFactory = _ => defaults.Models };
        var errors = new Option<int>("--errors") { Description = "Print up to N errors per --dev file.", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out", "-o") { Description = "Model file to write (the shipped one is src/Depeche.French/Data/segmenter.bin)." };
        var command = new Command("segmenter", "Train the sentence-boundary classifier that decides the candidates the splitter's rules leave open.")
        {
            ud, train, dev, epochs, seed, bits, models, thresholds, errors, output,
        };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(ud)!;
            var trainFiles = parse.GetValue(train)!;
            if (!CheckFiles("segmenter", dir, trainFiles, parse.GetValue(dev)!, stderr)) return 2;
            var limits = parse.GetValue(thresholds)!.Split(',');
            var thresholdValues = new float[limits.Length];
            for (int i = 0; i < limits.Length; i++)
                if (limits[i] == "off") thresholdValues[i] = float.PositiveInfinity;
                else if (!float.TryParse(limits[i], NumberStyles.Float, CultureInfo.InvariantCulture, out thresholdValues[i])) limits = [];
            if (limits.Length != 5)
            {
                stderr.WriteLine("depeche train segmenter: --thresholds needs five numbers or 'off', separated by commas.");
                return 2;
            }
            var clock = Stopwatch.StartNew();
            var texts = trainFiles.Select(f =>
            {
                var (text, ends, _) = UdSegmentationScore.Rebuild(Path.Combine(dir, f));
                return new BoundaryExample(Path.GetFileNameWithoutExtension(f), text, ends);
            }).ToList();
            var options = new BoundaryTrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                Bits = parse.GetValue(bits),
                Models = parse.GetValue(models),
                Thresholds = [float.PositiveInfinity, .. thresholdValues],
            };
            stdout.WriteLine($"training on {string.Join(", ", trainFiles)}");
            var model = BoundaryTrainer.Train(texts, options, stdout);
            stdout.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F1} s");
            foreach (var f in parse.GetValue(dev)!)
                UdSegmentationScore.Run(Path.Combine(dir, f), stdout, parse.GetValue(errors), new SentenceSplitter(model));
            if (parse.GetValue(output) is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using (var file = File.Create(path)) model.Save(file);
                stdout.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024.0:F0} KB)");
            }
            return 0;
        });
        return command;
    }

    // --ud, --train and --dev, as the training commands share them
    private static (Option<string> Ud, Option<string[]> Train, Option<string[]> Dev) UdFiles(string train, string dev) => (
        new Option<string>("--ud") { Description = "Folder of the UD French CoNLL-U files.", DefaultValueFactory = _ => DefaultUd },
        new Option<string[]>("--train") { Description = train, AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => DefaultTrain },
        new Option<string[]>("--dev") { Description = dev, AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] });

    // Never a test file for training; every file there. Reports the first problem and returns false.
    private static bool CheckFiles(string command, string dir, string[] train, string[] dev, TextWriter stderr)
    {
        if (train.Any(f => f.Contains("test", StringComparison.OrdinalIgnoreCase)))
        {
            stderr.WriteLine($"depeche train {command}: test files are for evaluation only.");
            return false;
        }
        foreach (var f in train.Concat(dev))
        {
            if (File.Exists(Path.Combine(dir, f))) continue;
            stderr.WriteLine($"depeche train {command}: {Path.Combine(dir, f)}: no such file.");
            return false;
        }
        return true;
    }

    private static string Format(float threshold) =>
        float.IsPositiveInfinity(threshold) ? "off" : threshold.ToString(CultureInfo.InvariantCulture);

    private static Command CreateEvaluate(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "CoNLL-U files to score on.", Arity = ArgumentArity.OneOrMore };
        var modelPath = new Option<string?>("--model", "-m") { Description = "Model file (default: the model embedded in Depeche.French)." };
        var confusions = new Option<int>("--confusions") { Description = "Also print the N most frequent UPOS errors per file. Default 0." };
        var lemmaErrors = new Option<string?>("--lemma-errors")
        {
            Description = "Write every lemma error (form, gold and predicted label and lemma, known) as TSV to this file, for error analysis on held-out training data.",
        };
        var command = new Command("evaluate-tagger",
            "Score the tagger on CoNLL-U files, on gold surface tokens: one line per file with UPOS, Tense, VerbForm, Mood, all six features and lemma accuracy, then the same on unknown words.")
        {
            files, modelPath, confusions, lemmaErrors,
        };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            TaggerModel model;
            if (parse.GetValue(modelPath) is { } path)
            {
                using var stream = File.OpenRead(path);
                model = TaggerModel.Load(stream);
            }
            else model = TaggerModel.Shared;
            stdout.WriteLine($"model loaded in {clock.Elapsed.TotalMilliseconds:F0} ms");
            foreach (var file in parse.GetValue(files)!)
            {
                if (!File.Exists(file)) { stderr.WriteLine($"depeche train evaluate-tagger: {file}: no such file."); return 2; }
                var report = TaggerEvaluation.Evaluate(model, TaggedCorpus.Read(file));
                foreach (var (confusion, count) in report.Confusions.Take(parse.GetValue(confusions)))
                    stdout.WriteLine($"    {count,5}  {confusion}");
                if (parse.GetValue(lemmaErrors) is { } errorsPath)
                {
                    File.AppendAllLines(errorsPath, report.LemmaErrors.Select(e =>
                        $"{Path.GetFileName(file)}\t{e.Form}\t{e.GoldLabel}\t{e.PredictedLabel}\t{e.GoldLemma}\t{e.PredictedLemma}\t{(e.Known ? "known" : "unknown")}\t{e.Position}"));
                }
                stdout.WriteLine($"{Path.GetFileName(file)}  tokens {report.All.Tokens}  {Format(report.All)}  | unknown {100 * report.UnknownShare:F1}%  {Format(report.Unknown)}");
            }
            return 0;
        });
        return command;
    }

    private static string Format(TagScores s) =>
        $"UPOS {100 * s.Upos:F2}  Tense {100 * s.Tense:F2}  VerbForm {100 * s.VerbForm:F2}  Mood {100 * s.Mood:F2}  Feats {100 * s.AllFeats:F2}  Lemma {100 * s.Lemma:F2}";
}
