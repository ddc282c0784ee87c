namespace Depeche.Serialization;

/// <summary>What the JSON output includes beyond the schema's layers. Defaults: none of it, compact.</summary>
public sealed record JsonOutputOptions
{
    /// <summary>Write <c>document.text</c>.</summary>
    public bool IncludeText { get; init; }
    /// <summary>Write the <c>sentences</c> and <c>tokens</c> layers (with tags when present).</summary>
    public bool IncludeTokens { get; init; }
    /// <summary>Indent the output for reading.</summary>
    public bool Indented { get; init; }
}
