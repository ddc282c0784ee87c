using Depeche.French.Tagging;
using Depeche.Text;

namespace Depeche.French.Times;

/// <summary>
/// Reads the governing verb's tense from the part-of-speech tags (<see cref="ClauseTense"/>): compound tenses,
/// passives and inversions as the tagger sees them. Where the tags give no finite verb, or a conditional (which can
/// look back, "aurait été modifié jeudi", or ahead, "devrait arriver jeudi"), the word-based
/// <see cref="VerbTenseReader"/> decides. Thread-safe.
/// </summary>
public sealed class TaggedTenseReader(ITenseReader fallback) : ITenseReader
{
    private static readonly Lazy<TaggedTenseReader> shared = new(() => new TaggedTenseReader(VerbTenseReader.Default));

    /// <summary>The reader over the default word-based fallback.</summary>
    public static TaggedTenseReader Default => shared.Value;

    public Tense Read(Document document, in Sentence sentence, TextSpan expression)
    {
        if (document.Tags.Length != document.Tokens.Length) return fallback.Read(document, sentence, expression);
        int token = sentence.FirstToken;
        while (token < sentence.EndToken && document.Tokens[token].Span.End <= expression.Start) token++;
        var reading = ClauseTense.At(document, Math.Min(token, sentence.EndToken - 1));
        // a word of the expression itself tagged as a verb ("début mai" read as a participle) governs nothing
        if (reading.Verb >= 0 && reading.Verb < document.Tokens.Length && document.Tokens[reading.Verb].Span.Start >= expression.Start
            && document.Tokens[reading.Verb].Span.End <= expression.End)
            return fallback.Read(document, sentence, expression);
        // "est prévu le 20": a plan in the present looks ahead, whatever the passive's tags say
        if (reading.Verb >= 0 && VerbTenseReader.Default.Planned(document, reading.Verb, sentence.EndToken) is var planned && planned != Tense.Unknown)
            return planned;
        return reading.Tense switch
        {
            TenseReading.Past => Tense.Past,
            TenseReading.Present => Tense.Present,
            TenseReading.Future => Tense.Future,
            _ => fallback.Read(document, sentence, expression),
        };
    }
}
