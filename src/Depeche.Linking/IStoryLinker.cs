namespace Depeche.Linking;

/// <summary>One reason for a linking decision, with the score it contributed, for <c>depeche why</c>.</summary>
public sealed record LinkReason(string Feature, double Weight, string Explanation);

/// <summary>
/// Why a mention joined a story (or started a new one): the best candidate story, the score against it, and the
/// reasons that made it up. Stores keep it so that <c>depeche why EVENT</c> can replay the decision.
/// </summary>
/// <param name="Mention">Key of the mention that was linked.</param>
/// <param name="Story">Id of the story it now belongs to.</param>
/// <param name="NewStory">True when no existing story was close enough and a new one was opened.</param>
/// <param name="Score">Score against <see cref="ComparedWith"/> (0 when there was no candidate).</param>
/// <param name="ComparedWith">Best candidate story considered, if any.</param>
/// <param name="Reasons">Feature-by-feature reasons.</param>
public sealed record LinkDecision(
    string Mention,
    string Story,
    bool NewStory,
    double Score,
    string? ComparedWith,
    IReadOnlyList<LinkReason> Reasons);

/// <summary>
/// Incremental cross-document linker: mentions arrive one at a time (in any document order) and each either joins an
/// existing story or opens a new one. A store restores the linker from the stories it already holds, so linking a new
/// batch never re-reads the whole corpus. Implementations are not required to be thread-safe: the store serialises
/// calls.
/// </summary>
public interface IStoryLinker
{
    /// <summary>Stories known so far, by id.</summary>
    IReadOnlyDictionary<string, Story> Stories { get; }

    /// <summary>Re-registers an already-linked mention (when reopening a store) without re-deciding its story.</summary>
    void Restore(EventMention mention, string story);

    /// <summary>Links a new mention and updates the story it joins (agreed fields, conflicts).</summary>
    LinkDecision Link(EventMention mention);

    /// <summary>Removes every mention of a document (the document was replaced or deleted); stories left empty vanish.</summary>
    void RemoveDocument(string document);
}
