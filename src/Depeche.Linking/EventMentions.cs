namespace Depeche.Linking;

/// <summary>Builds the linker's view of a processed document. Thread-safe (stateless).</summary>
public static class EventMentions
{
    /// <summary>
    /// One <see cref="EventMention"/> per event of <paramref name="document"/>, keyed <c>DOCUMENT#INDEX</c>, with the
    /// trigger and sentence text copied so that a store can show and export them without the document.
    /// </summary>
    public static IEnumerable<EventMention> From(Document document, string? outlet = null, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        for (int i = 0; i < document.Events.Length; i++)
        {
            var e = document.Events[i];
            string sentence = e.Sentence >= 0 && e.Sentence < document.Sentences.Length
                ? document[document.Sentences[e.Sentence].Span].ToString() : "";
            yield return new EventMention(EventMention.MakeKey(document.Id, i), document.Id, i, outlet, url, document.Published,
                e, document[e.Trigger].ToString(), sentence);
        }
    }
}
