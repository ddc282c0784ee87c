using System.Collections.Frozen;
using Depeche.French.Events;
using Depeche.Testing;
using Depeche.Text;

namespace Depeche.French.Tests.Events;

public class EventExtractorTests
{
    /// <summary>A few demonyms, enough for these sentences (the real gazetteer has them all).</summary>
    private sealed class Demonyms : IActorLexicon
    {
        private static readonly FrozenDictionary<string, string> Codes = new Dictionary<string, string>
        {
            ["russes"] = "RUS",
            ["russe"] = "RUS",
            ["russo"] = "RUS",
            ["américains"] = "USA",
            ["américaine"] = "USA",
            ["allemands"] = "DEU",
            ["français"] = "FRA",
            ["franco"] = "FRA",
        }.ToFrozenDictionary();

        public bool TryGetDemonym(ReadOnlySpan<char> word, out string code) =>
            Codes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out code!);
    }

    private static readonly EventExtractor Extractor = new(EventLexicon.French, new Demonyms());

    /// <summary>Segments the text, then adds the entities and times an earlier stage would have found.</summary>
    private static Document Read(string text, (string Text, EntityType Type, string Country)[]? entities = null, (string Text, string Value)[]? times = null)
    {
        var d = FrenchPipeline.CreateBuilder().Build().Process(new Document("t", text, new DateOnly(2025, 4, 10)));
        var mentions = new List<EntityMention>();
        var list = new List<Entity>();
        foreach (var (name, type, country) in entities ?? [])
        {
            int at = text.IndexOf(name, StringComparison.Ordinal);
            Assert.True(at >= 0, name);
            list.Add(new Entity { Id = $"e{list.Count + 1}", Type = type, Name = name, Country = country, Mentions = [mentions.Count] });
            mentions.Add(new EntityMention(new TextSpan(at, at + name.Length), type, MentionKind.Name, list.Count - 1));
        }
        var order = mentions.Select((m, i) => (m, i)).OrderBy(x => x.m.Span.Start).ToList();
        d.Mentions = [.. order.Select(x => x.m)];
        d.Entities = [.. list.Select(e => new Entity { Id = e.Id, Type = e.Type, Name = e.Name, Country = e.Country, Mentions = [order.FindIndex(x => x.i == e.Mentions[0])] })];
        d.Times = [.. (times ?? []).Select(t =>
        {
            int at = text.IndexOf(t.Text, StringComparison.Ordinal);
            return new TimeExpression { Span = new TextSpan(at, at + t.Text.Length), Type = TimeType.Date, Value = t.Value };
        }).OrderBy(t => t.Span.Start)];
        Extractor.Process(d);
        LayerInvariants.AssertWellFormed(d);
        return d;
    }

    private static string[] Codes(IReadOnlyList<EventActor> actors) => [.. actors.Select(a => a.Code ?? a.Name!).Order()];

    [Fact]
    public void Talks_between_two_peoples_get_parties_place_and_date()
    {
        var d = Read("Des pourparlers entre Russes et Américains ont commencé jeudi à Istanbul.",
            [("Istanbul", EntityType.LOC, "TUR")], [("jeudi", "2025-04-10")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("CONSULT", "negotiate"), (e.Type, e.Mode));
        Assert.Equal(["RUS", "USA"], Codes(e.Actors));
        Assert.Equal("Istanbul", e.Location?.Name);
        Assert.Equal("2025-04-10", e.Date);
        Assert.Equal(EventStatus.Asserted, e.Status);
        Assert.Equal("pourparlers", d.Slice(e.Trigger));
    }

    [Fact]
    public void Later_mentions_with_a_demonstrative_merge_into_the_event()
    {
        var d = Read("Des pourparlers entre Russes et Américains ont commencé jeudi. Cette réunion durera trois heures.");
        var e = Assert.Single(d.Events);
        Assert.Equal(["pourparlers", "réunion"], e.Evidence.Select(d.Slice));
    }

    [Fact]
    public void A_negated_topic_does_not_negate_the_meeting()
    {
        // "qui n'aborderont pas" limits what is discussed; the talks themselves happen
        var d = Read("Des discussions entre Russes et Américains, qui n'aborderont pas l'Ukraine, ont lieu jeudi.");
        Assert.Equal(EventStatus.Asserted, Assert.Single(d.Events).Status);
    }

    [Theory]
    [InlineData("Aucune rencontre entre Français et Allemands n'a eu lieu.", EventStatus.Negated)]
    [InlineData("Il n'y aura pas de pourparlers entre Français et Allemands.", EventStatus.Negated)]
    [InlineData("Les Français n'ont pas rencontré les Allemands.", EventStatus.Negated)]
    [InlineData("Les Français rencontreront les Allemands.", EventStatus.Future)]
    [InlineData("Une rencontre entre Français et Allemands est prévue.", EventStatus.Future)]
    [InlineData("Une éventuelle rencontre entre Français et Allemands a été évoquée.", EventStatus.Hypothetical)]
    [InlineData("Les Français pourraient rencontrer les Allemands.", EventStatus.Hypothetical)]
    [InlineData("Les Français ont rencontré les Allemands.", EventStatus.Asserted)]
    public void Status_comes_from_negation_tense_and_cue_words(string text, EventStatus expected)
    {
        var e = Assert.Single(Read(text).Events);
        Assert.Equal(expected, e.Status);
        Assert.Equal(["DEU", "FRA"], Codes(e.Actors.Concat(e.Source).Concat(e.Target).ToList()).Distinct());
    }

    [Fact]
    public void A_recalled_earlier_meeting_is_its_own_event_with_the_same_parties()
    {
        var d = Read("Des pourparlers entre Russes et Américains ont commencé jeudi. Ils seront plus courts que la réunion précédente, qui s'était tenue le 27 février.",
            times: [("jeudi", "2025-04-10"), ("le 27 février", "2025-02-27")]);
        Assert.Equal(2, d.Events.Length);
        Assert.Equal(["2025-04-10", "2025-02-27"], d.Events.Select(e => e.Date));
        Assert.Equal(["RUS", "USA"], Codes(d.Events[1].Actors));
        Assert.Equal("meet", d.Events[1].Mode);
    }

    [Fact]
    public void Directed_event_takes_its_target_and_source_from_prepositions()
    {
        var d = Read("Cela brise la politique d'isolement visant Moscou menée par Washington.",
            [("Moscou", EntityType.LOC, "RUS"), ("Washington", EntityType.LOC, "USA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("SANCTION", "isolate"), (e.Type, e.Mode));
        Assert.Equal(["USA"], Codes(e.Source));
        Assert.Equal(["RUS"], Codes(e.Target));
    }

    [Fact]
    public void Mutual_expulsions_have_both_states_as_parties()
    {
        var d = Read("Cela fait suite à des expulsions respectives de diplomates des États-Unis et de la Russie.",
            [("États-Unis", EntityType.LOC, "USA"), ("Russie", EntityType.LOC, "RUS")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("SANCTION", "expel"), (e.Type, e.Mode));
        Assert.Equal(["RUS", "USA"], Codes(e.Actors));
    }

    [Fact]
    public void A_compound_demonym_names_both_parties()
    {
        var d = Read("Des pourparlers russo-américains ont eu lieu le 18 février à Ryad.",
            [("Ryad", EntityType.LOC, "SAU")], [("le 18 février", "2025-02-18")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(["RUS", "USA"], Codes(e.Actors));
        Assert.Equal(("Ryad", "SAU"), (e.Location?.Name, e.Location?.Country));
    }

    [Fact]
    public void A_phone_call_between_two_leaders()
    {
        var d = Read("Quelques jours après un appel entre Vladimir Poutine et Donald Trump, tout a changé.",
            [("Vladimir Poutine", EntityType.PER, "RUS"), ("Donald Trump", EntityType.PER, "USA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("CONSULT", "telephone"), (e.Type, e.Mode));
        Assert.Equal(["RUS", "USA"], Codes(e.Actors));
    }

    [Fact]
    public void A_call_to_strike_is_a_planned_protest()
    {
        var d = Read("Le syndicat Solidaires appelle à la grève le 24 septembre.",
            [("Solidaires", EntityType.ORG, "FRA")], [("le 24 septembre", "2019-09-24")]);
        var e = d.Events.Single(x => x.Type == "PROTEST");
        Assert.Equal((EventStatus.Future, "2019-09-24"), (e.Status, e.Date));
    }

    [Fact]
    public void A_complaint_names_its_target_after_a_l_encontre_de()
    {
        var d = Read("Une plainte a été déposée à l'encontre de Jean Dupont.", [("Jean Dupont", EntityType.PER, "FRA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("DISAPPROVE", "sue"), (e.Type, e.Mode));
        Assert.Equal(["Jean Dupont"], e.Target.Select(a => a.Name));
    }

    [Fact]
    public void A_definite_noun_with_its_own_complement_is_an_event_of_its_own()
    {
        // "la lourde condamnation de X par Y" names its parties: no antecedent needed
        var d = Read("Malgré la lourde condamnation de Monsanto par la justice américaine, rien ne change.",
            [("Monsanto", EntityType.ORG, "USA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("COERCE", "sentence"), (e.Type, e.Mode));
        Assert.Equal(["USA"], Codes(e.Source));
        Assert.Equal(["Monsanto"], e.Target.Select(a => a.Name));
    }

    [Fact]
    public void In_the_passive_the_subject_is_the_target()
    {
        var d = Read("Jean Dupont a été mis en examen le 3 mars.", [("Jean Dupont", EntityType.PER, "FRA")], [("le 3 mars", "2025-03-03")]);
        var e = Assert.Single(d.Events);
        Assert.Equal("INVESTIGATE", e.Type);
        Assert.Equal(["Jean Dupont"], e.Target.Select(a => a.Name));
        Assert.Empty(e.Source);
    }

    [Theory]
    [InlineData("La réunion a duré trois heures.")]                // no party: nothing to record
    [InlineData("Le match s'est terminé sur un score nul.")]        // sport is no event
    public void Records_nothing_without_an_event_and_its_parties(string text) => Assert.Empty(Read(text).Events);

    [Fact]
    public void Every_trigger_entry_loads() => Assert.True(EventLexicon.French.Triggers.Count > 50);
}
