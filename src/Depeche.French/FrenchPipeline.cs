using Depeche.French.Normalization;
using Depeche.French.Quotes;
using Depeche.French.Segmentation;
using Depeche.French.Tagging;
using Depeche.French.Times;
using Depeche.Pipeline;

namespace Depeche.French;

/// <summary>The French pipeline in stage order. The built pipeline is immutable and serves every thread.</summary>
public static class FrenchPipeline
{
    private static readonly Lazy<DocumentPipeline> Default = new(() => CreateBuilder().Build());

    /// <summary>The stages in order: normalise → tokens → sentences (later stages are added here as they land).</summary>
    public static PipelineBuilder CreateBuilder() => new PipelineBuilder()
        .Add(new TextNormalizer())
        .Add(new Tokenizer())
        .Add(new SentenceSplitter())
        .Add(new PosTagger())
        .Add(new Entities.EntityRecognizer())
        .Add(new Entities.EntityGrouper())
        .Add(new Actors.ActorResolver())
        .Add(new TimeTagger(TimeLexicon.Default, TaggedTenseReader.Default))
        .Add(new QuoteFinder())
        .Add(new Events.EventExtractor(Events.EventLexicon.French, Events.GazetteerActorLexicon.French));

    /// <summary>The shared default pipeline, built on first use.</summary>
    public static DocumentPipeline Instance => Default.Value;
}
