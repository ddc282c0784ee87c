namespace Depeche.Cli.Tests.Commands;

public sealed class EvalUdCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("depeche-eval-ud-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    // Two sentences written for this test; "du" is a multi-word token (de + le), "l'" has SpaceAfter=No.
    private const string Conllu =
        "# sent_id = 1\n# text = Le maire du village l'a dit.\n" +
        "1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_\n" +
        "2\tmaire\tmaire\tNOUN\t_\t_\t7\tnsubj\t_\t_\n" +
        "3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_\n" +
        "4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n" +
        "5\tvillage\tvillage\tNOUN\t_\t_\t2\tnmod\t_\t_\n" +
        "6\tl'\tle\tPRON\t_\t_\t7\tobj\t_\tSpaceAfter=No\n" +
        "7\ta\tavoir\tAUX\t_\t_\t0\troot\t_\t_\n" +
        "8\tdit\tdire\tVERB\t_\t_\t7\txcomp\t_\tSpaceAfter=No\n" +
        "9\t.\t.\tPUNCT\t_\t_\t7\tpunct\t_\t_\n" +
        "\n" +
        "# sent_id = 2\n# text = Il est parti.\n" +
        "1\tIl\til\tPRON\t_\t_\t3\tnsubj\t_\t_\n" +
        "2\test\têtre\tAUX\t_\t_\t3\taux\t_\t_\n" +
        "3\tparti\tpartir\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n";

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Scores_a_perfectly_segmented_file_at_one()
    {
        var path = Path.Combine(directory, "petit.conllu");
        File.WriteAllText(path, Conllu);
        var (code, output, _) = Run("eval", "ud", path);
        Assert.Equal(0, code);
        Assert.Equal("petit.conllu  sentences 1.0000 1.0000 1.0000  tokens 1.0000 1.0000 1.0000", output.Trim());
    }

    [Fact]
    public void A_missing_file_is_reported_and_fails()
    {
        var (code, _, error) = Run("eval", "ud", Path.Combine(directory, "absent.conllu"));
        Assert.Equal(1, code);
        Assert.Contains("absent.conllu", error);
    }
}
