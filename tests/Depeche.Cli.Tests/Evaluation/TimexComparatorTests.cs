using Depeche.Cli.Evaluation;

namespace Depeche.Cli.Tests.Evaluation;

/// <summary>The comparator of <c>depeche eval times</c> maps other systems' TIMEX onto ours and accepts nothing wrong.</summary>
public class TimexComparatorTests
{
    private static OurTime Day(string value, int? tolerance = null) => new(0, 1, "DATE", value, null, null, tolerance);
    private static OurTime Range(string begin, string end) => new(0, 1, "DATE", null, begin, end, null);

    [Theory]
    [InlineData("2016-11-07", "2016-11-07", true)]
    [InlineData("2016-11-07T15:00", "2016-11-07", true)]     // a time of day against their day
    [InlineData("P1W", "P7D", true)]                         // equal lengths
    [InlineData("P1W", "P6D", false)]
    [InlineData("2016-11", "(2016-11-01,2016-12-01,P1M)", true)] // our month names their period
    [InlineData("2016-11", "(2016-11-01,2016-11-30,P29D)", false)]
    [InlineData("2016-11-08", "2016-11-07", false)]
    public void Values_match_only_when_they_say_the_same(string ours, string theirs, bool expected) =>
        Assert.Equal(expected, TimexComparator.ValueMatches(Day(ours), theirs));

    [Fact]
    public void An_approximate_day_matches_the_period_it_lies_in()
    {
        Assert.True(TimexComparator.PeriodMatches(Day("2016-03-26", 5), "2016-03-01", "2016-04-01"));
        Assert.False(TimexComparator.PeriodMatches(Day("2016-03-26"), "2016-03-01", "2016-04-01")); // exact days are no periods
        Assert.False(TimexComparator.PeriodMatches(Day("2016-04-02", 5), "2016-03-01", "2016-04-01"));
    }

    [Theory]
    [InlineData("2016-04-02", "XXXX-04-02", true)]
    [InlineData("2016-W45", "XXXX-WXX", true)]
    [InlineData("2016", "XXXX", true)]
    [InlineData("2016-04-03", "XXXX-04-02", false)]   // every digit they state must be ours
    [InlineData("2016-04", "XXXX-04-02", false)]      // and the shape
    [InlineData("2016-04-02", "2016-04-02", false)]   // without an X this rule says nothing (ValueMatches does)
    [InlineData("XXXX-04-02", "XXXX-04-02", false)]   // an X of ours is no digit
    public void A_timex_with_x_is_compared_digit_by_digit(string ours, string theirs, bool expected) =>
        Assert.Equal(expected, TimexComparator.PatternMatches(Day(ours), theirs));

    [Fact]
    public void A_period_with_x_needs_both_ends()
    {
        Assert.True(TimexComparator.PatternMatches(Range("2016-04-02", "2016-04-07"), "(XXXX-04-02,XXXX-04-07,P5D)"));
        Assert.False(TimexComparator.PatternMatches(Range("2016-04-02", "2016-04-08"), "(XXXX-04-02,XXXX-04-07,P5D)"));
        Assert.False(TimexComparator.PatternMatches(Range("2016-11-07", "2016-11-15"), "(2019-04-23,XXXX-11-15,P206D)"));
        Assert.False(TimexComparator.PatternMatches(Day("2016-04-02"), "(XXXX-04-02,XXXX-04-07,P5D)"));
    }

    [Fact]
    public void A_season_of_no_stated_year_is_that_season_in_our_year()
    {
        Assert.True(TimexComparator.ValueMatches(Day("2017-08-06", 46), "SU"));   // "l'été": our mid-summer point
        Assert.False(TimexComparator.ValueMatches(Day("2017-07-14"), "SU"));       // an exact day is no season
        Assert.False(TimexComparator.ValueMatches(Day("2017-05-06", 46), "SU"));  // spring is no summer
        Assert.True(TimexComparator.ValueMatches(Day("2017-01-15", 40), "WI"));   // winter that began in December 2016
        Assert.True(TimexComparator.ValueMatches(Day("2016-12-28", 40), "WI"));   // or that begins in December of our year
    }

    [Fact]
    public void An_approximate_point_fits_a_month_of_no_stated_year()
    {
        Assert.True(TimexComparator.PatternMatches(Day("2016-03-26", 5), "XXXX-03"));  // "fin de mars"
        Assert.False(TimexComparator.PatternMatches(Day("2016-04-02", 5), "XXXX-03"));
        Assert.False(TimexComparator.PatternMatches(Day("2016-03-26"), "XXXX-03"));    // an exact day is no month
    }
}
