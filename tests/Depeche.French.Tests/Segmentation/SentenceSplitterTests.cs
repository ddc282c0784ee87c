using Depeche.Testing;

namespace Depeche.French.Tests.Segmentation;

public class SentenceSplitterTests
{
    private static Document Split(string text)
    {
        var document = FrenchPipeline.Instance.Process(new Document("t", text));
        LayerInvariants.AssertWellFormed(document);
        return document;
    }

    private static string[] Story(string text)
    {
        var d = Split(text);
        return [.. d.Sentences.Where(s => s.IsStory).Select(s => d.Slice(s.Span))];
    }

    [Theory]
    [InlineData("M. Dupont est arrivé. Il a parlé.", 2)]                        // "M." is not an end
    [InlineData("« Nous ne céderons pas. Jamais », a-t-il dit.", 1)]             // quotation, then its incise
    [InlineData("Il a dit : « Nous partirons. Demain aussi. » Puis il est parti.", 3)] // no incise: the quotation's sentences stand
    [InlineData("Il est né en 52 av. J.-C. à Rome.", 1)]
    [InlineData("Pourquoi ? » a-t-il demandé.", 1)]                             // "?" followed by lower case
    [InlineData("Le vote a eu lieu. 250 députés ont voté pour.", 2)]            // a sentence may start with a number
    [InlineData("Ils ont mangé des pommes, des poires, etc. Puis ils sont partis.", 2)] // "etc." can close a sentence
    [InlineData("Selon G. W. Bush, rien.", 1)]
    public void Counts_sentences(string text, int expected) => Assert.Equal(expected, Story(text).Length);

    [Theory]
    [InlineData("Il a conclu. \"Nous reviendrons\", a-t-il promis.", "Il a conclu.|\"Nous reviendrons\", a-t-il promis.")] // a glued " opens
    [InlineData("Elle a dit \"non.\" Puis elle est partie.", "Elle a dit \"non.\"|Puis elle est partie.")]                // a " after the stop closes
    [InlineData("Le match est fini. à la reprise, tout change.", "Le match est fini.|à la reprise, tout change.")]           // a lost capital
    [InlineData("Ils étaient sept. Puis huit.", "Ils étaient sept.|Puis huit.")]                                             // "sept." is the number here
    [InlineData("La fête du village Le maire a ouvert le bal.", "La fête du village|Le maire a ouvert le bal.")]             // a headline glued to its story
    [InlineData("Concert réussi Il a réuni cent personnes.", "Concert réussi|Il a réuni cent personnes.")]
    [InlineData("Il l'a lu dans Le Monde hier.", "Il l'a lu dans Le Monde hier.")]                                           // "Le" before a capital is a name
    [InlineData("Il a joué dans Les vieux fourneaux.", "Il a joué dans Les vieux fourneaux.")]                               // no break after "dans"
    [InlineData("« Nous partons. » Elle a souri.", "« Nous partons. »|Elle a souri.")]
    [InlineData("Conseils - Buvez de l'eau - Évitez le soleil", "Conseils|- Buvez de l'eau|- Évitez le soleil")] // list items glued together
    [InlineData("Le ministre - Jean Dupont - a démissionné.", "Le ministre - Jean Dupont - a démissionné.")]           // an incise between dashes
    [InlineData("Le match Lyon - Marseille a été reporté.", "Le match Lyon - Marseille a été reporté.")]              // a pairing of names
    [InlineData("Dates clés - 4 mai : le vote - 12 mai : la promulgation", "Dates clés|- 4 mai : le vote|- 12 mai : la promulgation")] // items may start with a number
    [InlineData("Une hausse de 10 - 15 % est prévue.", "Une hausse de 10 - 15 % est prévue.")]                                  // a range, not an item
    [InlineData("Il y aura des aides. En revanche rien pour les autres.", "Il y aura des aides.|En revanche rien pour les autres.")]
    [InlineData("Le vote est acquis ; la loi sera promulguée.", "Le vote est acquis ; la loi sera promulguée.")]               // ";" joins clauses of one sentence
    [InlineData("MODE D'EMPLOI Versez la poudre dans l'eau.", "MODE D'EMPLOI|Versez la poudre dans l'eau.")]                  // a heading in capitals
    [InlineData("Le groupe LVMH Moët Hennessy a publié ses comptes.", "Le groupe LVMH Moët Hennessy a publié ses comptes.")]      // one acronym is no heading
    [InlineData("L'AG Éducation a voté la grève.", "L'AG Éducation a voté la grève.")]                                         // "L'" is no capitals word
    [InlineData("« Nous irons [...] Personne ne nous arrêtera », dit-il.", "« Nous irons [...] Personne ne nous arrêtera », dit-il.")] // a cut, not an end
    [InlineData("Voir le fichier photo.JPG joint.", "Voir le fichier photo.JPG joint.")]                                       // no space: no end
    [InlineData("Il est parti.Le lendemain il est revenu.", "Il est parti.|Le lendemain il est revenu.")]                         // a missing space after a full stop
    public void Splits_running_text_without_line_breaks(string text, string expected) => Assert.Equal(expected.Split('|'), Story(text));

    // Headings, list items and table rows glued to the next sentence when the line breaks are lost (docs/segmentation.md).
    [Theory]
    [InlineData("Le stock est épuisé ; Il faudra attendre lundi.", "Le stock est épuisé ;|Il faudra attendre lundi.")]          // no capital after ";" in French
    [InlineData("Il a rejoint le mouvement En Marche en 2016.", "Il a rejoint le mouvement En Marche en 2016.")]              // an opener before a capitalised word: a name
    [InlineData("Le dossier est clos ; Sur Jean Dupont, rien n'a été trouvé.", "Le dossier est clos ;|Sur Jean Dupont, rien n'a été trouvé.")] // ...but a capital after ";" is the sign
    [InlineData("Ont signé : Paul Martin ; Jeanne Petit.", "Ont signé : Paul Martin ; Jeanne Petit.")]                         // names after ";" are no opener
    [InlineData("Il l'a lu dans le quotidien Il Giornale hier.", "Il l'a lu dans le quotidien Il Giornale hier.")]            // a pronoun before a capital: a name
    [InlineData("La chanteuse Elle King a chanté.", "La chanteuse Elle King a chanté.")]
    [InlineData("Il a écrit le livre Une vie simple.", "Il a écrit le livre Une vie simple.")]                                 // a title after "livre"
    [InlineData("Les faits Le 3 juin, la police est intervenue.", "Les faits|Le 3 juin, la police est intervenue.")]          // "Le" before a date
    [InlineData("Le point au nord est noté A. Il sert de repère.", "Le point au nord est noté A.|Il sert de repère.")]        // an initial, then an opener
    [InlineData("Selon J. Le Goff, rien ne change.", "Selon J. Le Goff, rien ne change.")]                                    // an initial inside a name
    [InlineData("Le produit est prêt. Conservation : Il faut le garder au frais.", "Le produit est prêt.|Conservation :|Il faut le garder au frais.")] // a short heading and its colon
    [InlineData("Le maire a prévenu : Il faudra payer.", "Le maire a prévenu : Il faudra payer.")]                           // a sentence, not a heading
    [InlineData("Paul a prévenu : Il faudra payer.", "Paul a prévenu : Il faudra payer.")]                                   // a reporting verb
    [InlineData("Il a lu la Revue Moderne : Quand les mots changent.", "Il a lu la Revue Moderne : Quand les mots changent.")] // a title and its subtitle
    [InlineData("Il est parti. Dupont : Il faut agir.", "Il est parti.|Dupont : Il faut agir.")]                              // a name, not a heading
    [InlineData("Il est parti. Revue Moderne : Quand les mots changent.", "Il est parti.|Revue Moderne : Quand les mots changent.")] // capitalised words: a title
    [InlineData("Il a dit : \"je ne le ferai pas \". Bilan de la journée Le maire a parlé.", "Il a dit : \"je ne le ferai pas \".|Bilan de la journée|Le maire a parlé.")] // a " before "." closes
    [InlineData("Il chante - et il danse - et il rit.", "Il chante - et il danse - et il rit.")]                              // "et" repeated: incises, not items
    [InlineData("Parlez-en à votre médecin : - si vous toussez - si vous avez de la fièvre", "Parlez-en à votre médecin :|- si vous toussez|- si vous avez de la fièvre")] // a list after ":", items repeat their first word
    [InlineData("Il a vu le film - un navet - avant de partir.", "Il a vu le film - un navet - avant de partir.")]          // an incise in lower case
    [InlineData("Voir aussi - Révolution de 1848 - Commune de Paris - Mai 68", "Voir aussi|- Révolution de 1848|- Commune de Paris|- Mai 68")] // a chain of items after a capitalised word
    [InlineData("Le train Paris - Lyon - Marseille est parti à l'heure.", "Le train Paris - Lyon - Marseille est parti à l'heure.")]  // two dashes: a route, not a list
    [InlineData("Prenez un verre d'eau RESUME DES CARACTERISTIQUES Le produit est blanc.", "Prenez un verre d'eau|RESUME DES CARACTERISTIQUES|Le produit est blanc.")] // a heading in capitals after lower case
    [InlineData("Il travaille pour le groupe LVMH SA depuis mars.", "Il travaille pour le groupe LVMH SA depuis mars.")]     // two acronyms are no heading
    public void Splits_glued_headings_and_lists(string text, string expected) => Assert.Equal(expected.Split('|'), Story(text));

    [Fact]
    public void A_dash_chain_does_not_run_across_lines()
    {
        // three lines "artist - venue": each dash pairs two names on its own line, no chain of three items
        var d = Split("- Lise Martin - Zénith\n- Paul Durand - Olympia\n- Anne Petit - Bataclan");
        Assert.Equal(["- Lise Martin - Zénith", "- Paul Durand - Olympia", "- Anne Petit - Bataclan"], d.Sentences.Select(s => d.Slice(s.Span)));
    }

    [Fact]
    public void An_unclosed_quotation_does_not_swallow_the_following_sentences()
    {
        // the « is never closed; ten sentences later a » followed by an incise must not merge them all into one
        var text = "Il parle d'une « réforme. " + string.Concat(Enumerable.Range(1, 10).Select(k => $"Le texte numéro {k} arrive. ")) + "Fin », a-t-il dit.";
        Assert.True(Story(text).Length >= 9);
    }

    [Fact]
    public void A_quotation_closed_by_an_incise_stays_one_sentence()
    {
        var sentences = Story("« Nous ne céderons pas. Nous irons jusqu'au bout. Jamais », a-t-il dit. Puis il est parti.");
        Assert.Equal(2, sentences.Length);
    }

    [Fact]
    public void A_line_without_final_punctuation_is_a_headline()
    {
        var d = Split("Nouveaux pourparlers à Istanbul\nLes délégations sont arrivées.");
        Assert.Equal([SegmentKind.Headline, SegmentKind.Sentence], d.Sentences.Select(s => s.Kind));
    }

    [Fact]
    public void Credit_line_fills_credits_and_is_no_story_sentence()
    {
        var d = Split("Les délégations sont arrivées.\nAvec AFP et Reuters\nCommentaires");
        Assert.Equal([SegmentKind.Sentence, SegmentKind.Credit, SegmentKind.Boilerplate], d.Sentences.Select(s => s.Kind));
        Assert.Equal(["AFP", "Reuters"], d.Credits);
    }

    [Fact]
    public void A_sentence_starting_with_avec_is_no_credit()
    {
        var d = Split("Avec AFP, le journal a signé un accord.");
        Assert.Equal(SegmentKind.Sentence, Assert.Single(d.Sentences).Kind);
        Assert.Empty(d.Credits);
    }

    [Fact]
    public void Dateline_is_its_own_segment_and_credits_the_agency()
    {
        var d = Split("PARIS, 10 avril (AFP) - Le ministre est arrivé jeudi.");
        Assert.Equal([SegmentKind.Dateline, SegmentKind.Sentence], d.Sentences.Select(s => s.Kind));
        Assert.Equal("Le ministre est arrivé jeudi.", d.Slice(d.Sentences[1].Span));
        Assert.Equal(["AFP"], d.Credits);
    }

    [Fact]
    public void Spans_are_in_original_offsets_when_the_text_has_CRLF_and_NBSP()
    {
        const string text = "Il a dit\u00A0: «\u00A0non\u00A0».\r\nElle l\u2019a répété.";
        var d = Split(text);
        Assert.Equal(["Il a dit\u00A0: «\u00A0non\u00A0».", "Elle l\u2019a répété."], d.Sentences.Select(s => d.Slice(s.Span)));
    }
}
