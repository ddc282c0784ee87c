using Depeche.Testing;

namespace Depeche.French.Tests.Segmentation;

/// <summary>The founding dispatch, read from ../shared at test time (never copied into the repository).</summary>
public class SeedSegmentationTests
{
    [SkippableFact]
    public void Seed_has_nine_story_sentences_then_a_credit_and_page_furniture()
    {
        var text = File.ReadAllText(SharedData.Require("eval/dev/seed-0001.txt"));
        var d = FrenchPipeline.Instance.Process(new Document("seed-0001", text));
        LayerInvariants.AssertWellFormed(d);
        var story = d.Sentences.Where(s => s.IsStory).ToList();
        Assert.Equal(9, story.Count);
        Assert.All(story, s => Assert.Equal(SegmentKind.Sentence, s.Kind));
        // each story sentence is one line of the dispatch, whole
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(lines.Take(9), story.Select(s => d.Slice(s.Span)));
        Assert.Equal([SegmentKind.Credit, SegmentKind.Boilerplate], d.Sentences.Skip(9).Select(s => s.Kind));
        Assert.Equal(["AFP"], d.Credits);
    }
}
