using Depeche.Text;

namespace Depeche;

/// <summary>Who said a quotation: an entity, a name, or an unnamed description ("une source russe").</summary>
public sealed class Speaker
{
    /// <summary>Id of the entity in <see cref="Document.Entities"/>, when there is one.</summary>
    public string? Entity { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Country { get; init; }
    public TextSpan? Span { get; init; }
}

/// <summary>A direct or reported quotation.</summary>
public sealed class Quote
{
    public required TextSpan Span { get; init; }
    /// <summary>The quoted words without an incise that interrupts them ("« A, a-t-il dit, B »" → A and B); empty when uninterrupted.</summary>
    public IReadOnlyList<TextSpan> Parts { get; init; } = [];
    public required bool Direct { get; init; }
    public Speaker? Speaker { get; init; }
    /// <summary>Lemma of the reporting verb ("préciser").</summary>
    public string? Verb { get; init; }
    public TextSpan? VerbSpan { get; init; }
    /// <summary>When it was said (calendar value), else null.</summary>
    public string? Date { get; init; }
    /// <summary>The medium it was said to ("l'agence Ria Novosti"), when cited.</summary>
    public string? Medium { get; init; }
}
