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
            ["américaines"] = "USA",
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
            return new TimeExpression { Span = new TextSpan(at, at + t.Text.Length), Type = t.Value.StartsWith('P') ? TimeType.Duration : TimeType.Date, Value = t.Value };
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
    [InlineData("Aucun Français n'a rencontré les Allemands.", EventStatus.Negated)]        // "aucun ... ne" with no "pas"
    [InlineData("Paris a démenti toute rencontre entre Français et Allemands.", EventStatus.Negated)] // a denial
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
        // a "mise en examen" exists only in French criminal procedure: the French justice is the source
        Assert.Equal(["FRA"], Codes(e.Source));
        Assert.Equal((null, "FRA"), (e.Location?.Name, e.Location?.Country));
    }

    [Fact]
    public void The_two_ministers_take_up_the_parties_of_the_last_meeting_on_their_own_date()
    {
        var d = FrenchPipeline.Instance.Process(new Document("t",
            "La ministre chilienne et son homologue péruvien se sont rencontrés lundi à Lima. Les deux ministres s'étaient déjà rencontrés le 2 février à Santiago.\n",
            new DateOnly(2025, 6, 4)));
        var meetings = d.Events.Where(e => e.Type == "CONSULT").OrderBy(e => e.Date).ToList();
        Assert.Equal(2, meetings.Count);
        Assert.Equal(("2025-02-02", "Santiago"), (meetings[0].Date, meetings[0].Location?.Name));
        Assert.Equal(Codes(meetings[1].Actors), Codes(meetings[0].Actors));
        Assert.Contains("CHL", Codes(meetings[0].Actors));
    }

    [Fact]
    public void A_party_is_never_its_own_target()
    {
        // the headline's "frappes de la Syrie" reads Syria as a target, the lead's "menées par la Syrie" as the source
        var d = FrenchPipeline.Instance.Process(new Document("t",
            "La Turquie condamne les frappes de la Syrie\n\nANKARA, 3 juin (AFP) - La Turquie a condamné lundi les frappes menées par la Syrie près de la frontière.\n",
            new DateOnly(2025, 6, 3)));
        var strikes = Assert.Single(d.Events, e => e.Type == "FIGHT");
        Assert.Equal(["SYR"], Codes(strikes.Source));
        Assert.DoesNotContain("SYR", Codes(strikes.Target));
    }

    [Theory]
    [InlineData("La réunion a duré trois heures.")]                // no party: nothing to record
    [InlineData("Le match s'est terminé sur un score nul.")]        // sport is no event
    [InlineData("Des ONG veulent mettre le sort des réfugiés au cœur des négociations.")] // the refugees' fate, not a party to talks
    public void Records_nothing_without_an_event_and_its_parties(string text) => Assert.Empty(Read(text).Events);

    private static readonly EventExtractor WithGazetteer = new(EventLexicon.French, GazetteerActorLexicon.French);

    [Fact]
    public void An_entry_with_an_elided_article_matches_the_tokens_of_the_text()
    {
        // "retirer l'autorisation" is three tokens in the text: retirer | l' | autorisation
        var d = Read("L'Office national des forêts a décidé de retirer l'autorisation du produit.", [("Office national des forêts", EntityType.ORG, "FRA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("COERCE", "ban"), (e.Type, e.Mode));
        Assert.Equal(["Office national des forêts"], e.Source.Select(a => a.Name));
    }

    [Theory]
    [InlineData("La société Acme a été condamnée à payer une amende.", 1)]   // a verdict
    [InlineData("La société Acme, filiale de Bidule, est condamnée lundi.", 1)] // passive across an apposition
    [InlineData("La société Acme condamne cette décision.", 0)]              // a criticism, not a verdict
    [InlineData("Le tribunal a condamné la société Acme à une amende.", 1)]  // active, with its penalty
    [InlineData("Le tribunal a condamné la société Acme au paiement d'une amende.", 1)] // "au": the same link to its penalty
    [InlineData("La société Acme a condamné la mort de trois salariés.", 0)] // "mort" without "à": a criticism
    public void A_passive_only_participle_is_a_verdict_only_after_etre(string text, int verdicts)
    {
        var d = Read(text, [("Acme", EntityType.ORG, "USA")]);
        var found = d.Events.Where(e => e.Type == "COERCE").ToList();
        Assert.Equal(verdicts, found.Count);
        if (verdicts == 1) Assert.Equal(["Acme"], found[0].Target.Select(a => a.Name));
    }

    [Fact]
    public void The_subject_of_a_cleft_relative_is_the_focus_of_c_est()
    {
        // "c'est X qui est mis en examen": "qui" opens the clause, its antecedent X undergoes the event
        var d = Read("Le 6 mai, c'est Paul Martin qui est mis en examen à son tour.", [("Paul Martin", EntityType.PER, "FRA")], [("Le 6 mai", "2025-05-06")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(["Paul Martin"], e.Target.Select(a => a.Name));
        Assert.Equal("2025-05-06", e.Date);
    }

    [Fact]
    public void A_subject_pronoun_takes_up_the_person_named_before()
    {
        var d = Read("Paul Martin est arrivé lundi à Berlin. Il a rencontré Anna Schmidt.",
            [("Paul Martin", EntityType.PER, "FRA"), ("Berlin", EntityType.LOC, "DEU"), ("Anna Schmidt", EntityType.PER, "DEU")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("CONSULT", "meet"), (e.Type, e.Mode));
        Assert.Equal(["Anna Schmidt", "Paul Martin"], e.Actors.Select(a => a.Name).Order());
        // the sentence the pronoun looks back to placed its subject in Berlin
        Assert.Equal("Berlin", e.Location?.Name);
    }

    [Fact]
    public void Groups_without_a_name_are_parties()
    {
        var d = Read("Des policiers ont interpellé plusieurs manifestants.");
        var e = Assert.Single(d.Events);
        Assert.Equal(("COERCE", "arrest"), (e.Type, e.Mode));
        Assert.Equal(["policiers"], e.Source.Select(a => a.Name));
        Assert.Equal(["manifestants"], e.Target.Select(a => a.Name));
    }

    [Fact]
    public void A_court_or_prosecutor_names_the_place_by_its_seat()
    {
        var d = FrenchPipeline.CreateBuilder().Build().Process(new Document("t", "Le parquet de Brest a ouvert une enquête préliminaire.", new DateOnly(2025, 4, 10)));
        WithGazetteer.Process(d);
        var e = Assert.Single(d.Events);
        Assert.Equal("INVESTIGATE", e.Type);
        Assert.Equal(("Brest", "FRA"), (e.Location?.Name, e.Location?.Country));
        Assert.NotNull(e.Location?.Latitude);
    }

    [Fact]
    public void A_headline_in_the_present_is_dated_by_publication()
    {
        var d = Read("Le Chili interdit le produit\nLe texte a été publié.", [("Chili", EntityType.LOC, "CHL")]);
        var e = Assert.Single(d.Events);
        Assert.Equal("2025-04-10", e.Date);
        Assert.Equal("CHL", e.Location?.Country); // a state's ban applies on its territory
    }

    [Fact]
    public void A_narrative_present_takes_the_last_date_of_its_paragraph()
    {
        var d = Read("Le 3 mars 2017, Paul Martin frappe un passant. Deux jours plus tard, il accuse Marc Petit de mensonge.",
            [("Paul Martin", EntityType.PER, "FRA"), ("Marc Petit", EntityType.PER, "FRA")], [("Le 3 mars 2017", "2017-03-03")]);
        var e = Assert.Single(d.Events);
        Assert.Equal("DISAPPROVE", e.Type);
        Assert.Equal(["Paul Martin"], e.Source.Select(a => a.Name));
        Assert.Equal("2017-03-03", e.Date);
    }

    [Fact]
    public void Deciding_not_to_authorise_is_a_ban()
    {
        var d = Read("La mairie de Lyon a décidé de ne pas autoriser les scooters électriques dans ses rues.",
            [("mairie de Lyon", EntityType.ORG, "FRA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("COERCE", "ban"), (e.Type, e.Mode));
        Assert.Equal(["mairie de Lyon"], e.Source.Select(a => a.Name));
    }

    [Fact]
    public void A_ban_decided_for_the_current_year_is_dated_by_publication()
    {
        // published on 10 April 2025: "en 2025" is when the ban applies, the decision is the news of the day
        var d = Read("La mairie de Lyon a décidé de ne plus autoriser les scooters électriques dans ses rues en 2025.",
            [("mairie de Lyon", EntityType.ORG, "FRA")], [("2025", "2025")]);
        Assert.Equal("2025-04-10", Assert.Single(d.Events).Date);
        // a ban told as done in an earlier year keeps that year
        d = Read("La mairie de Lyon a interdit les scooters électriques dans ses rues en 2023.",
            [("mairie de Lyon", EntityType.ORG, "FRA")], [("2023", "2023")]);
        Assert.Equal("2023", Assert.Single(d.Events).Date);
    }

    [Fact]
    public void Women_or_men_named_only_by_number_are_a_party()
    {
        var d = Read("En mars, le directeur de l'usine a été accusé de harcèlement par trois femmes.");
        var e = Assert.Single(d.Events);
        Assert.Equal(("DISAPPROVE", "accuse"), (e.Type, e.Mode));
        Assert.Equal(["femmes"], e.Source.Select(a => a.Name));
    }

    [Theory]
    [InlineData("Samedi soir, Paul Martin frappe violemment Marc Petit à coups de poing.", "Paul Martin", "Marc Petit")]
    [InlineData("Marc Petit a été roué de coups par Paul Martin devant chez lui.", "Paul Martin", "Marc Petit")]
    [InlineData("Marc Petit a été passé à tabac par Paul Martin.", "Paul Martin", "Marc Petit")]
    public void Beating_someone_is_an_assault(string text, string source, string target)
    {
        var d = Read(text, [("Paul Martin", EntityType.PER, "FRA"), ("Marc Petit", EntityType.PER, "FRA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal("ASSAULT", e.Type);
        Assert.Equal([source], e.Source.Select(a => a.Name));
        Assert.Equal([target], e.Target.Select(a => a.Name));
    }

    [Fact]
    public void Whoever_calls_a_protest_leads_it()
    {
        var d = Read("Elle juge essentielle la manifestation du samedi 21 mars (appelée par plusieurs organisations dont la CGT).",
            [("CGT", EntityType.ORG, "FRA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal("PROTEST", e.Type);
        Assert.Equal(["CGT"], e.Source.Select(a => a.Name));
        d = Read("Le lycée sera fermé jeudi, jour de grève à l'appel de la CGT et de FO.",
            [("CGT", EntityType.ORG, "FRA"), ("FO", EntityType.ORG, "FRA")]);
        Assert.Equal(["CGT", "FO"], Assert.Single(d.Events).Source.Select(a => a.Name));
    }

    [Theory]
    [InlineData("Le syndicat Force ouvrière n'accepte pas le plan de la direction de Renault.")]
    [InlineData("Ce plan, les salariés de Renault ne l'acceptent pas.")]
    public void Not_accepting_is_a_rejection(string text)
    {
        (string, EntityType, string)[] bodies = [("Force ouvrière", EntityType.ORG, "FRA"), ("Renault", EntityType.ORG, "FRA")];
        var d = Read(text, [.. bodies.Where(b => text.Contains(b.Item1, StringComparison.Ordinal))]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("REJECT", EventStatus.Asserted), (e.Type, e.Status));
    }

    [Fact]
    public void The_bound_of_a_ban_is_not_its_date()
    {
        // decided on 29 April, applies after 20 May
        var d = Read("La Commission européenne a décidé le 29 avril de retirer le produit et d'interdire son utilisation après le 20 mai.",
            [("Commission européenne", EntityType.ORG, "")], [("le 29 avril", "2025-04-29"), ("le 20 mai", "2025-05-20")]);
        Assert.All(d.Events, e => Assert.Equal("2025-04-29", e.Date));
        Assert.Contains(d.Events, e => e.Type == "COERCE");
    }

    [Theory]
    [InlineData("Le syndicat Solidaires appelle à des hausses de salaires.", 0)]          // an appeal to no one: a statement
    [InlineData("Le syndicat Solidaires réclame des hausses de salaires.", 1)]            // a demand, its target implied
    [InlineData("Le canton de Vaud a demandé à la Confédération d'interdire ce produit.", 1)] // a demand; the ban is its topic
    public void A_call_on_no_one_is_no_demand_and_a_demand_s_content_is_no_event(string text, int demands)
    {
        (string, EntityType, string)[] known = [("Solidaires", EntityType.ORG, "FRA"), ("canton de Vaud", EntityType.LOC, "CHE"), ("Confédération", EntityType.ORG, "CHE")];
        var d = Read(text, [.. known.Where(x => text.Contains(x.Item1, StringComparison.Ordinal))]);
        Assert.Equal(demands, d.Events.Count(e => e.Type == "DEMAND"));
        Assert.DoesNotContain(d.Events, e => e.Type == "COERCE");
    }

    [Fact]
    public void A_word_like_mutuelles_far_from_the_trigger_does_not_make_it_mutual()
    {
        var d = Read("Le parquet de Rennes a ouvert une enquête sur les Mutuelles du Centre.",
            [("parquet de Rennes", EntityType.ORG, "FRA"), ("Mutuelles du Centre", EntityType.ORG, "FRA")]);
        var e = Assert.Single(d.Events);
        Assert.Empty(e.Actors);
        Assert.Equal(["parquet de Rennes"], e.Source.Select(a => a.Name));
        Assert.Equal(["Mutuelles du Centre"], e.Target.Select(a => a.Name));
    }

    [Fact]
    public void A_verdict_asserts_the_offence_it_names_a_charge_does_not()
    {
        var convicted = Read("Paul Martin a été condamné à un an de prison avec sursis pour abus de confiance.", [("Paul Martin", EntityType.PER, "FRA")]);
        var crime = Assert.Single(convicted.Events, e => e.Type == "CRIME");
        Assert.Equal(["Paul Martin"], crime.Source.Select(a => a.Name));
        Assert.Single(convicted.Events, e => e.Type == "COERCE");
        // a charge only suspects the offence
        var charged = Read("Paul Martin a été mis en examen pour abus de confiance.", [("Paul Martin", EntityType.PER, "FRA")]);
        Assert.DoesNotContain(charged.Events, e => e.Type == "CRIME");
    }

    [Fact]
    public void A_received_delegation_meets_its_host_at_the_host_s_seat()
    {
        var d = FrenchPipeline.CreateBuilder().Build().Process(new Document("t",
            "La délégation du lycée est reçue jeudi au rectorat de Lyon.", new DateOnly(2025, 4, 8)));
        WithGazetteer.Process(d);
        var e = Assert.Single(d.Events);
        Assert.Equal(("CONSULT", "meet"), (e.Type, e.Mode));
        Assert.Equal("Lyon", e.Location?.Name);
    }

    [Theory]
    [InlineData("Paul Martin rencontre Anna Schmidt le 20 avril.", "2025-04-20", EventStatus.Future)]       // announced, ten days ahead
    [InlineData("Le 20 avril 2025, Paul Martin rencontre Anna Schmidt.", "2025-04-20", EventStatus.Asserted)] // a year written out: narrative present
    [InlineData("Paul Martin a rencontré Anna Schmidt le 2 avril.", "2025-04-02", EventStatus.Asserted)]
    public void A_present_tense_event_dated_after_publication_is_planned(string text, string date, EventStatus expected)
    {
        string timeText = text.Contains("Le 20 avril 2025", StringComparison.Ordinal) ? "Le 20 avril 2025" : text.Contains("20 avril", StringComparison.Ordinal) ? "le 20 avril" : "le 2 avril";
        var d = Read(text, [("Paul Martin", EntityType.PER, "FRA"), ("Anna Schmidt", EntityType.PER, "DEU")], [(timeText, date)]);
        var e = Assert.Single(d.Events);
        Assert.Equal((date, expected), (e.Date, e.Status));
    }

    [Theory]
    // the nominal event lies so long before (après) or after (avant) the clause's date
    [InlineData("Le 8 avril, la France a expulsé un diplomate russe, deux jours après l'expulsion par la Russie d'un attaché français.", "2025-04-06")]
    [InlineData("Le 8 avril, la France a expulsé un diplomate russe, une semaine avant l'expulsion par la Russie d'un attaché français.", "2025-04-15")]
    // a date of the event's own stands
    [InlineData("Le 8 avril, la France a expulsé un diplomate russe, deux jours après l'expulsion du 3 avril par la Russie d'un attaché français.", "2025-04-03")]
    public void A_nominal_event_is_dated_by_its_distance_from_the_clause(string text, string expected)
    {
        (string, string)[] times = [("Le 8 avril", "2025-04-08"), (text.Contains("une semaine") ? "une semaine" : "deux jours", text.Contains("une semaine") ? "P1W" : "P2D")];
        if (text.Contains("3 avril", StringComparison.Ordinal)) times = [.. times, ("3 avril", "2025-04-03")];
        var d = Read(text, [("France", EntityType.LOC, "FRA"), ("Russie", EntityType.LOC, "RUS")], times);
        var byRussia = Assert.Single(d.Events, e => e.Source.Any(a => a.Code == "RUS"));
        Assert.Equal(expected, byRussia.Date);
        Assert.Equal("2025-04-08", Assert.Single(d.Events, e => e.Source.Any(a => a.Code == "FRA")).Date);
    }

    [Fact]
    public void A_place_of_no_known_state_keeps_its_name_as_a_party()
    {
        var d = Read("Le canton de Vaud a demandé à la Confédération d'interdire ce produit.",
            [("canton de Vaud", EntityType.LOC, null!), ("Confédération", EntityType.ORG, "CHE")]);
        var demand = Assert.Single(d.Events, e => e.Type == "DEMAND");
        var source = Assert.Single(demand.Source);
        Assert.Equal((null, "canton de Vaud"), (source.Code, source.Name));
        Assert.Equal("CHE", Assert.Single(demand.Target).Code);
    }

    [Theory]
    [InlineData("Paul Martin s'est entretenu mardi au téléphone avec Anna Schmidt.", "telephone")]
    [InlineData("Paul Martin s'est entretenu mardi avec Anna Schmidt.", "meet")]
    public void A_meeting_held_by_phone_says_so(string text, string mode)
    {
        var d = Read(text, [("Paul Martin", EntityType.PER, "FRA"), ("Anna Schmidt", EntityType.PER, "DEU")]);
        Assert.Equal(mode, Assert.Single(d.Events).Mode);
    }

    [Fact]
    public void A_recalled_ambassador_s_post_names_the_target()
    {
        var d = Read("L'Algérie a rappelé son ambassadeur à Paris pour consultations.", [("Algérie", EntityType.LOC, "DZA"), ("Paris", EntityType.LOC, "FRA")]);
        var recall = Assert.Single(d.Events);
        Assert.Equal(["DZA"], Codes(recall.Source));
        Assert.Equal(["FRA"], Codes(recall.Target));
        Assert.Null(recall.Location);
    }

    [Fact]
    public void A_state_named_by_its_demonym_beside_its_named_leader_is_one_party()
    {
        var d = Read("Le président russe Vladimir Poutine a rencontré son homologue américain Joe Biden.",
            [("Vladimir Poutine", EntityType.PER, "RUS"), ("Joe Biden", EntityType.PER, "USA")]);
        var meeting = Assert.Single(d.Events);
        var parties = meeting.Actors.Concat(meeting.Source).Concat(meeting.Target).ToList();
        Assert.Equal(["Joe Biden", "Vladimir Poutine"], parties.Select(a => a.Name ?? a.Code!).Order());
    }

    [Fact]
    public void A_date_may_stand_inside_a_trigger_of_several_words()
    {
        const string text = "Paul Martin a reçu lundi à Berlin Anna Schmidt.";
        var d = Read(text, [("Paul Martin", EntityType.PER, "FRA"), ("Anna Schmidt", EntityType.PER, "DEU"), ("Berlin", EntityType.LOC, "DEU")],
            [("lundi", "2025-04-07")]);
        var meeting = Assert.Single(d.Events);
        Assert.Equal(("CONSULT", "2025-04-07"), (meeting.Type, meeting.Date));
        Assert.Equal("reçu lundi à", text[meeting.Trigger.Start..meeting.Trigger.End]);
    }

    [Fact]
    public void An_active_verb_s_source_is_its_subject_not_a_later_participle_s_agent()
    {
        var d = Read("Le Conseil de sécurité a rejeté une résolution présentée par la Russie.",
            [("Conseil de sécurité", EntityType.ORG, null!), ("Russie", EntityType.LOC, "RUS")]);
        var rejection = Assert.Single(d.Events);
        Assert.Equal("Conseil de sécurité", Assert.Single(rejection.Source).Name);
        Assert.DoesNotContain(rejection.Source, a => a.Code == "RUS");
    }

    [Fact]
    public void A_protest_against_a_policy_in_a_named_place_targets_that_place_s_state()
    {
        var d = Read("Des milliers de personnes ont manifesté samedi à Berlin contre la réforme des retraites.", [("Berlin", EntityType.LOC, "DEU")]);
        var protest = Assert.Single(d.Events);
        Assert.Equal("PROTEST", protest.Type);
        Assert.Equal(["DEU"], Codes(protest.Target));
    }

    [Fact]
    public void What_a_call_asks_for_is_not_whom_it_is_made_of()
    {
        // "appelle à une assemblée du Collectif": an appeal to no one, no demand on the collective
        var d = Read("Le syndicat Solidaires appelle à une assemblée du Collectif Vert.", [("Solidaires", EntityType.ORG, "FRA"), ("Collectif Vert", EntityType.ORG, "FRA")]);
        Assert.DoesNotContain(d.Events, e => e.Type == "DEMAND");
    }

    [Theory]
    [InlineData("Des rebelles ont attaqué des soldats français.", "ASSAULT", null)]           // attack on a state's soldiers
    [InlineData("Deux journalistes ont été enlevés par des djihadistes.", "ASSAULT", "kidnapping")] // passive, agent after "par"
    [InlineData("Les otages ont été libérés par les rebelles.", "CONCEDE", "release")]
    [InlineData("Les Américains ont opposé leur veto au texte.", "REJECT", null)]            // a veto, whoever casts it
    public void Common_violent_and_yielding_acts_are_read_with_their_parties(string text, string? type, string? mode)
    {
        var d = Read(text);
        if (type is null) { Assert.Empty(d.Events); return; }
        var e = Assert.Single(d.Events);
        Assert.Equal((type, mode), (e.Type, e.Mode));
        Assert.NotEmpty(e.Source.Concat(e.Target));
    }

    [Fact]
    public void A_planned_visit_is_future_and_placed()
    {
        var d = Read("Les Français se rendront à Berlin.", [("Berlin", EntityType.LOC, "DEU")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("CONSULT", "visit", EventStatus.Future), (e.Type, e.Mode, e.Status));
        Assert.Equal(["FRA"], Codes(e.Source));
        Assert.Equal("Berlin", e.Location?.Name);
        Assert.Equal(["DEU"], Codes(e.Target)); // no host named: the state visited
    }

    [Theory]
    [InlineData("Les Français se rendront la semaine prochaine à Berlin.", 1)] // a time between the verb and the place
    [InlineData("Les Français se sont rendu compte de leur erreur à Berlin.", 0)] // realised: no place right after
    public void A_journey_needs_its_place(string text, int visits)
    {
        var d = Read(text, [("Berlin", EntityType.LOC, "DEU")], text.Contains("semaine", StringComparison.Ordinal) ? [("la semaine prochaine", "2025-W16")] : null);
        Assert.Equal(visits, d.Events.Count(e => e.Mode == "visit"));
    }

    [Fact]
    public void A_match_report_s_play_is_no_event()
    {
        // three sport words make a sport report: "rencontre" and "attaque" are play there
        var sport = Read("La rencontre entre Lyonnais et Allemands a tourné court. L'attaque française a marqué deux buts avant la mi-temps, selon l'entraîneur.");
        Assert.Empty(sport.Events);
        var politics = Read("La rencontre entre Français et Allemands a tourné court.");
        Assert.Single(politics.Events);
    }

    [Fact]
    public void A_save_or_a_penalty_claim_in_a_match_report_is_no_event()
    {
        const string match = "Le match a basculé avant la mi-temps. Paul Martin réclame un penalty à l'arbitre. Son tir est arrêté par Marc Petit.";
        var d = Read(match, [("Paul Martin", EntityType.PER, "FRA"), ("Marc Petit", EntityType.PER, "FRA")]);
        Assert.Empty(d.Events);
        // outside a match report the same words are a demand
        var demand = Read("Paul Martin réclame une enquête à Marc Petit.", [("Paul Martin", EntityType.PER, "FRA"), ("Marc Petit", EntityType.PER, "FRA")]);
        Assert.Single(demand.Events, e => e.Type == "DEMAND");
    }

    [Theory]
    [InlineData("Les Français et les Allemands se sont retrouvés lundi à Genève.", 1)] // "se": a meeting
    [InlineData("Deux Français ont été retrouvés morts à Genève.", 0)]                 // found dead: no meeting
    public void Retrouves_is_a_meeting_only_with_se(string text, int meetings)
    {
        var d = Read(text, [("Genève", EntityType.LOC, "CHE")]);
        Assert.Equal(meetings, d.Events.Count(e => e.Type == "CONSULT"));
    }

    [Fact]
    public void The_police_and_marching_protesters_are_parties()
    {
        var d = Read("La police a interpellé trois hommes à Marseille. Des milliers de manifestants ont défilé samedi à Paris.",
            [("Marseille", EntityType.LOC, "FRA"), ("Paris", EntityType.LOC, "FRA")], [("samedi", "2025-04-05")]);
        var arrest = Assert.Single(d.Events, e => e.Type == "COERCE");
        Assert.Equal(["police"], arrest.Source.Select(a => a.Name));
        Assert.Equal("Marseille", arrest.Location?.Name);
        var march = Assert.Single(d.Events, e => e.Type == "PROTEST");
        Assert.Equal(["manifestants"], march.Source.Select(a => a.Name));
        Assert.Equal(("Paris", "2025-04-05"), (march.Location?.Name, march.Date));
    }

    [Fact]
    public void A_group_with_a_demonym_acts_for_its_state()
    {
        var d = Read("Des policiers russes ont interpellé deux militants.");
        var e = Assert.Single(d.Events);
        Assert.Equal(("policiers", "RUS"), (e.Source[0].Name, e.Source[0].Code));
    }

    [Fact]
    public void A_nationality_adjective_right_after_a_noun_trigger_is_its_author()
    {
        var d = Read("Les sanctions américaines contre la Russie ont été renforcées.", [("Russie", EntityType.LOC, "RUS")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(["USA"], Codes(e.Source));
        Assert.Equal(["RUS"], Codes(e.Target));
    }

    [Fact]
    public void A_protest_by_unnamed_groups_is_held_in_the_country_of_the_story()
    {
        // three French entities, one protest by "les syndicats": France; a story spanning countries would place nothing
        var d = Read("Jean Dupont, Marie Durand et Paul Martin ont parlé. Les syndicats appellent à la grève jeudi.",
            [("Jean Dupont", EntityType.PER, "FRA"), ("Marie Durand", EntityType.PER, "FRA"), ("Paul Martin", EntityType.PER, "FRA")],
            [("jeudi", "2025-04-17")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("PROTEST", EventStatus.Future), (e.Type, e.Status));
        Assert.Equal((null, "FRA"), (e.Location?.Name, e.Location?.Country));
    }

    [Fact]
    public void The_government_of_a_story_is_its_country_s()
    {
        var d = Read("Jean Dupont, Marie Durand et Paul Martin ont parlé. Le gouvernement a exclu toute négociation avec les syndicats.",
            [("Jean Dupont", EntityType.PER, "FRA"), ("Marie Durand", EntityType.PER, "FRA"), ("Paul Martin", EntityType.PER, "FRA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("CONSULT", EventStatus.Negated), (e.Type, e.Status));
        Assert.Equal([("gouvernement", "FRA"), ("syndicats", null)], e.Actors.Select(a => (a.Name, a.Code)));
    }

    [Fact]
    public void A_minister_named_by_role_stands_for_the_story_s_state()
    {
        var d = Read("Jean Dupont, Marie Durand et Paul Martin ont parlé. Le ministre de l'Intérieur a interdit la manifestation.",
            [("Jean Dupont", EntityType.PER, "FRA"), ("Marie Durand", EntityType.PER, "FRA"), ("Paul Martin", EntityType.PER, "FRA")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(("COERCE", "ban"), (e.Type, e.Mode));
        Assert.Equal([("ministre", "FRA")], e.Source.Select(a => (a.Name, a.Code)));
        // a demonym after the role names another state
        d = Read("Le ministre russe a interdit la manifestation.");
        Assert.Equal(["RUS"], Codes(Assert.Single(d.Events).Source));
    }

    [Fact]
    public void A_protest_against_a_policy_with_no_one_named_targets_the_story_s_state()
    {
        const string people = "Jean Dupont, Marie Durand et Paul Martin ont parlé. ";
        (string, EntityType, string)[] french = [("Jean Dupont", EntityType.PER, "FRA"), ("Marie Durand", EntityType.PER, "FRA"), ("Paul Martin", EntityType.PER, "FRA")];
        var d = Read(people + "Face à la mobilisation contre la réforme des retraites, rien ne bouge.", french);
        var e = Assert.Single(d.Events);
        Assert.Equal("PROTEST", e.Type);
        Assert.Equal(["FRA"], Codes(e.Target));
        // named protesters are the parties; the state is not added beside them
        d = Read(people + "La mobilisation des syndicats contre la réforme des retraites continue.", french);
        Assert.DoesNotContain(Assert.Single(d.Events).Target, a => a.Code == "FRA");
    }

    [Fact]
    public void A_headline_and_its_lead_tell_one_event()
    {
        var d = Read("Grève chez Acme\nLes salariés d'Acme sont en grève depuis lundi.", [("Acme", EntityType.ORG, "FRA")], [("lundi", "2025-04-07")]);
        var e = Assert.Single(d.Events);
        Assert.Equal(2, e.Evidence.Count);
        Assert.Equal("2025-04-07", e.Date); // the lead's own date beats the headline's publication date
        Assert.Contains(e.Source, a => a.Name == "salariés");
    }

    [Fact]
    public void Every_trigger_entry_loads() => Assert.True(EventLexicon.French.Triggers.Count > 50);

    [Fact]
    public void Every_legal_system_entry_names_a_trigger()
    {
        // an entry that matches no trigger would silently imply nothing
        foreach (var (line, columns) in Depeche.French.Resources.Lexicon.Read("event-legal-systems.tsv", 2))
            Assert.True(EventLexicon.French.Triggers.Any(t => t.State == columns[1] && string.Join(' ', t.Words) == columns[0]), $"event-legal-systems.tsv:{line}");
    }
}
