using Depeche.French.Tests.Entities;

namespace Depeche.French.Tests.Actors;

public class ActorResolverTests
{
    private static Entity Named(Document d, string name) => Assert.Single(d.Entities, e => e.Name == name);

    [Fact]
    public void An_apposition_gives_role_and_country()
    {
        var d = EntityRecognizerTests.Run("La porte-parole du département d'État américain, Jane Morrow, a démenti.");
        var person = Named(d, "Jane Morrow");
        Assert.Equal("spokesperson", person.Role);
        Assert.Equal("USA", person.Country);
        Assert.Equal("USA", Named(d, "département d'État").Country);
    }

    [Fact]
    public void An_ambassador_acts_for_the_state_after_de_not_the_host()
    {
        var d = EntityRecognizerTests.Run("L'ambassadeur de Moscou aux États-Unis, Ivan Petrovitch, est arrivé.");
        var person = Named(d, "Ivan Petrovitch");
        Assert.Equal("ambassador", person.Role);
        Assert.Equal("RUS", person.Country);
    }

    [Fact]
    public void A_title_before_the_name_gives_the_country_of_its_adjective()
    {
        var d = EntityRecognizerTests.Run("Le ministre turc Ahmet Kaya a parlé.");
        var person = Named(d, "Ahmet Kaya");
        Assert.Equal("TUR", person.Country);
        Assert.Equal("minister", person.Role);
    }

    [Fact]
    public void Seats_of_power_and_capitals_stand_for_their_state()
    {
        var d = EntityRecognizerTests.Run("Le Kremlin a démenti, tandis que Washington se tait.");
        Assert.Equal("RUS", Named(d, "Kremlin").Country);
        Assert.Equal("USA", Named(d, "Washington").Country);
    }

    [Fact]
    public void Demonyms_are_collective_actors()
    {
        var d = EntityRecognizerTests.Run("Les Russes et les Américains se sont retrouvés à Istanbul.");
        Assert.Equal(["RUS", "USA"], d.Collectives.Select(c => c.Country));
        Assert.Equal("TUR", Named(d, "Istanbul").Country);
        Assert.DoesNotContain(d.Entities, e => e.Name.StartsWith("Russe", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2025-04-10", "president")] // second term
    [InlineData("2022-06-01", null)]         // out of office: no role on that date
    public void Office_is_resolved_against_the_publication_date(string published, string? role)
    {
        var d = EntityRecognizerTests.Run("Donald Trump a appelé son homologue.", DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        var trump = Named(d, "Donald Trump");
        Assert.Equal(role, trump.Role);
        Assert.Equal("USA", trump.Country);
    }

    [Fact]
    public void A_description_of_the_office_holder_joins_the_named_person()
    {
        var d = EntityRecognizerTests.Run("Vladimir Poutine a reçu son homologue. Le président russe a ensuite quitté la salle.",
            new DateOnly(2025, 4, 10));
        var putin = Named(d, "Vladimir Poutine");
        Assert.Equal(2, putin.Mentions.Count);
        var description = d.Mentions[putin.Mentions[1]];
        Assert.Equal(MentionKind.Description, description.Kind);
        Assert.Equal("Le président russe", d.Slice(description.Span));
    }

    [Fact]
    public void A_description_of_someone_not_named_adds_nothing()
    {
        var d = EntityRecognizerTests.Run("Le président américain a parlé à Vladimir Poutine.", new DateOnly(2025, 4, 10));
        Assert.Single(Named(d, "Vladimir Poutine").Mentions);
        Assert.DoesNotContain(d.Mentions, m => m.Kind == MentionKind.Description);
    }
}
