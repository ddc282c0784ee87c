namespace Depeche.French.Events;

/// <summary>
/// Resolves words that name a state collectively — demonyms and nationality adjectives ("Russes", "américains",
/// the "russo-" of "russo-américains") — to ISO 3166-1 alpha-3 codes, and place names to their country and
/// coordinates. Implementations are immutable and thread-safe.
/// </summary>
public interface IActorLexicon
{
    /// <summary>The state a demonym, nationality adjective or compound prefix stands for.</summary>
    bool TryGetDemonym(ReadOnlySpan<char> word, out string code);

    /// <summary>
    /// The place named exactly <paramref name="name"/> ("Nanterre", "Suisse") with its country and, when known, its
    /// coordinates. The default knows no place.
    /// </summary>
    bool TryGetPlace(string name, out EventLocation location)
    {
        location = null!;
        return false;
    }
}
