using Depeche.Testing;

namespace Depeche.Cli.Tests.Commands;

public class TrainCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Refuses_to_train_on_a_test_file()
    {
        // test files are for measuring only; the command says so instead of training
        var (code, _, err) = Run("train", "tagger", "--train", "fr_sequoia-ud-test.conllu");
        Assert.Equal(2, code);
        Assert.Contains("test files", err);
    }

    [Fact]
    public void Reports_a_missing_training_file()
    {
        var (code, _, err) = Run("train", "tagger", "--ud", Path.GetTempPath(), "--train", "no-such-file.conllu");
        Assert.Equal(2, code);
        Assert.Contains("no-such-file.conllu", err);
    }

    [SkippableFact]
    public void Evaluates_the_shipped_model_on_a_ud_file()
    {
        // one line per file with the figures the evaluation script quotes
        string dev = SharedData.Require("peers/ud-french/fr_sequoia-ud-dev.conllu");
        var (code, output, _) = Run("train", "evaluate-tagger", dev);
        Assert.Equal(0, code);
        var line = output.Split('\n').Single(l => l.StartsWith("fr_sequoia-ud-dev.conllu", StringComparison.Ordinal));
        foreach (var field in new[] { "UPOS", "Tense", "VerbForm", "Mood", "Lemma", "unknown" }) Assert.Contains(field, line);
    }
}
