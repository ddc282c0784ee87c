using System.Text;

namespace Depeche.Ingestion.Text;

/// <summary>What to do with bytes that are not valid in the detected encoding.</summary>
public enum InvalidBytes
{
    /// <summary>Fail with the byte offset of the first invalid sequence (default).</summary>
    Fail,
    /// <summary>Replace each invalid sequence with U+FFFD and go on.</summary>
    Replace,
}

/// <summary>
/// Turns the bytes of a text file into a string: UTF-8 (with or without BOM) or UTF-16 LE/BE with BOM;
/// refuses empty and binary input. Thread-safe (stateless).
/// </summary>
public static class TextDecoder
{
    // Bytes inspected to tell binary from text: enough to cover a header, small enough to be instant.
    private const int SniffLength = 8192;

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="name"/> names the input in errors.</summary>
    /// <exception cref="InputException">Empty, binary, or invalid in its encoding (with <see cref="InvalidBytes.Fail"/>).</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string name, InvalidBytes invalid = InvalidBytes.Fail)
    {
        if (bytes.IsEmpty) throw new InputException($"{name}: empty file (0 bytes), nothing to read.");
        Encoding encoding;
        int bom;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { encoding = Utf8(invalid); bom = 3; }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { encoding = new UnicodeEncoding(false, false, invalid == InvalidBytes.Fail); bom = 2; }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { encoding = new UnicodeEncoding(true, false, invalid == InvalidBytes.Fail); bom = 2; }
        else
        {
            encoding = Utf8(invalid);
            bom = 0;
            int nul = bytes[..Math.Min(bytes.Length, SniffLength)].IndexOf((byte)0);
            if (nul >= 0)
                throw new InputException($"{name}: binary file (NUL byte at offset {nul}); expected UTF-8 or UTF-16 text with a BOM.");
        }
        var body = bytes[bom..];
        if (body.IsEmpty) throw new InputException($"{name}: empty file (only a byte order mark), nothing to read.");
        if (invalid == InvalidBytes.Fail && encoding is UTF8Encoding)
        {
            int offset = FirstInvalidUtf8(body);
            if (offset >= 0)
                throw new InputException($"{name}: invalid UTF-8 at byte offset {offset + bom} (byte 0x{body[offset]:X2}); " +
                    "convert the file to UTF-8, or pass --invalid-bytes replace to read it with U+FFFD in place of bad bytes.");
        }
        try
        {
            string text = encoding.GetString(body);
            if (text.Trim().Length == 0) throw new InputException($"{name}: the file holds only white space, nothing to read.");
            return text;
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException($"{name}: invalid {encoding.WebName} at byte offset {e.Index + bom}.");
        }
    }

    /// <summary>Offset of the first byte that starts an invalid UTF-8 sequence, or -1.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
            // ASCII runs are the common case: skip them at once
            int ascii = bytes[offset..].IndexOfAnyExceptInRange((byte)0, (byte)127);
            if (ascii < 0) return -1;
            offset += ascii;
        }
        return -1;
    }

    private static UTF8Encoding Utf8(InvalidBytes invalid) => new(false, invalid == InvalidBytes.Fail);
}
