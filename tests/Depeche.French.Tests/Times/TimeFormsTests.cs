using Depeche.Testing;

namespace Depeche.French.Tests.Times;

/// <summary>General French forms added in the second time round (sentences written for these tests).</summary>
public class TimeFormsTests
{
    private static TimeExpression[] Times(string text)
    {
        var d = FrenchPipeline.Instance.Process(new Document("t", text, new DateOnly(2025, 4, 10)));
        LayerInvariants.AssertWellFormed(d);
        return d.Times;
    }

    [Theory]
    [InlineData("Le taux de l'emprunt est fixé à 3 1/4 % par an.")]
    [InlineData("Le rendement atteint 1/2% sur dix ans.")]
    public void A_fraction_is_no_date(string text) =>
        Assert.DoesNotContain(Times(text), t => t.Value is not null && t.Value.Contains("-0", StringComparison.Ordinal));

    [Fact]
    public void A_slashed_day_and_month_is_still_a_date() =>
        Assert.Contains(Times("La séance du 3/4 a été reportée."), t => t.Value == "2025-04-03");

    [Theory]
    [InlineData("Les négociateurs ont obtenu trois jours de plus pour conclure.", "trois jours de plus", "P3D")]
    [InlineData("Le chantier durera un an de moins que prévu.", "un an de moins", "P1Y")]
    public void A_length_added_or_taken_is_one_duration(string text, string span, string value)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(span, text[t.Span.Start..t.Span.End]);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Les ventes ont doublé entre le 3 mars et maintenant.", "2025-03-03")]
    [InlineData("Les prix ont grimpé de 2019 à maintenant.", "2019")]
    [InlineData("Le site est fermé depuis le 2 février jusqu'à maintenant.", "2025-02-02")]
    public void Maintenant_ends_a_range_at_the_publication_day(string text, string begin)
    {
        var times = Times(text);
        Assert.Equal(2, times.Length);
        Assert.All(times, t => Assert.Equal(begin, t.Begin));
        Assert.All(times, t => Assert.Equal("2025-04-10", t.End));
    }

    [Fact]
    public void Maintenant_alone_is_no_date() => Assert.Empty(Times("Il faut agir maintenant et sans attendre."));
}
