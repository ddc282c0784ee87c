namespace Depeche.Pipeline;

/// <summary>Composes stages top to bottom; <see cref="Build"/> checks once that each stage's inputs come from an earlier one.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> stages = [];

    public PipelineBuilder Add(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        stages.Add(stage);
        return this;
    }

    /// <exception cref="InvalidOperationException">A stage needs a layer that no earlier stage adds.</exception>
    public DocumentPipeline Build()
    {
        var available = Layers.None;
        foreach (var stage in stages)
        {
            var missing = stage.Requires & ~available;
            if (missing != Layers.None)
                throw new InvalidOperationException($"{stage.GetType().Name} needs {missing}, which no earlier stage adds.");
            available |= stage.Adds;
        }
        return new DocumentPipeline([.. stages], available);
    }
}

/// <summary>An ordered, validated chain of stages. Thread-safe: stages are immutable, documents are not shared.</summary>
public sealed class DocumentPipeline
{
    private readonly IStage[] stages;

    internal DocumentPipeline(IStage[] stages, Layers adds)
    {
        this.stages = stages;
        Adds = adds;
    }

    /// <summary>Every layer the pipeline adds.</summary>
    public Layers Adds { get; }

    public IReadOnlyList<IStage> Stages => stages;

    /// <summary>Runs every stage over <paramref name="document"/> in order.</summary>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in stages)
        {
            stage.Process(document);
            document.Present |= stage.Adds;
        }
        return document;
    }
}
