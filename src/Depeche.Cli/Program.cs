using System.CommandLine;
using Depeche.Cli.Commands;

namespace Depeche.Cli;

/// <summary>
/// <c>depeche</c>: reads French news dispatches and prints structured, verifiable event data.
/// Exit codes: 0 success; 1 some documents failed (each reported on stderr, the others processed);
/// 2 usage error (unknown option, bad value, no input).
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "Dépêche reads French news dispatches and extracts entities, times, quotations and events, " +
            "each traced to the characters it came from.\n\n" +
            "Exit codes: 0 success; 1 some inputs failed (reported on stderr, the rest processed); 2 usage error.")
        {
            ExtractCommand.Create(stdout, stderr),
            TrainCommand.Create(stdout, stderr),
            EvalCommand.Create(stdout, stderr),
            IngestCommand.Create(stdout, stderr),
            WatchCommand.Create(stdout, stderr),
            EventsCommand.Create(stdout, stderr),
            TimelineCommand.Create(stdout, stderr),
            SearchCommand.Create(stdout, stderr),
            ActorsCommand.Create(stdout, stderr),
            QuotesCommand.Create(stdout, stderr),
            WhyCommand.Create(stdout, stderr),
            ExportCommand.Create(stdout, stderr),
            GenerateCommand.Create(stdout, stderr),
        };
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count == 0) return parsed.Invoke(config);
        // a usage error (unknown option, bad value, missing argument) exits 2, as --help says, with the command's usage
        foreach (var error in parsed.Errors) stderr.WriteLine(error.Message);
        stderr.WriteLine($"See '{UsageOf(parsed)} --help'.");
        return 2;
    }

    private static string UsageOf(ParseResult parsed)
    {
        var names = new List<string>();
        for (var c = parsed.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(c.Command is RootCommand ? "depeche" : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
