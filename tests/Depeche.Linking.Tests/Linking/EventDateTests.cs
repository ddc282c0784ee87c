using Depeche.Linking;

namespace Depeche.Linking.Tests.Linking;

public class EventDateTests
{
    [Theory]
    [InlineData("2025-04-10", "2025-04-10", "2025-04-10", DateGranularity.Day)]
    [InlineData("2025-04-10T15:00", "2025-04-10", "2025-04-10", DateGranularity.Day)]
    [InlineData("2025-04", "2025-04-01", "2025-04-30", DateGranularity.Month)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", DateGranularity.Month)]
    [InlineData("2025", "2025-01-01", "2025-12-31", DateGranularity.Year)]
    [InlineData("2025-W15", "2025-04-07", "2025-04-13", DateGranularity.Week)]
    [InlineData("2025-Q2", "2025-04-01", "2025-06-30", DateGranularity.Quarter)]
    [InlineData("2025-H2", "2025-07-01", "2025-12-31", DateGranularity.Half)]
    public void Values_cover_the_days_their_granularity_says(string value, string first, string last, DateGranularity granularity)
    {
        var d = EventDate.Parse(value)!.Value;
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), d.First);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), d.Last);
        Assert.Equal(granularity, d.Granularity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("XXXX-02-27")]
    [InlineData("P3Y")]
    [InlineData("2025-13")]
    [InlineData("2025-02-30")]
    [InlineData("2025-Q5")]
    public void Unresolved_durations_and_malformed_values_are_no_date(string? value) => Assert.Null(EventDate.Parse(value));

    [Fact]
    public void Nesting_and_gaps()
    {
        var day = EventDate.Parse("2025-04-10")!.Value;
        var month = EventDate.Parse("2025-04")!.Value;
        var next = EventDate.Parse("2025-04-11")!.Value;
        Assert.True(day.Within(month));
        Assert.False(month.Within(day));
        Assert.Equal(1, day.Gap(next));
        Assert.Equal(0, day.Gap(month));
    }
}
