using Depeche.Text;

namespace Depeche;

/// <summary>Entity types as in the evaluation schema.</summary>
public enum EntityType : byte { PER, ORG, LOC }

/// <summary>How an entity is referred to at one place in the text.</summary>
public enum MentionKind : byte
{
    /// <summary>A proper name ("Tammy Bruce", "Istanbul").</summary>
    Name,
    /// <summary>A title or description ("la porte-parole du département d'État").</summary>
    Description,
    /// <summary>A pronoun ("il", "elle").</summary>
    Pronoun,
}

/// <summary>One mention of an entity; <see cref="Entity"/> indexes <see cref="Document.Entities"/>, or -1 before grouping.</summary>
public readonly record struct EntityMention(TextSpan Span, EntityType Type, MentionKind Kind, int Entity);

/// <summary>A real-world entity with every mention of it in the document.</summary>
public sealed class Entity
{
    public required string Id { get; init; }
    public required EntityType Type { get; init; }
    /// <summary>The fullest name used in the text.</summary>
    public required string Name { get; init; }
    /// <summary>Indexes into <see cref="Document.Mentions"/>.</summary>
    public required IReadOnlyList<int> Mentions { get; init; }
    /// <summary>ISO 3166-1 alpha-3 code of the state it acts for or lies in, when known.</summary>
    public string? Country { get; set; }
    /// <summary>Role or office when the text or a gazetteer gives one ("spokesperson", "president").</summary>
    public string? Role { get; set; }
}

/// <summary>
/// A group of people named by a demonym, acting for its state ("les Russes" → RUS): not an entity, but an actor for
/// the events stage.
/// </summary>
public readonly record struct CollectiveActor(TextSpan Span, string Country);
