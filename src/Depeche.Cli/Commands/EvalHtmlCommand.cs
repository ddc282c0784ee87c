using System.CommandLine;
using System.Diagnostics;
using Depeche.Ingestion.Html;

namespace Depeche.Cli.Commands;

/// <summary>
/// <c>depeche eval html PAGES_DIR OUT_DIR</c>: extracts the main text of every <c>*.html</c> page and writes
/// <c>OUT_DIR/NAME.html.txt</c> (the layout trafilatura's <c>score_html.py</c> reads), then prints pages/s and peak memory.
/// </summary>
internal static class EvalHtmlCommand
{

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pages = new Argument<DirectoryInfo>("pages") { Description = "Directory of *.html pages." };
        var output = new Argument<DirectoryInfo>("out") { Description = "Directory for NAME.html.txt outputs (created if missing)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (1 measures speed per core).", DefaultValueFactory = _ => 1 };
        var html = new Command("html", "Extract the main text of saved web pages into a folder, for scoring; prints pages/s and peak memory.")
        {
            pages, output, threads,
        };
        html.SetAction(parse => RunHtml(parse.GetValue(pages)!, parse.GetValue(output)!, Math.Max(1, parse.GetValue(threads)), stdout, stderr));
        return html;
    }

    private static int RunHtml(DirectoryInfo pages, DirectoryInfo output, int threads, TextWriter stdout, TextWriter stderr)
    {
        if (!pages.Exists) { stderr.WriteLine($"depeche eval html: {pages.FullName}: no such directory."); return 2; }
        output.Create();
        var files = pages.GetFiles("*.html");
        Array.Sort(files, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        // two timed passes over the same pages: the first pays for JIT compilation (a short batch), the second is the
        // steady state of a long-running ingestion; both write the same outputs
        int failures = 0;
        long bytes = 0;
        var process = Process.GetCurrentProcess();
        var passes = new List<(double Wall, double Cpu)>();
        for (int pass = 0; pass < 2; pass++)
        {
            failures = 0;
            bytes = 0;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, file =>
            {
                try
                {
                    var data = File.ReadAllBytes(file.FullName);
                    Interlocked.Add(ref bytes, data.Length);
                    var article = HtmlArticleExtractor.Extract(data);
                    File.WriteAllText(Path.Combine(output.FullName, file.Name + ".txt"), article.Text);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Interlocked.Increment(ref failures);
                    lock (stderr) stderr.WriteLine($"depeche eval html: {file.Name}: {e.Message}");
                }
            });
            clock.Stop();
            process.Refresh();
            passes.Add((clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
        }
        double mb = bytes / 1048576.0;
        stdout.WriteLine($"pages {files.Length} ({mb:F1} MB), failed {failures}, threads {threads}");
        string[] names = ["first pass (JIT included)", "second pass (steady state)"];
        for (int pass = 0; pass < passes.Count; pass++)
        {
            var (wall, cpuSeconds) = passes[pass];
            stdout.WriteLine($"{names[pass]}: wall {wall:F2} s, {files.Length / wall:F0} pages/s; cpu {cpuSeconds:F2} s, {files.Length / cpuSeconds:F0} pages/s per core ({mb / cpuSeconds:F1} MB/s per core)");
        }
        stdout.WriteLine($"peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB");
        return failures > 0 ? 1 : 0;
    }
}
