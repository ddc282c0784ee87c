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
        // "le sommet de l'Otan prévu en juillet" (published in May: this July), "la réunion, programmée le 3 mai, a été
        // annulée" (published on 10 May: last week): a bare participle of a plan says nothing of the direction, and the
        // past participle must not send it back a year; the nearest occurrence it is
        if (token > sentence.FirstToken && PlannedBefore(document, sentence, token)) return Tense.Unknown;
        return reading.Tense switch
        {
            TenseReading.Past => Tense.Past,
            TenseReading.Present => Tense.Present,
            TenseReading.Future => Tense.Future,
            _ => fallback.Read(document, sentence, expression),
        };
    }

    // A bare participle of a plan right before the expression, two words at most between ("prévu en juillet",
    // "programmée le 3 mai", "prévue pour le 20").
    private static bool PlannedBefore(Document document, in Sentence sentence, int token)
    {
        for (int k = token - 1; k >= sentence.FirstToken && k >= token - 3; k--)
            if (VerbTenseReader.Default.PlannedAlone(document, k, sentence.FirstToken)) return true;
        return false;
    }
}
