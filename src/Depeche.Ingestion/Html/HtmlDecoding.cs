using System.Text;
using Depeche.Ingestion.Text;

namespace Depeche.Ingestion.Html;

/// <summary>
/// Turns the bytes of a saved web page into a string: byte order mark first, then the charset the page declares in its
/// first bytes (<c>&lt;meta charset&gt;</c> or <c>http-equiv</c>), then UTF-8 when the bytes are valid UTF-8, else
/// windows-1252 (what browsers assume for Western pages). Never throws on content. Thread-safe.
/// </summary>
public static class HtmlDecoding
{
    /// <summary>Bytes searched for a charset declaration (the HTML standard's prescan looks at 1024; pages with long heads put it later).</summary>
    private const int PrescanBytes = 4096;

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declared"/> is a charset from HTTP headers, if any.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declared = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        var encoding = Lookup(declared) ?? Lookup(Prescan(bytes[..Math.Min(bytes.Length, PrescanBytes)]));
        bool validUtf8 = TextDecoder.FirstInvalidUtf8(bytes) < 0;
        // a page declared Latin-1 whose bytes are valid UTF-8 with non-ASCII in them was saved as UTF-8
        if (encoding is null || encoding.CodePage == 65001 || (validUtf8 && encoding.CodePage is 1252 or 28591 && HasNonAscii(bytes)))
            encoding = validUtf8 ? Encoding.UTF8 : Encoding.GetEncoding(1252);
        return encoding.GetString(bytes);
    }

    private static bool HasNonAscii(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExceptInRange((byte)0, (byte)127) >= 0;

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        name = name.Trim().Trim('"', '\'').ToLowerInvariant();
        // the HTML standard reads Latin-1 and ASCII labels as windows-1252
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1") return Encoding.GetEncoding(1252);
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    private static string? Prescan(ReadOnlySpan<byte> head)
    {
        int at = 0;
        while (at < head.Length)
        {
            int i = IndexOfIgnoreCase(head[at..], "charset"u8);
            if (i < 0) return null;
            int p = at + i + 7;
            while (p < head.Length && head[p] is (byte)' ' or (byte)'\t') p++;
            if (p < head.Length && head[p] == (byte)'=')
            {
                p++;
                while (p < head.Length && head[p] is (byte)' ' or (byte)'"' or (byte)'\'') p++;
                int start = p;
                while (p < head.Length && (char.IsAsciiLetterOrDigit((char)head[p]) || head[p] is (byte)'-' or (byte)'_' or (byte)':' or (byte)'.')) p++;
                if (p > start) return Encoding.ASCII.GetString(head[start..p]);
            }
            at = p;
        }
        return null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (int i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < lowerNeedle.Length && (haystack[i + j] | 0x20) == lowerNeedle[j]) j++;
            if (j == lowerNeedle.Length) return i;
        }
        return -1;
    }
}
