namespace Depeche;

/// <summary>The annotation layers a <see cref="Document"/> can carry; stages declare which they read and add.</summary>
[Flags]
public enum Layers
{
    None = 0,
    /// <summary>The normalised view of the text (<see cref="Document.Normalized"/>).</summary>
    Normalized = 1 << 0,
    /// <summary>Sentences and other segments (headline, credit, boilerplate).</summary>
    Sentences = 1 << 1,
    /// <summary>Surface tokens.</summary>
    Tokens = 1 << 2,
    /// <summary>Part of speech, morphology and lemma per token.</summary>
    Tags = 1 << 3,
    /// <summary>Entity mentions and the entities they group into.</summary>
    Entities = 1 << 4,
    /// <summary>Temporal expressions resolved to calendar values.</summary>
    Times = 1 << 5,
    /// <summary>Direct and reported quotations with speakers.</summary>
    Quotes = 1 << 6,
    /// <summary>Events with arguments.</summary>
    Events = 1 << 7,
    /// <summary>Entities resolved to the state or body they act for.</summary>
    Actors = 1 << 8,
}
