using Depeche.Linking;

namespace Depeche.Linking.Tests.Linking;

public class EventFamiliesTests
{
    [Fact]
    public void The_shipped_families_keep_calls_apart_from_meetings_and_join_fighting_with_assaults()
    {
        var f = EventFamilies.Default;
        Assert.Equal(TypeMatch.Same, f.Match("CONSULT", "meet", "CONSULT", "meet"));
        Assert.Equal(TypeMatch.Family, f.Match("CONSULT", "meet", "CONSULT", "negotiate"));
        Assert.Equal(TypeMatch.Incompatible, f.Match("CONSULT", "meet", "CONSULT", "telephone"));
        Assert.Equal(TypeMatch.ModeMissing, f.Match("CONSULT", null, "CONSULT", "telephone"));
        Assert.Equal(TypeMatch.Family, f.Match("ASSAULT", "bombing", "FIGHT", null));
        Assert.Equal(TypeMatch.Incompatible, f.Match("SANCTION", "expel", "SANCTION", "recall"));
        Assert.Equal(f.Group("ASSAULT"), f.Group("FIGHT"));
        Assert.NotEqual(f.Group("CONSULT"), f.Group("AGREE"));
        Assert.True(f.PlaceBound("PROTEST"));
        Assert.False(f.PlaceBound("CONSULT"));
    }

    [Fact]
    public void A_bad_line_is_reported_with_its_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => EventFamilies.Parse("# header\nCONSULT\tmeet\ttalks\tconflict\nCONSULT\tcall\n", "test.tsv"));
        Assert.StartsWith("test.tsv:3:", e.Message, StringComparison.Ordinal);
    }
}
