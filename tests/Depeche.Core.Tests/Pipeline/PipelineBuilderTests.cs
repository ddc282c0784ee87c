using Depeche.Pipeline;

namespace Depeche.Core.Tests.Pipeline;

public class PipelineBuilderTests
{
    private sealed class Stage(Layers requires, Layers adds) : IStage
    {
        public int Calls;
        public Layers Requires => requires;
        public Layers Adds => adds;
        public void Process(Document document) => Calls++;
    }

    [Fact]
    public void Build_refuses_a_stage_whose_input_no_earlier_stage_adds()
    {
        var builder = new PipelineBuilder().Add(new Stage(Layers.Tokens, Layers.Quotes));
        var error = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("Tokens", error.Message);
    }

    [Fact]
    public void Process_runs_stages_in_order_and_records_their_layers()
    {
        var first = new Stage(Layers.None, Layers.Tokens);
        var second = new Stage(Layers.Tokens, Layers.Sentences);
        var pipeline = new PipelineBuilder().Add(first).Add(second).Build();
        var document = pipeline.Process(new Document("d", "Texte."));
        Assert.Equal(1, first.Calls);
        Assert.Equal(1, second.Calls);
        Assert.Equal(Layers.Tokens | Layers.Sentences, document.Present);
    }
}
