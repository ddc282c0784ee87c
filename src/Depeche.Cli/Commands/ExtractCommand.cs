using System.CommandLine;
using Depeche.French;
using Depeche.Ingestion.Html;
using Depeche.Ingestion.Text;
using Depeche.Serialization;

namespace Depeche.Cli.Commands;

/// <summary>Output layout of <c>depeche extract</c>.</summary>
public enum OutputFormat
{
    /// <summary>One compact object for one document, a JSON array for several.</summary>
    Json,
    /// <summary>One compact object per line.</summary>
    Jsonl,
    /// <summary>Indented; a JSON array for several documents.</summary>
    Pretty,
}

/// <summary><c>depeche extract</c>: runs the pipeline over files, directories or stdin and writes schema JSON.</summary>
internal static class ExtractCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Text files (UTF-8, or UTF-16 with a BOM), saved web pages (.html/.htm: the article text is extracted), directories (their *.txt files, in name order) or - for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var published = new Option<string?>("--published", "-p")
        {
            Description = "Publication date (YYYY-MM-DD) that relative times resolve against. Default: the \"published\" of a NAME.gold.json beside NAME.txt, the page's publication date for .html, else none (relative dates stay unresolved).",
        };
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "json: compact, an array when there are several documents; jsonl: one document per line; pretty: indented.",
            DefaultValueFactory = _ => OutputFormat.Json,
        };
        var outDir = new Option<DirectoryInfo?>("--out", "-o")
        {
            Description = "Write DIR/NAME.json for each input NAME.txt instead of printing to stdout (created if missing).",
        };
        var withText = new Option<bool>("--text") { Description = "Include document.text in the output." };
        var withTokens = new Option<bool>("--tokens") { Description = "Include the sentences and tokens layers (kinds, offsets, text)." };
        var invalidBytes = new Option<InvalidBytes>("--invalid-bytes")
        {
            Description = "fail: a file with bytes that are not valid UTF-8 is reported with the byte offset and skipped; replace: read it with U+FFFD in their place.",
            DefaultValueFactory = _ => InvalidBytes.Fail,
        };
        var command = new Command("extract", "Extract entities, times, quotations and events from French text and print SCHEMA.md JSON.")
        {
            inputs, published, format, outDir, withText, withTokens, invalidBytes,
        };
        command.SetAction(parse =>
        {
            var run = new ExtractRun(stdout, stderr)
            {
                Format = parse.GetValue(format),
                OutDirectory = parse.GetValue(outDir),
                Options = new JsonOutputOptions
                {
                    IncludeText = parse.GetValue(withText),
                    IncludeTokens = parse.GetValue(withTokens),
                    Indented = parse.GetValue(format) == OutputFormat.Pretty,
                },
                InvalidBytes = parse.GetValue(invalidBytes),
            };
            return run.Execute(parse.GetValue(inputs) ?? [], parse.GetValue(published));
        });
        return command;
    }
}

/// <summary>One invocation of <c>extract</c>: processes inputs in parallel, writes results in input order.</summary>
internal sealed class ExtractRun(TextWriter stdout, TextWriter stderr)
{
    public OutputFormat Format { get; init; }
    public DirectoryInfo? OutDirectory { get; init; }
    public JsonOutputOptions Options { get; init; } = new();
    public InvalidBytes InvalidBytes { get; init; }
    /// <summary>Files larger than this many bytes are read in sections (tests lower it).</summary>
    public long WholeDocumentLimit { get; init; } = SectionReader.WholeDocumentLimit;
    /// <summary>Characters per section of a large file.</summary>
    public int SectionChars { get; init; } = SectionReader.SectionChars;

    private int failures;

    public int Execute(string[] paths, string? publishedText)
    {
        if (paths.Length == 0)
        {
            stderr.WriteLine("depeche extract: no input; give one or more FILE, DIR, or - for standard input (see --help).");
            return 2;
        }
        DateOnly? published = null;
        if (publishedText is not null)
        {
            try { published = PublishedDate.Parse(publishedText, "--published"); }
            catch (InputException e) { stderr.WriteLine($"depeche extract: {e.Message}"); return 2; }
        }
        var inputs = TextInputs.Expand(paths, missing => Fail(missing, "no such file or directory."));
        OutDirectory?.Create();

        var results = inputs
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(input => Process(input, published));

        var sink = new OutputSink(stdout, Format, OutDirectory, several: inputs.Count > 1);
        foreach (var result in results)
        {
            if (result.Error is not null) { Fail(result.Input.Name, result.Error); continue; }
            if (result.Json is not null) { sink.Write(result.Input.Name, result.Json); continue; }
            // a large file: stream its sections here, in order, one at a time (bounded memory)
            try { ProcessSections(result.Input, result.Published, sink); }
            catch (InputException e) { Fail(result.Input.Name, e.Message); }
            catch (IOException e) { Fail(result.Input.Name, e.Message); }
        }
        sink.Close();
        return failures > 0 ? 1 : 0;
    }

    private sealed record Result(TextInput Input, string? Json, string? Error, DateOnly? Published);

    private Result Process(TextInput input, DateOnly? published)
    {
        try
        {
            if (input.Path is not null && IsHtml(input.Path))
            {
                // a saved web page: the extracted article text is the document; its date comes from the page unless --published says otherwise
                var article = HtmlArticleExtractor.Extract(File.ReadAllBytes(input.Path));
                if (article.Text.Length == 0) return new Result(input, null, $"{input.Path}: no article text found in the page.", null);
                var pageDate = published ?? article.Metadata.Published?.Date;
                var page = FrenchPipeline.Instance.Process(new Document(input.Name, article.Text, pageDate));
                return new Result(input, DocumentJsonWriter.ToJson(page, Options), null, pageDate);
            }
            var date = published ?? (input.Path is null ? null : TextInputs.PublishedFromSidecar(input.Path));
            if (input.Path is not null && new FileInfo(input.Path).Length > WholeDocumentLimit)
                return new Result(input, null, null, date); // deferred to the ordered writer
            byte[] bytes = input.Path is null ? ReadStandardInput() : File.ReadAllBytes(input.Path);
            string text = TextDecoder.Decode(bytes, input.Path ?? "stdin", InvalidBytes);
            var document = FrenchPipeline.Instance.Process(new Document(input.Name, text, date));
            return new Result(input, DocumentJsonWriter.ToJson(document, Options), null, date);
        }
        catch (InputException e) { return new Result(input, null, e.Message, null); }
        catch (IOException e) { return new Result(input, null, e.Message, null); }
        catch (UnauthorizedAccessException e) { return new Result(input, null, e.Message, null); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Result(input, null, $"internal error while processing ({e.GetType().Name}: {e.Message}); please report it with the input.", null);
        }
    }

    private static bool IsHtml(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    private void ProcessSections(TextInput input, DateOnly? published, OutputSink sink)
    {
        using var stream = File.OpenRead(input.Path!);
        foreach (var section in SectionReader.Read(stream, input.Path!, InvalidBytes, SectionChars))
        {
            var document = FrenchPipeline.Instance.Process(new Document($"{input.Name}#{section.Index}", section.Text, published));
            sink.WriteSection(input.Name, DocumentJsonWriter.ToJson(document, Options), section.Offset, section.Text.Length);
        }
    }

    private static byte[] ReadStandardInput()
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }

    private void Fail(string name, string message)
    {
        Interlocked.Increment(ref failures);
        stderr.WriteLine(message.StartsWith(name, StringComparison.Ordinal) || message.Contains(name, StringComparison.Ordinal)
            ? $"depeche extract: {message}" : $"depeche extract: {name}: {message}");
    }
}

/// <summary>Writes document JSON to stdout (object, array or lines) or to one file per document.</summary>
internal sealed class OutputSink(TextWriter stdout, OutputFormat format, DirectoryInfo? outDirectory, bool several)
{
    private int written;
    private readonly bool array = format != OutputFormat.Jsonl && several;
    private TextWriter? sectionFile;
    private string? sectionName;

    public void Write(string name, string json)
    {
        CloseSectionFile();
        if (outDirectory is not null)
        {
            File.WriteAllText(Path.Combine(outDirectory.FullName, name + ".json"), json + "\n");
            return;
        }
        WriteToStdout(json);
    }

    /// <summary>A section of a large file: with --out, one line each in DIR/NAME.jsonl; on stdout, like a document.</summary>
    public void WriteSection(string name, string json, long offset, int length)
    {
        // the section's own offsets start at 0; "offset" says where the section starts in the file's text
        string line = json.Insert(json.IndexOf('{') + 1, $"\"section_offset\":{offset},\"section_length\":{length},");
        if (outDirectory is null) { WriteToStdout(line); return; }
        if (sectionName != name)
        {
            CloseSectionFile();
            sectionFile = new StreamWriter(Path.Combine(outDirectory.FullName, name + ".jsonl"));
            sectionName = name;
        }
        sectionFile!.WriteLine(line);
    }

    private void WriteToStdout(string json)
    {
        if (array) stdout.Write(written == 0 ? "[\n" : ",\n");
        stdout.Write(json);
        if (!array) stdout.Write('\n');
        written++;
    }

    private void CloseSectionFile()
    {
        sectionFile?.Dispose();
        sectionFile = null;
        sectionName = null;
    }

    public void Close()
    {
        CloseSectionFile();
        if (outDirectory is null && array) stdout.Write(written == 0 ? "[]\n" : "\n]\n");
        stdout.Flush();
    }
}
