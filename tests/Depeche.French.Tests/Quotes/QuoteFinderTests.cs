using Depeche.French.Normalization;
using Depeche.French.Quotes;
using Depeche.French.Segmentation;
using Depeche.Testing;
using Depeche.Text;

namespace Depeche.French.Tests.Quotes;

public class QuoteFinderTests
{
    // The stages before the finder, so that tests can add hand-built times and mentions before it runs.
    private static Document Prepare(string text, DateOnly? published = null)
    {
        var d = new Document("t", text, published);
        new TextNormalizer().Process(d);
        new Tokenizer().Process(d);
        new SentenceSplitter().Process(d);
        return d;
    }

    private static Document Find(Document d)
    {
        new QuoteFinder().Process(d);
        LayerInvariants.AssertWellFormed(d);
        return d;
    }

    private static Document Find(string text, DateOnly? published = null) => Find(Prepare(text, published));

    private static Quote[] Direct(string text) => [.. Find(text).Quotes.Where(q => q.Direct)];

    private static Quote One(string text) => Assert.Single(Direct(text));

    private static string Text(string text, TextSpan span) => text[span.Start..span.End];

    [Fact]
    public void Incise_after_the_quote_gives_verb_time_speaker_and_medium()
    {
        const string text = "« Les négociations reprendront la semaine prochaine », a déclaré lundi un diplomate européen à l'agence Reuters.";
        var q = One(text);
        Assert.Equal("Les négociations reprendront la semaine prochaine", Text(text, q.Span));
        Assert.Equal("déclarer", q.Verb);
        Assert.Equal("un diplomate européen", q.Speaker?.Name);
        Assert.Equal("l'agence Reuters", q.Medium);
        Assert.Equal("a déclaré", Text(text, q.VerbSpan!.Value));
    }

    [Fact]
    public void Unnamed_source_keeps_its_description_and_country()
    {
        var q = One("« Aucun accord n'a été trouvé », a indiqué une source diplomatique russe.");
        Assert.Equal("une source diplomatique russe", q.Speaker?.Name);
        Assert.Equal("une source diplomatique russe", q.Speaker?.Description);
        Assert.Equal("RUS", q.Speaker?.Country);
    }

    [Fact]
    public void Name_in_apposition_after_a_title_is_the_speaker()
    {
        const string text = "« Nous attendons des garanties », a souligné la porte-parole du ministère allemand, Julia Weber.";
        var q = One(text);
        Assert.Equal("Julia Weber", q.Speaker?.Name);
        Assert.Equal("la porte-parole du ministère allemand", q.Speaker?.Description);
        Assert.Equal("DEU", q.Speaker?.Country);
        Assert.Equal("Julia Weber", Text(text, q.Speaker!.Span!.Value));
    }

    [Theory]
    [InlineData("Le ministre Paul Durand est arrivé à Lyon. « Nous ne céderons rien sur ce point », a-t-il ajouté.", "Paul Durand", "ajouter")]
    [InlineData("La juge Anne Martin a ouvert l'audience. « Le dossier est complet désormais », précise-t-elle.", "Anne Martin", "préciser")]
    [InlineData("Le négociateur en chef chinois a jugé le texte déséquilibré. « Les pays pauvres ont besoin de temps », a-t-il insisté.", "Le négociateur en chef chinois", "insister")]
    [InlineData("Paul Roy a parlé. Le ministre Marc Leroy, en visite dans la région, a plaidé pour la paix. « Il faut protéger les civils », a-t-il insisté.", "Marc Leroy", "insister")] // incidental clause
    [InlineData("La ministre Anne Roche a reçu les syndicats. Le préfet Paul Durand est arrivé ensuite. « Le dossier avance bien », précise-t-elle.", "Anne Roche", "préciser")] // "elle" skips the masculine subject
    public void Inverted_pronoun_is_linked_to_the_latest_compatible_person(string text, string speaker, string verb)
    {
        var q = One(text);
        Assert.Equal(speaker, q.Speaker?.Name);
        Assert.Equal(verb, q.Verb);
    }

    [Fact]
    public void Inversion_marks_an_incise_even_with_a_verb_we_do_not_list()
    {
        const string text = "Le joueur Marc Roy a marqué deux fois. « C'est une belle victoire pour nous », savoure-t-il.";
        var q = One(text);
        Assert.Equal("Marc Roy", q.Speaker?.Name);
        Assert.Null(q.Verb);
        Assert.Equal("savoure", Text(text, q.VerbSpan!.Value));
    }

    [Theory]
    [InlineData("« Mon client conteste les faits », a indiqué à l'AFP son avocat, Me Paul Girard.", "Paul Girard", "indiquer")] // title in apposition
    [InlineData("« La réforme sera menée à son terme », a fait savoir le ministère du Travail.", "le ministère du Travail", "faire savoir")]
    [InlineData("« C'est historique », a également déclaré aux journalistes la présidente Ursula von der Leyen.", "Ursula von der Leyen", "déclarer")] // audience, particles
    [InlineData("« Nous avons gagné », ont-ils affirmé à la presse.", null, "affirmer")]                                     // no antecedent
    [InlineData("« Deux suspects ont été interpellés », a-t-on appris de source policière.", "source policière", null)]   // impersonal, with its source
    public void Incise_variants(string text, string? speaker, string? verb)
    {
        var q = One(text);
        Assert.Equal(speaker, q.Speaker?.Name);
        Assert.Equal(verb, q.Verb);
    }

    [Theory]
    [InlineData("Le maire Jean Dupuis a déclaré : « La ville ne paiera pas cette facture. »", "Jean Dupuis", "déclarer")]
    [InlineData("Au nom du conseil, la présidente Sophie Lenoir déclare : « Le budget sera voté demain. »", "Sophie Lenoir", "déclarer")]
    [InlineData("Il a ensuite cédé la parole à Mme Lenoir, qui explique : « Le budget sera voté demain. »", "Lenoir", "expliquer")]
    [InlineData("Le communiqué de l'armée : « Aucune victime n'est à déplorer ce matin. »", "Le communiqué de l'armée", null)]
    public void Clause_before_a_colon_gives_the_speaker(string text, string speaker, string? verb)
    {
        var q = One(text);
        Assert.Equal(speaker, q.Speaker?.Name);
        Assert.Equal(verb, q.Verb);
    }

    [Theory]
    [InlineData("Pour l'économiste Claire Petit, « la croissance restera faible cette année ».", "Claire Petit")]
    [InlineData("« Le calme est revenu dans la capitale », selon un responsable local.", "un responsable local")]
    [InlineData("D'après le syndicat, « les salaires doivent suivre l'inflation ».", "le syndicat")]
    [InlineData("Selon M. Ménard, la réforme sera « bien accueillie par les élus locaux ».", "Ménard")]
    public void Cue_words_give_the_speaker(string text, string speaker) => Assert.Equal(speaker, One(text).Speaker?.Name);

    [Fact]
    public void Partial_quote_inside_reported_speech_belongs_to_the_subject_of_the_verb()
    {
        const string text = "La ministre Anne Roche a affirmé qu'elle restait « totalement déterminée à agir ».";
        var q = One(text);
        Assert.Equal("totalement déterminée à agir", Text(text, q.Span));
        Assert.Equal("Anne Roche", q.Speaker?.Name);
        Assert.Equal("affirmer", q.Verb);
    }

    [Fact]
    public void Partial_quote_without_a_verb_belongs_to_the_subject_of_its_clause()
    {
        var q = One("Alors que les anciens alliés du maire gardent « un souvenir amer de cette époque », il se tait.");
        Assert.Equal("les anciens alliés du maire", q.Speaker?.Name);
    }

    [Fact]
    public void Qualification_then_agent_gives_the_speaker()
    {
        var q = One("Le projet, qualifié de « véritable provocation sociale » par un élu de l'opposition, a été adopté.");
        Assert.Equal("un élu de l'opposition", q.Speaker?.Name);
        Assert.Equal("qualifier", q.Verb);
    }

    [Fact]
    public void Interrupted_quote_is_one_quote_with_two_parts()
    {
        const string text = "« Nous verrons, a dit le ministre, si les conditions sont réunies. »";
        var q = One(text);
        Assert.Equal("le ministre", q.Speaker?.Name);
        Assert.Equal("dire", q.Verb);
        Assert.Equal(2, q.Parts.Count);
        Assert.Equal("Nous verrons", Text(text, q.Parts[0]));
        Assert.Equal("si les conditions sont réunies.", Text(text, q.Parts[1]));
    }

    [Fact]
    public void An_inverted_incise_may_carry_a_clause_of_its_own()
    {
        const string text = "Paul Martin est arrivé à la gare. « Je pars demain, glisse-t-il lorsqu'on le croise devant la gare. Rien n'est prévu. »";
        var q = One(text);
        Assert.Equal(2, q.Parts.Count);
        Assert.Equal("Je pars demain", Text(text, q.Parts[0]));
        Assert.Equal("Rien n'est prévu.", Text(text, q.Parts[1]));
        Assert.Equal("Paul Martin", q.Speaker?.Name);
    }

    [Fact]
    public void A_name_after_a_reporting_verb_is_taken_up_by_a_later_pronoun()
    {
        // "Le problème" is the nearest masculine subject; the inverted subject of "raconte" is who speaks next
        const string text = "Le problème est ancien, comme le raconte Paul Martin. « Je suis très inquiet, glisse-t-il. Rien n'est prêt. »";
        Assert.Equal("Paul Martin", One(text).Speaker?.Name);
    }

    [Fact]
    public void Quote_over_several_sentences_is_one_quote()
    {
        const string text = "« Le projet est prêt. Il sera présenté demain. Nous sommes confiants », a expliqué Marc Leroy.";
        var q = One(text);
        Assert.Equal("Le projet est prêt. Il sera présenté demain. Nous sommes confiants", Text(text, q.Span));
        Assert.Equal("Marc Leroy", q.Speaker?.Name);
    }

    [Fact]
    public void Quote_without_a_cue_continues_the_previous_speaker()
    {
        var quotes = Direct("« Le texte est mauvais », a estimé la sénatrice Laure Vidal. « Il faudra tout reprendre depuis le début. »");
        Assert.Equal(2, quotes.Length);
        Assert.Equal("Laure Vidal", quotes[1].Speaker?.Name);
    }

    [Fact]
    public void Headline_quote_is_said_by_the_subject_of_the_next_sentence()
    {
        var q = One("« Nous irons jusqu'au bout de cette grève »\nMarie Lenoir, secrétaire générale du syndicat, a appelé mardi à la grève.");
        Assert.Equal("Marie Lenoir", q.Speaker?.Name);
    }

    [Fact]
    public void Surname_alone_is_completed_from_the_full_name_used_earlier()
    {
        var quotes = Direct("Éric Alan Caldwell a présenté le bilan. « Notre règlement n'a pas été respecté », a dit M. Caldwell.");
        Assert.Equal("Éric Alan Caldwell", Assert.Single(quotes).Speaker?.Name);
    }

    [Theory]
    [InlineData("Le président brésilien Luiz Inacio Lula da Silva a parlé. « Le Brésil est de retour », a lancé Lula.", "Luiz Inacio Lula da Silva")] // inside the full name
    [InlineData("« La croissance sera là », a estimé le ministre de l'Economie Bruno Le Maire.", "Bruno Le Maire")]                       // institution, then name
    public void Names_are_read_whole(string text, string speaker) => Assert.Equal(speaker, One(text).Speaker?.Name);

    [Fact]
    public void Definite_description_is_linked_to_the_person_it_named()
    {
        var quotes = Direct("« Le risque est faible », précise la toxicologue Marie Dubois. Pour la toxicologue, « interdire ce produit serait une erreur ».");
        Assert.Equal(2, quotes.Length);
        Assert.Equal("Marie Dubois", quotes[1].Speaker?.Name);
        Assert.Equal("la toxicologue", quotes[1].Speaker?.Description);
    }

    [Fact]
    public void Impersonal_source_is_the_publication_named()
    {
        var q = One("« Le gouvernement prépare un remaniement », peut-on lire dans Le Figaro.");
        Assert.Equal("Le Figaro", q.Speaker?.Name);
        Assert.Equal("lire", q.Verb);
    }

    [Theory]
    [InlineData("Il a dit : \"Je reviendrai bientôt à Paris.\"")]               // straight quotes
    [InlineData("“Nous partirons demain matin”, a confirmé le capitaine.")]    // curly quotes
    [InlineData("«Nous partirons demain matin», a confirmé le capitaine.")]    // no spaces inside the marks
    public void Every_kind_of_quotation_mark_is_read(string text) => Assert.NotNull(One(text).Speaker);

    [Theory]
    [InlineData("Le gouvernement parle de « réforme » et de « modernisation ».")]             // one word each
    [InlineData("Il a lu le rapport « Perspectives économiques mondiales » publié hier.")]   // a title
    [InlineData("L'opération « Barkhane Sahel » a pris fin en 2022.")]                         // a name
    [InlineData("Ce bateau, baptisé « la belle étoile du nord », partira lundi.")]             // a name after "baptisé"
    [InlineData("Il a été mis en examen pour « abus de biens sociaux ».")]                    // a charge after "pour"
    [InlineData("Le chef de gang, surnommé « le roi du port », a été arrêté.")]               // a nickname
    [InlineData("Le « lazy bed » (« plate-bande de paresseux ») était courant.")]             // a gloss in brackets
    public void Scare_quotes_titles_names_and_labels_are_not_quotations(string text) => Assert.Empty(Direct(text));

    [Fact]
    public void Three_word_partial_quote_is_kept_with_the_subject_of_its_clause()
    {
        const string text = "Le député dénonce une « chasse aux sorcières » depuis des mois.";
        Assert.Equal("Le député", One(text).Speaker?.Name);
    }

    [Theory]
    [InlineData("Le ministre de l'Intérieur a affirmé que la situation était sous contrôle.", "la situation était sous contrôle", "Le ministre de l'Intérieur", "affirmer")]
    [InlineData("Selon la police, trois personnes ont été interpellées dans la nuit.", "trois personnes ont été interpellées dans la nuit", "la police", null)]
    [InlineData("Trois personnes ont été blessées, a annoncé la préfecture.", "Trois personnes ont été blessées", "la préfecture", "annoncer")]
    [InlineData("Le sommet n'aura pas lieu, selon Washington.", "Le sommet n'aura pas lieu", "Washington", null)]
    [InlineData("Le maire estime que le projet coûte trop cher.", "le projet coûte trop cher", "Le maire", "estimer")]
    public void Reported_speech_is_indirect_with_its_content(string text, string content, string speaker, string? verb)
    {
        var q = Assert.Single(Find(text).Quotes);
        Assert.False(q.Direct);
        Assert.Equal(content, text[q.Span.Start..q.Span.End]);
        Assert.Equal(speaker, q.Speaker?.Name);
        Assert.Equal(verb, q.Verb);
    }

    [Fact]
    public void Passive_with_ete_is_not_reported_speech()
    {
        Assert.Empty(Find("Il a été observé que les trottinettes étaient mal garées.").Quotes);
    }

    private const string Tuesday = "Les pourparlers doivent porter « uniquement sur les opérations de nos ambassades », avait précisé mardi le porte-parole Marc Roy.";

    [Fact]
    public void Date_is_the_time_attached_to_the_reporting_verb()
    {
        var d = Prepare(Tuesday, new DateOnly(2025, 4, 10));
        int at = Tuesday.IndexOf("mardi", StringComparison.Ordinal);
        d.Times = [new TimeExpression { Span = new TextSpan(at, at + 5), Type = TimeType.Date, Value = "2025-04-08" }];
        var q = Assert.Single(Find(d).Quotes);
        Assert.Equal("2025-04-08", q.Date);
        Assert.Equal("préciser", q.Verb);
        Assert.Equal("Marc Roy", q.Speaker?.Name);
    }

    [Fact]
    public void Time_elsewhere_in_the_sentence_is_not_the_date_of_the_quote()
    {
        const string text = "« Le vote aura lieu jeudi comme prévu », a déclaré le président du Sénat.";
        var d = Prepare(text, new DateOnly(2025, 4, 10));
        int at = text.IndexOf("jeudi", StringComparison.Ordinal);
        d.Times = [new TimeExpression { Span = new TextSpan(at, at + 5), Type = TimeType.Date, Value = "2025-04-17" }];
        Assert.Equal("2025-04-10", Assert.Single(Find(d).Quotes).Date);
    }

    [Fact]
    public void Date_falls_back_to_the_publication_date_or_stays_unknown()
    {
        Assert.Equal("2025-04-10", Assert.Single(Find(Tuesday, new DateOnly(2025, 4, 10)).Quotes).Date);
        Assert.Null(Assert.Single(Find(Tuesday).Quotes).Date);
    }

    [Fact]
    public void Speaker_is_linked_to_the_entity_whose_mention_overlaps_it()
    {
        var d = Prepare(Tuesday, new DateOnly(2025, 4, 10));
        int at = Tuesday.IndexOf("Marc Roy", StringComparison.Ordinal);
        d.Mentions = [new EntityMention(new TextSpan(at, at + 8), EntityType.PER, MentionKind.Name, 0)];
        d.Entities = [new Entity { Id = "e1", Type = EntityType.PER, Name = "Marc Roy-Dufresne", Mentions = [0], Country = "CAN" }];
        var speaker = Assert.Single(Find(d).Quotes).Speaker!;
        Assert.Equal("e1", speaker.Entity);
        Assert.Equal("Marc Roy-Dufresne", speaker.Name);
        Assert.Equal("CAN", speaker.Country);
    }

    [Theory]
    [InlineData("« Il ne partira pas », selon un proche de Marc Roy.", "un proche de Marc Roy")]
    [InlineData("« Il ne partira pas », ont confié des amis de Marc Roy.", "des amis de Marc Roy")]
    public void A_person_close_to_someone_is_not_that_someone(string text, string expected)
    {
        var d = Prepare(text);
        int at = text.IndexOf("Marc Roy", StringComparison.Ordinal);
        d.Mentions = [new EntityMention(new TextSpan(at, at + 8), EntityType.PER, MentionKind.Name, 0)];
        d.Entities = [new Entity { Id = "e1", Type = EntityType.PER, Name = "Marc Roy", Mentions = [0], Country = "CAN" }];
        var speaker = Assert.Single(Find(d).Quotes).Speaker!;
        Assert.Null(speaker.Entity);
        Assert.Equal(expected, speaker.Name);
        Assert.Null(speaker.Country);
    }

    [Fact]
    public void Pronoun_speaker_is_linked_to_the_entity_of_its_antecedent()
    {
        const string text = "Marc Roy est arrivé à Genève. « Nous signerons demain matin », a-t-il assuré.";
        var d = Prepare(text);
        d.Mentions = [new EntityMention(new TextSpan(0, 8), EntityType.PER, MentionKind.Name, 0)];
        d.Entities = [new Entity { Id = "e7", Type = EntityType.PER, Name = "Marc Roy", Mentions = [0] }];
        var speaker = Assert.Single(Find(d).Quotes).Speaker!;
        Assert.Equal("e7", speaker.Entity);
        Assert.Equal("-t-il", text[speaker.Span!.Value.Start..speaker.Span.Value.End]);
    }

    [Fact]
    public void Quotation_over_paragraphs_takes_the_attribution_of_its_last_part()
    {
        var quotes = Direct("Le ministre Paul Durand a parlé.\n« Nous avons fait des propositions concrètes.\n« Nous restons ouverts », a conclu la présidente Marie Dupont.");
        Assert.Equal(2, quotes.Length);
        Assert.All(quotes, q => Assert.Equal("Marie Dupont", q.Speaker?.Name));
    }

    [Fact]
    public void Description_with_an_apposed_name_before_the_verb_gives_the_name()
    {
        var q = One("Le ministre des Transports, Clément Durand, a assuré : « Aucune solution ne sera imposée. »");
        Assert.Equal("Clément Durand", q.Speaker?.Name);
        Assert.Equal("Le ministre des Transports", q.Speaker?.Description);
    }

    [Fact]
    public void Impersonal_incise_keeps_the_quotation_without_a_speaker()
    {
        var q = One("« On ne lâchera rien », a-t-on entendu dans le cortège.");
        Assert.Null(q.Speaker?.Name);
    }

    [Fact]
    public void Source_opening_the_sentence_may_carry_a_modifier()
    {
        var q = One("Selon un responsable américain ayant requis l'anonymat, Washington « étudie toutes les options ».");
        Assert.Equal("un responsable américain", q.Speaker?.Name);
        Assert.Equal("USA", q.Speaker?.Country);
    }

    [Fact]
    public void Without_tokens_nothing_is_found() => Assert.Empty(Find("").Quotes);

    [Fact]
    public void Random_input_keeps_layers_well_formed()
    {
        var random = new Random(6);
        string[] pieces = ["«", "»", "“", "”", "\"", ",", ".", ":", " ", "\n", "a-t-il", "dit", "selon", "le", "ministre", "Paul", "Roy", "que", "(", ")", "…",
            "a", "déclaré", "une", "source", "a-t-on", "appris", "de", "ancien", "Ministre", "aux", "pour", "qui", "été", "par", "peut-on", "lire", "dans", "Pour", "M.", "von"];
        for (int i = 0; i < 300; i++)
        {
            var text = string.Join(" ", Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var d = Find(text, new DateOnly(2025, 1, 1));
            foreach (var q in d.Quotes)
            {
                Assert.True(q.Span.Length > 0);
                foreach (var part in q.Parts) Assert.True(q.Span.Contains(part));
            }
        }
    }
}
