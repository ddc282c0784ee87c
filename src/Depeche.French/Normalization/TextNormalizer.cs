using System.Buffers;
using System.Text;
using Depeche.Pipeline;
using Depeche.Text;

namespace Depeche.French.Normalization;

/// <summary>
/// Builds the normalised view of a document: typographic apostrophes become <c>'</c>, non-breaking and thin
/// spaces become spaces, hyphen variants become <c>-</c>, ligatures are spelled out (œ → oe), CRLF and CR become
/// LF, the BOM and invisible characters go, and decomposed accents (NFD) are composed (NFC).
/// The original text is untouched; every view position maps back to it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TextNormalizer : IStage
{
    // Every character that the view changes or drops; text without any of them keeps the identity view.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "\u2019\u2018\u02BC\u00B4\u201B" +            // apostrophes
        "\u00A0\u202F\u2007\u2009\u200A\u2002\u2003\u2004\u2005\u2006\u2008\u3000" + // spaces
        "\u2010\u2011\u2012\u2212\u00AD" +             // hyphens, minus, soft hyphen
        "\u0153\u0152\u00E6\u00C6\uFB00\uFB01\uFB02\uFB03\uFB04" + // ligatures
        "\r\u2028\u2029\u0085\uFEFF\u200B\u200C\u200D\u2060" + // line ends, BOM, zero-width
        "\u0300\u0301\u0302\u0303\u0308\u0327\u030A\u030C\u0304\u0306\u0328"); // combining accents (NFD)

    public Layers Requires => Layers.None;
    public Layers Adds => Layers.Normalized;

    public void Process(Document document) => document.Normalized = Normalize(document.Text);

    /// <summary>The normalised view of <paramref name="text"/>.</summary>
    public static NormalizedText Normalize(string text)
    {
        int first = text.AsSpan().IndexOfAny(Special);
        if (first < 0) return new NormalizedText(text, null);
        var builder = new ViewBuilder(text.Length);
        try
        {
            int i = 0;
            while (true)
            {
                // copy the run of unchanged characters in bulk, then handle one special character
                int run = i == 0 ? first : text.AsSpan(i).IndexOfAny(Special);
                if (run < 0) run = text.Length - i;
                builder.Copy(text.AsSpan(i, run), i);
                i += run;
                if (i >= text.Length) break;
                i = Rewrite(text, i, ref builder);
            }
            return builder.ToView(text.Length);
        }
        finally
        {
            builder.Release();
        }
    }

    // Writes the view of the special character at i; returns the next source index.
    private static int Rewrite(string text, int i, ref ViewBuilder output)
    {
        char c = text[i];
        switch (c)
        {
            case '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '\u201B':
                output.Emit('\'', i); break;
            case '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\u2004'
                or '\u2005' or '\u2006' or '\u2008' or '\u3000':
                output.Emit(' ', i); break;
            case '\u2010' or '\u2011' or '\u2012' or '\u2212':
                output.Emit('-', i); break;
            case '\u0153': output.Emit('o', i); output.Emit('e', i); break;
            case '\u0152': output.Emit('O', i); output.Emit(char.IsUpper(Peek(text, i + 1)) ? 'E' : 'e', i); break;
            case '\u00E6': output.Emit('a', i); output.Emit('e', i); break;
            case '\u00C6': output.Emit('A', i); output.Emit(char.IsUpper(Peek(text, i + 1)) ? 'E' : 'e', i); break;
            case '\uFB00': output.Emit('f', i); output.Emit('f', i); break;
            case '\uFB01': output.Emit('f', i); output.Emit('i', i); break;
            case '\uFB02': output.Emit('f', i); output.Emit('l', i); break;
            case '\uFB03': output.Emit('f', i); output.Emit('f', i); output.Emit('i', i); break;
            case '\uFB04': output.Emit('f', i); output.Emit('f', i); output.Emit('l', i); break;
            case '\r':
                // CRLF is one line end; the LF that follows is dropped and the \n maps to the CR
                output.Emit('\n', i);
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                break;
            case '\u2028' or '\u2029' or '\u0085':
                output.Emit('\n', i); break;
            case '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD':
                break; // dropped: the next view character maps past it
            default:
                // a lone surrogate cannot be normalised (string.Normalize throws): leave the accent as it is
                if (IsCombining(c) && output.Length > 0 && !char.IsSurrogate(output.Last))
                {
                    // NFD "e" + U+0301: compose with the previous view character when NFC has one form for it
                    string composed = string.Concat(output.Last, c).Normalize(NormalizationForm.FormC);
                    if (composed.Length == 1) { output.Last = composed[0]; break; }
                }
                output.Emit(c, i);
                break;
        }
        return i + 1;
    }

    // The view's characters and their source offsets, in pooled buffers (no per-character allocation).
    private struct ViewBuilder(int capacity)
    {
        private char[] chars = ArrayPool<char>.Shared.Rent(capacity + 16);
        private int[] map = ArrayPool<int>.Shared.Rent(capacity + 17);

        public int Length { get; private set; }

        public char Last
        {
            readonly get => chars[Length - 1];
            set => chars[Length - 1] = value;
        }

        public void Copy(ReadOnlySpan<char> run, int source)
        {
            Reserve(run.Length);
            run.CopyTo(chars.AsSpan(Length));
            var indexes = map.AsSpan(Length, run.Length);
            for (int k = 0; k < indexes.Length; k++) indexes[k] = source + k;
            Length += run.Length;
        }

        public void Emit(char c, int source)
        {
            Reserve(1);
            chars[Length] = c;
            map[Length++] = source;
        }

        public readonly NormalizedText ToView(int sourceLength)
        {
            var offsets = new int[Length + 1];
            map.AsSpan(0, Length).CopyTo(offsets);
            offsets[Length] = sourceLength;
            return new NormalizedText(new string(chars, 0, Length), offsets);
        }

        public void Release()
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<int>.Shared.Return(map);
            chars = [];
            map = [];
        }

        // ligatures expand ("ﬃ" → "ffi"): grow when the view outruns the source
        private void Reserve(int more)
        {
            if (Length + more + 1 <= chars.Length && Length + more + 1 <= map.Length) return;
            int size = Math.Max(chars.Length * 2, Length + more + 16);
            var biggerChars = ArrayPool<char>.Shared.Rent(size);
            var biggerMap = ArrayPool<int>.Shared.Rent(size + 1);
            chars.AsSpan(0, Length).CopyTo(biggerChars);
            map.AsSpan(0, Length).CopyTo(biggerMap);
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<int>.Shared.Return(map);
            chars = biggerChars;
            map = biggerMap;
        }
    }

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';

    private static bool IsCombining(char c) => c is >= '\u0300' and <= '\u036F';
}
