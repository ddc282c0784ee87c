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

        var output = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 8);
        output.Append(text, 0, first);
        for (int i = 0; i < first; i++) map.Add(i);

        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '\u201B':
                    Emit('\'', i); break;
                case '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\u2004'
                    or '\u2005' or '\u2006' or '\u2008' or '\u3000':
                    Emit(' ', i); break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2212':
                    Emit('-', i); break;
                case '\u0153': Emit('o', i); Emit('e', i); break;
                case '\u0152': Emit('O', i); Emit(char.IsUpper(Peek(text, i + 1)) ? 'E' : 'e', i); break;
                case '\u00E6': Emit('a', i); Emit('e', i); break;
                case '\u00C6': Emit('A', i); Emit(char.IsUpper(Peek(text, i + 1)) ? 'E' : 'e', i); break;
                case '\uFB00': Emit('f', i); Emit('f', i); break;
                case '\uFB01': Emit('f', i); Emit('i', i); break;
                case '\uFB02': Emit('f', i); Emit('l', i); break;
                case '\uFB03': Emit('f', i); Emit('f', i); Emit('i', i); break;
                case '\uFB04': Emit('f', i); Emit('f', i); Emit('l', i); break;
                case '\r':
                    // CRLF is one line end; the LF that follows is dropped and the \n maps to the CR
                    Emit('\n', i);
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    break;
                case '\u2028' or '\u2029' or '\u0085':
                    Emit('\n', i); break;
                case '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD':
                    break; // dropped: the next view character maps past it
                default:
                    if (IsCombining(c) && output.Length > 0)
                    {
                        // NFD "e" + U+0301: compose with the previous view character when NFC has one form for it
                        string composed = string.Concat(output[^1], c).Normalize(NormalizationForm.FormC);
                        if (composed.Length == 1) { output[^1] = composed[0]; break; }
                    }
                    Emit(c, i);
                    break;
            }
        }
        map.Add(text.Length);
        return new NormalizedText(output.ToString(), [.. map]);

        void Emit(char c, int source)
        {
            output.Append(c);
            map.Add(source);
        }
    }

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';

    private static bool IsCombining(char c) => c is >= '\u0300' and <= '\u036F';
}
