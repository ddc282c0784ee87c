using Depeche.Text;

namespace Depeche.Core.Tests.Text;

public class NormalizedTextTests
{
    [Fact]
    public void Identity_view_maps_spans_to_themselves()
    {
        var view = new NormalizedText("abc", null);
        Assert.Equal(new TextSpan(1, 3), view.ToSource(new TextSpan(1, 3)));
    }

    [Fact]
    public void Map_must_have_one_entry_per_character_plus_the_end()
    {
        Assert.Throws<ArgumentException>(() => new NormalizedText("abc", [0, 1, 2]));
    }

    [Fact]
    public void Span_inside_an_expansion_covers_the_source_character()
    {
        // "œ" (source 0..1) became "oe" in the view: the view span of "o" alone still maps to the whole "œ"
        var view = new NormalizedText("oeuf", [0, 0, 1, 2, 3]);
        Assert.Equal(new TextSpan(0, 1), view.ToSource(new TextSpan(0, 1)));
        Assert.Equal(new TextSpan(0, 3), view.ToSource(new TextSpan(0, 4)));
    }

    [Theory]
    [InlineData(0, 5, 0, 5, true)]
    [InlineData(0, 5, 5, 7, false)] // half-open: touching spans do not overlap
    [InlineData(3, 4, 0, 10, true)]
    public void Overlaps_is_half_open(int a, int b, int c, int d, bool expected) =>
        Assert.Equal(expected, new TextSpan(a, b).Overlaps(new TextSpan(c, d)));

    [Fact]
    public void ToView_inverts_the_map_for_token_spans()
    {
        // source "cœur x" (6 chars) → view "coeur x" (7): "œ" at 1 became "oe" at 1..3
        var view = new NormalizedText("coeur x", [0, 1, 1, 2, 3, 4, 5, 6]);
        Token[] tokens = [new(new TextSpan(0, 4), TokenKind.Word), new(new TextSpan(5, 6), TokenKind.Word)];
        Assert.Equal([new TextSpan(0, 5), new TextSpan(6, 7)], view.ToView(tokens));
    }
}
