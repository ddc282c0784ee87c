using Depeche.Text;

namespace Depeche;

/// <summary>
/// A document: its original text, never altered, and the stand-off annotation layers that pipeline stages add.
/// Every span is a <c>[Start, End)</c> range of UTF-16 indexes into <see cref="Text"/>.
/// </summary>
/// <remarks>Not thread-safe: one thread processes a document at a time. Layers are replaced whole by the stage that adds them.</remarks>
public sealed class Document
{
    public Document(string id, string text, DateOnly? published = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        Published = published;
        Normalized = new NormalizedText(text, null);
    }

    /// <summary>Name of the document (file name without extension, or an id given by the caller).</summary>
    public string Id { get; }

    /// <summary>The text exactly as received.</summary>
    public string Text { get; }

    /// <summary>Publication date (document creation time) that relative times resolve against; null when unknown.</summary>
    public DateOnly? Published { get; set; }

    /// <summary>The normalised view of <see cref="Text"/>; the identity view until a normaliser runs.</summary>
    public NormalizedText Normalized { get; set; }

    /// <summary>Layers added so far.</summary>
    public Layers Present { get; set; }

    /// <summary>Segments in text order: story sentences, headlines, datelines, credits, boilerplate.</summary>
    public Sentence[] Sentences { get; set; } = [];

    /// <summary>Tokens in text order.</summary>
    public Token[] Tokens { get; set; } = [];

    /// <summary>Part of speech, morphology and lemma per token, parallel to <see cref="Tokens"/> (empty until tagged).</summary>
    public TokenTag[] Tags { get; set; } = [];

    /// <summary>Agencies credited for the text ("AFP" from "Avec AFP").</summary>
    public List<string> Credits { get; } = [];

    /// <summary>Entity mentions in text order.</summary>
    public EntityMention[] Mentions { get; set; } = [];

    /// <summary>Entities, each grouping its mentions.</summary>
    public Entity[] Entities { get; set; } = [];

    /// <summary>Demonyms naming a state's people as actors ("les Russes"), in text order.</summary>
    public CollectiveActor[] Collectives { get; set; } = [];

    /// <summary>Temporal expressions in text order.</summary>
    public TimeExpression[] Times { get; set; } = [];

    /// <summary>Quotations in text order.</summary>
    public Quote[] Quotes { get; set; } = [];

    /// <summary>Events, one per real event in the document.</summary>
    public Event[] Events { get; set; } = [];

    /// <summary>The original characters of a span.</summary>
    public ReadOnlySpan<char> this[TextSpan span] => Text.AsSpan(span.Start, span.Length);

    /// <summary>The original characters of a span as a string (for output, not for hot loops).</summary>
    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}
