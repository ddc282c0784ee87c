using Depeche.Linking;
using static Depeche.Linking.Tests.Mentions;

namespace Depeche.Linking.Tests.Linking;

public class LinkDecisionTextTests
{
    [Fact]
    public void A_join_lists_each_feature_with_its_weight()
    {
        var linker = new StoryLinker();
        linker.Link(Talks("a", "2025-03-11"));
        var text = LinkDecisionText.Format(linker.Link(Talks("b", "2025-03-11", place: "Oran", published: "2025-03-12")));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("b#0 → story s1 (joined; best candidate s1, score 2.90)", lines[0]);
        Assert.StartsWith("  type      +1.00  Same event type and mode", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  place     -0.20  Another place in the same country (Oran vs Alger, DZA)", lines[4], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);
    }

    [Fact]
    public void A_ruled_out_candidate_shows_the_veto()
    {
        var linker = new StoryLinker();
        linker.Link(Talks("a", "2025-03-11"));
        var text = LinkDecisionText.Format(linker.Link(Make("b", 0, "CONSULT", "meet", [A("ITA"), A("DZA")], date: "2025-03-11", place: "Alger", country: "DZA", published: "2025-03-11")));
        Assert.Contains("(new story; best candidate s1, score 0.00)", text, StringComparison.Ordinal);
        Assert.Contains("\n  actors     veto  Different pairs of actors", text, StringComparison.Ordinal);
    }
}
