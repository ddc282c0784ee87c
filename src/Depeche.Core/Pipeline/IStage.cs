namespace Depeche.Pipeline;

/// <summary>
/// One pipeline stage: reads <see cref="Requires"/>, adds <see cref="Adds"/>, changes nothing else.
/// Implementations are immutable after construction so that one instance serves all threads.
/// </summary>
public interface IStage
{
    /// <summary>Layers that must be present before this stage runs.</summary>
    Layers Requires { get; }

    /// <summary>Layers this stage adds.</summary>
    Layers Adds { get; }

    /// <summary>Adds this stage's layers to <paramref name="document"/>.</summary>
    void Process(Document document);
}
