using System.CommandLine;

namespace Depeche.Cli.Commands;

/// <summary><c>depeche eval ...</c>: scores stages against reference data and prints figures (not tests; never tune on test files).</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) =>
        new("eval", "Score the pipeline on reference data and print figures (never tune on test-only files).")
        {
            EvalUdCommand.Create(stdout, stderr),
            EvalTimesCommand.Create(stdout, stderr),
            EvalHipeCommand.Create(stdout, stderr),
            EvalHtmlCommand.Create(stdout, stderr),
            EvalLinksCommand.Create(stdout, stderr),
        };
}
