using System.Text;

namespace Depeche.Ingestion.Text;

/// <summary>A piece of a large text: its characters and where they start in the whole text (UTF-16 offset).</summary>
public readonly record struct TextSection(string Text, long Offset, int Index);

/// <summary>
/// Reads a text too large to hold as one document in sections that end at a line break, so memory stays bounded by
/// the section size whatever the file size. Each section is processed as a document of its own whose offsets are
/// shifted by <see cref="TextSection.Offset"/>.
/// </summary>
public static class SectionReader
{
    /// <summary>Above this many bytes, a file is read in sections rather than as one document.</summary>
    public const long WholeDocumentLimit = 16L * 1024 * 1024;

    /// <summary>Target characters per section: large enough that cutting at a line break rarely splits a story.</summary>
    public const int SectionChars = 4 * 1024 * 1024;

    /// <summary>The sections of <paramref name="stream"/> decoded as UTF-8 (strict unless <paramref name="invalid"/> says replace).</summary>
    public static IEnumerable<TextSection> Read(Stream stream, string name, InvalidBytes invalid = InvalidBytes.Fail, int sectionChars = SectionChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sectionChars, 16);
        var encoding = new UTF8Encoding(false, invalid == InvalidBytes.Fail);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var buffer = new char[sectionChars];
        int filled = 0;
        long offset = 0;
        int index = 0;
        while (true)
        {
            int read;
            try
            {
                read = reader.Read(buffer, filled, buffer.Length - filled);
            }
            catch (DecoderFallbackException e)
            {
                throw new InputException($"{name}: invalid UTF-8 near character offset {offset + filled} (byte index {e.Index} in the current block); " +
                    "convert the file to UTF-8, or pass --invalid-bytes replace.");
            }
            filled += read;
            bool end = read == 0;
            if (filled == 0) yield break;
            if (!end && filled < buffer.Length) continue;
            int cut = end ? filled : Array.LastIndexOf(buffer, '\n', filled - 1, filled) + 1;
            if (cut <= 0) cut = filled; // no line break in a whole section: cut anyway, bounded memory wins
            if (char.IsHighSurrogate(buffer[cut - 1]) && cut < filled) cut++;
            yield return new TextSection(new string(buffer, 0, cut), offset, index++);
            offset += cut;
            Array.Copy(buffer, cut, buffer, 0, filled - cut);
            filled -= cut;
            if (end && filled == 0) yield break;
        }
    }
}
