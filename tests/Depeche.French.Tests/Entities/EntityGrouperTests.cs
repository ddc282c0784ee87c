namespace Depeche.French.Tests.Entities;

public class EntityGrouperTests
{
    private static Entity[] Entities(string text) => EntityRecognizerTests.Run(text).Entities;

    [Fact]
    public void A_surname_joins_the_full_name_and_the_fullest_form_names_the_entity()
    {
        var entities = Entities("Donald Trump a parlé jeudi. Selon Trump, la réunion aura lieu.");
        var trump = Assert.Single(entities, e => e.Type == EntityType.PER);
        Assert.Equal("Donald Trump", trump.Name);
        Assert.Equal(2, trump.Mentions.Count);
    }

    [Fact]
    public void An_unknown_surname_joins_the_person_named_before()
    {
        var entities = Entities("Le député Jacques Vermorel a démissionné. Vermorel conteste les faits.");
        var person = Assert.Single(entities);
        Assert.Equal("Jacques Vermorel", person.Name);
        Assert.Equal(2, person.Mentions.Count);
    }

    [Fact]
    public void An_acronym_in_brackets_joins_its_expansion()
    {
        var entities = Entities("La Fédération nationale des pêcheurs (FNPX) proteste. La FNPX appelle à manifester.");
        var org = Assert.Single(entities);
        Assert.Equal(EntityType.ORG, org.Type);
        Assert.Equal(3, org.Mentions.Count);
    }

    [Fact]
    public void Gazetteer_forms_of_one_organisation_are_one_entity()
    {
        var entities = Entities("L'Organisation mondiale de la santé a alerté. L'OMS recommande la prudence.");
        Assert.Single(entities);
    }

    [Fact]
    public void An_unknown_acronym_that_spells_nothing_is_dropped()
    {
        Assert.Empty(Entities("Les OGM sont interdits dans ce pays."));
    }

    [Fact]
    public void Two_people_sharing_a_surname_stay_apart()
    {
        var entities = Entities("Emmanuel Macron et Brigitte Macron sont arrivés.");
        Assert.Equal(2, entities.Count(e => e.Type == EntityType.PER));
    }

    [Fact]
    public void Many_people_sharing_a_given_name_each_keep_their_own_surname()
    {
        // 2,000 distinct people: the short forms are indexed by word, not compared with every name
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            var surname = "Zar" + new string((char)('a' + i % 26), 1) + new string((char)('a' + i / 26 % 26), 1) + new string((char)('a' + i / 676), 1) + "ski";
            text.Append("Jean ").Append(surname).Append(" est venu. Selon ").Append(surname).Append(", tout va bien. ");
        }
        var entities = Entities(text.ToString());
        Assert.Equal(2000, entities.Length);
        Assert.All(entities, e => Assert.Equal(2, e.Mentions.Count));
    }
}
