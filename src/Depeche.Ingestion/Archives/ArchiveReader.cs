using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Depeche.Ingestion.Html;
using Depeche.Ingestion.Text;

namespace Depeche.Ingestion.Archives;

/// <summary>
/// One document read from an archive: its text (the document), where it came from, and what the archive or page said
/// about it. <see cref="Html"/> keeps the page when the text was extracted from one (offsets refer to <see cref="Text"/>).
/// </summary>
public sealed record IngestItem(string Name, string Position, string Text, string? Url, string? Title, PageDate? Published, string? Html)
{
    /// <summary>Metadata of the page the text came from; null for plain text.</summary>
    public PageMetadata? Page { get; init; }
}

/// <summary>
/// An item, or the reason the input at <see cref="Position"/> could not become one ("dump.jsonl:12: …"). Both are set when
/// an item was made with a fallback worth reporting (a feed item whose page could not be fetched).
/// </summary>
public sealed record IngestResult(string Position, IngestItem? Item, string? Error);

/// <summary>
/// Reads the inputs users have: RSS/Atom feeds (<c>.xml</c>, <c>.rss</c>, <c>.atom</c>: one document per item), JSONL dumps (<c>{"url","published","title","text"|"html"}</c> per line), saved pages
/// (<c>.html</c>/<c>.htm</c>), text files, directories of them (their files in ordinal name order; subdirectories on request),
/// <c>-</c> for standard input, and any of these gzip-compressed (recognised by their magic bytes). A malformed line or
/// page yields an <see cref="IngestResult"/> with its position and the reason; reading goes on. Thread-safe (stateless);
/// lines are streamed, so a dump of any size is read in bounded memory.
/// </summary>
public static class ArchiveReader
{
    /// <summary>Longest JSONL line accepted: a line larger than this is not one article but a broken dump.</summary>
    public const int MaxLineChars = 64 * 1024 * 1024;

    private static readonly string[] extensions = [".jsonl", ".ndjson", ".html", ".htm", ".txt", ".xml", ".rss", ".atom"];

    /// <summary>
    /// Reads every input behind <paramref name="path"/> (a file, a directory, or <c>-</c>). With
    /// <paramref name="recursive"/>, a directory's subdirectories are read too, and a document found in one is named by
    /// its path below the directory ("2025/04/depeche-12" for <c>2025/04/depeche-12.txt</c>), so that files of the same
    /// name in different folders stay different documents.
    /// </summary>
    public static IEnumerable<IngestResult> Read(string path, bool recursive = false)
    {
        if (path == "-")
        {
            foreach (var r in ReadStream(Console.OpenStandardInput(), "stdin", kind: null)) yield return r;
            yield break;
        }
        if (Directory.Exists(path))
        {
            foreach (var file in FilesIn(path, recursive))
            {
                string folder = Path.GetDirectoryName(Path.GetRelativePath(path, file))?.Replace(Path.DirectorySeparatorChar, '/') ?? "";
                foreach (var r in ReadFile(file))
                    yield return folder.Length == 0 || r.Item is null ? r : r with { Item = r.Item with { Name = folder + "/" + r.Item.Name } };
            }
            yield break;
        }
        if (!File.Exists(path)) { yield return new IngestResult(path, null, $"{path}: no such file or directory."); yield break; }
        foreach (var r in ReadFile(path)) yield return r;
    }

    /// <summary>The readable files of a directory (and, with <paramref name="recursive"/>, of its subdirectories), in ordinal path order.</summary>
    public static string[] FilesIn(string directory, bool recursive)
    {
        var files = Directory.GetFiles(directory, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => KindOf(f) is not null).ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static IEnumerable<IngestResult> ReadFile(string path)
    {
        Stream stream;
        try { stream = File.OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return [new IngestResult(path, null, $"{path}: {e.Message}")]; }
        return ReadStream(stream, path, KindOf(path));
    }

    // the kind an extension names, looking through ".gz"
    private static string? KindOf(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        foreach (var ext in extensions)
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                return ext switch { ".ndjson" => ".jsonl", ".htm" => ".html", ".xml" or ".rss" or ".atom" => ".feed", _ => ext };
        return null;
    }

    /// <summary>Reads one stream; <paramref name="kind"/> is <c>.jsonl</c>, <c>.html</c>, <c>.txt</c>, or null to sniff the content.</summary>
    public static IEnumerable<IngestResult> ReadStream(Stream stream, string name, string? kind)
    {
        using (stream)
        {
            var input = Decompressed(stream);
            kind ??= Sniff(ref input);
            if (kind == ".jsonl")
            {
                foreach (var r in ReadJsonLines(input, name)) yield return r;
                yield break;
            }
            if (kind == ".feed")
            {
                foreach (var r in ReadFeed(input, name)) yield return r;
                yield break;
            }
            byte[] bytes;
            string? error = null;
            try
            {
                using var buffer = new MemoryStream();
                input.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            catch (InvalidDataException e) { bytes = []; error = $"{name}: corrupt gzip data ({e.Message})."; }
            if (error is not null) { yield return new IngestResult(name, null, error); yield break; }
            yield return kind == ".html" ? FromHtml(bytes, name) : FromText(bytes, name);
        }
    }

    private static Stream Decompressed(Stream stream)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int n = buffered.Read(magic);
        var head = new MemoryStream(magic[..n].ToArray());
        Stream whole = new ConcatenatedStream(head, buffered);
        return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }

    // standard input has no name: '{' starts a JSONL dump, '<' a page, anything else is text
    private static string Sniff(ref Stream input)
    {
        var head = new byte[512];
        int n = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        input = new ConcatenatedStream(new MemoryStream(head, 0, n), input);
        int i = 0;
        if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;
        while (i < n && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        if (i < n && head[i] == (byte)'{') return ".jsonl";
        if (i >= n || head[i] != (byte)'<') return ".txt";
        var start = Encoding.UTF8.GetString(head, i, n - i);
        return start.Contains("<rss", StringComparison.Ordinal) || start.Contains("<feed", StringComparison.Ordinal) || start.Contains("<rdf:RDF", StringComparison.Ordinal)
            ? ".feed" : ".html";
    }

    // each item is a document: its content (or summary) is HTML, extracted like a page; the item's date is its own
    private static IEnumerable<IngestResult> ReadFeed(Stream input, string name)
    {
        Feeds.Feed feed;
        string? error = null;
        try { feed = Feeds.FeedReader.Parse(input); }
        catch (Exception e) when (e is FormatException or InvalidDataException) { feed = new Feeds.Feed(null, null, []); error = $"{name}: {e.Message}"; }
        if (error is not null) { yield return new IngestResult(name, null, error); yield break; }
        string baseName = TextInputs.NameOf(StripGz(name));
        for (int k = 0; k < feed.Items.Count; k++)
        {
            var item = feed.Items[k];
            string position = $"{name}#{k + 1}";
            string? html = item.Content ?? item.Summary;
            string text = html is null ? "" : HtmlArticleExtractor.Extract(html.Contains('<') ? html : "<p>" + System.Net.WebUtility.HtmlEncode(html) + "</p>", item.Link).Body;
            if (text.Length == 0)
            {
                yield return new IngestResult(position, null, $"{position}: item \"{item.Title}\" has no content or summary; its page is {item.Link ?? "unknown"}.");
                continue;
            }
            if (item.Title is { Length: > 0 } title && !text.StartsWith(title, StringComparison.Ordinal)) text = title + "\n\n" + text;
            yield return new IngestResult(position, new IngestItem($"{baseName}-{k + 1}", position, text, item.Link, item.Title, item.Published ?? item.Updated, html), null);
        }
    }

    private static IEnumerable<IngestResult> ReadJsonLines(Stream input, string name)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        int lineNumber = 0;
        while (true)
        {
            string? line;
            string? error = null;
            try { line = reader.ReadLine(); }
            catch (InvalidDataException e) { line = null; error = $"{name}:{lineNumber + 1}: corrupt gzip data ({e.Message}); the rest of the file is skipped."; }
            if (error is not null) { yield return new IngestResult($"{name}:{lineNumber + 1}", null, error); yield break; }
            if (line is null) yield break;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string position = $"{name}:{lineNumber}";
            if (line.Length > MaxLineChars) { yield return new IngestResult(position, null, $"{position}: line of {line.Length} characters, over the {MaxLineChars} limit."); continue; }
            yield return FromJson(line, position, $"{TextInputs.NameOf(StripGz(name))}-{lineNumber}");
        }
    }

    private static string StripGz(string name) => name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;

    private static IngestResult FromJson(string line, string position, string defaultName)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new IngestResult(position, null, $"{position}: expected a JSON object, found {root.ValueKind}.");
            string? url = Str(root, "url"), title = Str(root, "title"), text = Str(root, "text"), html = Str(root, "html");
            string? id = Str(root, "id");
            PageDate? published = null;
            if (Str(root, "published") is { } p)
            {
                if (!DateReader.TryParseIso(p, DateSource.Given, out published))
                    return new IngestResult(position, null, $"{position}: \"published\": '{p}' is not an ISO 8601 date (YYYY-MM-DD, optionally with a time).");
            }
            string docName = id ?? defaultName;
            if (text is not null)
                return new IngestResult(position, new IngestItem(docName, position, text, url, title, published, html), null);
            if (html is not null)
            {
                var article = HtmlArticleExtractor.Extract(html, url);
                if (article.Text.Length == 0) return new IngestResult(position, null, $"{position}: no article text found in \"html\".");
                return new IngestResult(position, new IngestItem(docName, position, article.Text, url ?? article.Metadata.CanonicalUrl,
                    title ?? article.Metadata.Title, published ?? article.Metadata.Published, html)
                { Page = article.Metadata }, null);
            }
            return new IngestResult(position, null, $"{position}: neither \"text\" nor \"html\" is given.");
        }
        catch (JsonException e)
        {
            return new IngestResult(position, null, $"{position}: malformed JSON ({e.Message}).");
        }
        catch (InvalidOperationException e)
        {
            return new IngestResult(position, null, $"{position}: {e.Message}");
        }
    }

    private static string? Str(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new InvalidOperationException($"\"{name}\" must be a string, not {v.ValueKind}.");
        return v.GetString();
    }

    private static IngestResult FromHtml(byte[] bytes, string name)
    {
        if (bytes.Length == 0) return new IngestResult(name, null, $"{name}: empty file (0 bytes), nothing to read.");
        var article = HtmlArticleExtractor.Extract(bytes);
        if (article.Text.Length == 0) return new IngestResult(name, null, $"{name}: no article text found in the page.");
        var html = HtmlDecoding.Decode(bytes);
        var m = article.Metadata;
        return new IngestResult(name, new IngestItem(TextInputs.NameOf(StripGz(name)), name, article.Text, m.CanonicalUrl, m.Title, m.Published, html) { Page = m }, null);
    }

    private static IngestResult FromText(byte[] bytes, string name)
    {
        try
        {
            string text = TextDecoder.Decode(bytes, name);
            return new IngestResult(name, new IngestItem(TextInputs.NameOf(StripGz(name)), name, text, null, null, null, null), null);
        }
        catch (InputException e) { return new IngestResult(name, null, e.Message); }
    }

    /// <summary>Reads one stream after another (sniffed bytes, then the rest).</summary>
    private sealed class ConcatenatedStream(Stream first, Stream second) : Stream
    {
        private bool firstDone;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            if (!firstDone)
            {
                int n = first.Read(buffer);
                if (n > 0) return n;
                firstDone = true;
            }
            return second.Read(buffer);
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) { first.Dispose(); second.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
