using Depeche.French.Normalization;
using Depeche.French.Segmentation;
using Depeche.Testing;

namespace Depeche.French.Tests.Segmentation;

public class BoundaryModelTests
{
    private static string[] Split(string text, SentenceSplitter splitter)
    {
        var document = new Document("t", text);
        new TextNormalizer().Process(document);
        new Tokenizer().Process(document);
        splitter.Process(document);
        LayerInvariants.AssertWellFormed(document);
        return [.. document.Sentences.Select(s => document.Slice(s.Span))];
    }

    private static string[] Split(string text) => Split(text, new SentenceSplitter());

    [Fact]
    public void The_model_is_embedded_and_shared()
    {
        Assert.NotNull(BoundaryModel.Shared);
        Assert.Same(BoundaryModel.Shared, BoundaryModel.Shared);
    }

    // Headings glued to the next sentence with no opener word after them: the rules leave these to the model.
    [Theory]
    [InlineData("Précautions particulières de conservation Aclamine doit être conservé au réfrigérateur.",
        "Précautions particulières de conservation|Aclamine doit être conservé au réfrigérateur.")]
    [InlineData("Troubles digestifs Nausées et vomissements ont été rapportés chez certains patients.",
        "Troubles digestifs|Nausées et vomissements ont été rapportés chez certains patients.")]
    [InlineData("Indications thérapeutiques Vextran est indiqué dans le traitement de la douleur.",
        "Indications thérapeutiques|Vextran est indiqué dans le traitement de la douleur.")]
    public void Splits_a_heading_glued_to_its_text(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Split(text));
        Assert.Equal([text], Split(text, new SentenceSplitter((BoundaryModel?)null))); // the rules alone do not see it
    }

    // News: a capitalised word after a lower-case word is nearly always a name, a title or a place.
    [Theory]
    [InlineData("Le quotidien Libération a révélé mardi que le parti Renaissance avait perdu la région Centre aux élections.")]
    [InlineData("Selon le président Emmanuel Macron, qui a rencontré Vladimir Poutine lundi, la situation reste tendue.")]
    [InlineData("Il a salué son ami Paul Martin devant la mairie de Nancy avant de rejoindre la préfecture Grand Est.")]
    [InlineData("Il habite rue Victor Hugo depuis que son frère Paul Martin est parti vivre aux Etats-Unis avec Marie.")]
    [InlineData("À la fin, des collègues PE ont rejoint l'assemblée pour rendre compte de leurs propositions.")] // an acronym
    [InlineData("Le ministre - Jean Dupont - a démenti toute rencontre avec les syndicats.")]                   // an incise between dashes
    [InlineData("Le gouvernement a annoncé une hausse des salaires ; les syndicats restent pourtant mobilisés.")] // ";" stays inside
    [InlineData("Lettre de motivation : Défendre l'autonomie de la recherche et des formations")]                // ":" stays inside
    [InlineData("Rendez-vous le 3 Mars à Lyon.")]                                                                // a month after its day
    [InlineData("Séance du 14 Avril consacrée au budget.")]
    [InlineData("Nous partons Lundi 12 Janvier, 2026")]
    public void Keeps_names_incises_and_clauses_in_one_sentence(string text) => Assert.Equal([text], Split(text));

    [Fact]
    public void A_list_marker_stays_with_its_item()
    {
        const string text = "1) Conférence de presse du mercredi 11 septembre pour un bilan de la rentrée";
        Assert.Equal([text], Split(text));
    }

    [Fact]
    public void A_line_break_still_ends_a_segment() =>
        Assert.Equal(["Le conseil municipal", "Pierre Martin a été élu maire samedi."], Split("Le conseil municipal\nPierre Martin a été élu maire samedi."));

    [Fact]
    public void Save_and_load_keep_every_decision()
    {
        var model = BoundaryModel.Shared!;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = BoundaryModel.Load(stream);
        const string text = "Précautions particulières de conservation Aclamine doit être conservé. Troubles digestifs Nausées et vomissements "
            + "ont été rapportés. Le quotidien Libération a révélé mardi que le parti Renaissance avait perdu.";
        Assert.Equal(Split(text, new SentenceSplitter(model)), Split(text, new SentenceSplitter(loaded)));
    }

    [Fact]
    public void Training_is_deterministic_and_learns_from_gold_ends()
    {
        // headings glued to their text (gold ends after them) and names inside sentences (no end), written for this test
        string[] headings = ["Horaires d'été", "Travaux de voirie", "Marché de noël", "Collecte des déchets", "Fête de la musique", "Rentrée scolaire"];
        string[] names = ["Paul", "Marie", "Lucie", "Hugo", "Jeanne", "Louis"];
        var text = new System.Text.StringBuilder();
        var ends = new HashSet<int>();
        for (int k = 0; k < 60; k++)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(headings[k % headings.Length]);
            ends.Add(text.Length);
            text.Append(' ').Append(names[(k + 1) % names.Length]).Append(" a vu son voisin ").Append(names[k % names.Length]).Append(" hier soir.");
            ends.Add(text.Length);
        }
        var example = new BoundaryExample("synthetic", text.ToString(), ends);
        var options = new BoundaryTrainingOptions { Bits = 12, Epochs = 5, Models = 2 };
        var first = BoundaryTrainer.Train([example], options, TextWriter.Null);
        var second = BoundaryTrainer.Train([example], options, TextWriter.Null);
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        first.Save(a);
        second.Save(b);
        Assert.Equal(a.ToArray(), b.ToArray());

        var splitter = new SentenceSplitter(first);
        Assert.Equal(["Travaux de voirie", "Hugo a vu son voisin Louis hier soir."], Split("Travaux de voirie Hugo a vu son voisin Louis hier soir.", splitter));
    }

    [Fact]
    public void Splitting_is_thread_safe()
    {
        const string text = "Précautions particulières de conservation Aclamine doit être conservé au réfrigérateur. Le quotidien Libération a révélé mardi.";
        var expected = Split(text);
        var results = new string[64][];
        Parallel.For(0, results.Length, k => results[k] = Split(text));
        foreach (var r in results) Assert.Equal(expected, r);
    }
}
