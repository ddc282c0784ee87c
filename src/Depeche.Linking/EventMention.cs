namespace Depeche.Linking;

/// <summary>
/// One document-level event as the store keeps it: the event the pipeline extracted (<see cref="Event"/>, whose
/// spans point into the document's text), where it was read, and the evidence text needed to show it without the
/// document at hand. This is the unit the linker joins into <see cref="Story"/> records.
/// </summary>
/// <param name="Key">Stable key of the mention, unique in a store: <c>DOCUMENT#INDEX</c>.</param>
/// <param name="Document">Document name (input file name without extension, or its id).</param>
/// <param name="Index">Position of the event in the document's <see cref="Depeche.Document.Events"/>.</param>
/// <param name="Outlet">Outlet that published the document (AFP, Le Monde…), when known.</param>
/// <param name="Url">Source URL, when known.</param>
/// <param name="Published">Publication date of the document (the DCT), when known.</param>
/// <param name="Event">The extracted event.</param>
/// <param name="TriggerText">Text of the trigger span.</param>
/// <param name="SentenceText">Text of the sentence holding the trigger.</param>
public sealed record EventMention(
    string Key,
    string Document,
    int Index,
    string? Outlet,
    string? Url,
    DateOnly? Published,
    Event Event,
    string TriggerText,
    string SentenceText)
{
    /// <summary>The key a store uses for event <paramref name="index"/> of document <paramref name="document"/>.</summary>
    public static string MakeKey(string document, int index) => $"{document}#{index}";
}
