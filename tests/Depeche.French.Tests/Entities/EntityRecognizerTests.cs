using Depeche.Testing;

namespace Depeche.French.Tests.Entities;

public class EntityRecognizerTests
{
    internal static Document Run(string text, DateOnly? published = null)
    {
        var document = FrenchPipeline.Instance.Process(new Document("t", text, published));
        LayerInvariants.AssertWellFormed(document);
        foreach (var e in document.Entities)
            foreach (int m in e.Mentions) Assert.InRange(m, 0, document.Mentions.Length - 1);
        return document;
    }

    private static (string Text, EntityType Type)[] Names(string text)
    {
        var d = Run(text);
        return [.. d.Mentions.Select(m => (d.Slice(m.Span), m.Type))];
    }

    [Theory]
    // a weekday opening the sentence is no name; a known head of state and a capital are
    [InlineData("Jeudi, Vladimir Poutine a reçu à Moscou son homologue.", "Vladimir Poutine:PER|Moscou:LOC")]
    // a demonym is an actor, not an entity; "agence" is left out of the agency's name
    [InlineData("Selon l'agence Ria Novosti, les Russes ont quitté Kiev mardi.", "Ria Novosti:ORG|Kiev:LOC")]
    // an organisation head written lower case with its complement
    [InlineData("Le ministère des Affaires étrangères a convoqué le diplomate.", "ministère des Affaires étrangères:ORG")]
    // the US ministry is an organisation even in lower case
    [InlineData("La porte-parole du département d'État, Jane Morrow, a démenti.", "département d'État:ORG|Jane Morrow:PER")]
    // a capitalised head takes lower-case adjectives and complements
    [InlineData("Un rapport de l'Office fédéral de la statistique est paru.", "Office fédéral de la statistique:ORG")]
    // "de" joins a given name to a surname
    [InlineData("Elle a rencontré Marielle de Sarnez hier.", "Marielle de Sarnez:PER")]
    // an honorific is not part of the name, and makes a person of an unknown word
    [InlineData("Selon M. Kowalczyk, rien n'est décidé.", "Kowalczyk:PER")]
    // acronyms in the gazetteer need capitals: "Un" is not "UN", "Ue" is not "UE"
    [InlineData("Un accord avec l'UE et l'OTAN est proche.", "UE:ORG|OTAN:ORG")]
    // French town shapes after a locative preposition
    [InlineData("Il habite à Villeneuve-sur-Lot depuis dix ans.", "Villeneuve-sur-Lot:LOC")]
    // a party after its lower-case head: the known name stands alone
    [InlineData("Le parti Les Républicains a voté contre.", "Les Républicains:ORG")]
    // an armed group named by a code
    [InlineData("Les rebelles du M23 ont pris la ville.", "M23:ORG")]
    // a gazetteer entry written lower case matches lower case
    [InlineData("Les talibans ont pris Kaboul.", "talibans:ORG|Kaboul:LOC")]
    // a brand with an inner capital is an organisation
    [InlineData("Le message circulait sur WhatsApp hier.", "WhatsApp:ORG")]
    // a capitalised common noun alone is emphasis, not a name
    [InlineData("Il défend la Constitution avec ardeur.", "")]
    // a town with its département number, as the regional press writes it
    [InlineData("Les élèves du collège Matisse (Pontaut-Crécy, 77) et ceux de Vernelle (91) ont défilé.", "collège Matisse:ORG|Pontaut-Crécy:LOC|Vernelle:LOC")]
    // not a département: a person's age in brackets stays a person
    [InlineData("Le témoin, Gaston Vernelle (102), a parlé.", "Gaston Vernelle:PER")]
    // a heading written all in capitals: only known names count ("Caisse" heads no organisation there)
    [InlineData("MONTANT DE LA CAISSE DE SOLIDARITÉ DEPUIS 2016", "")]
    [InlineData("LA CGT APPELLE À MANIFESTER À MARSEILLE", "CGT:ORG|MARSEILLE:LOC")]
    public void Finds_names_with_their_types(string text, string expected)
    {
        var found = string.Join('|', Names(text).Select(n => $"{n.Text}:{n.Type}"));
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Page_furniture_and_credit_lines_are_no_story_names()
    {
        var names = Names("Les pourparlers ont repris à Genève.\nAvec AFP\nCommentaires");
        Assert.DoesNotContain(names, n => n.Text == "Commentaires");
        Assert.Contains(names, n => n.Text == "Genève" && n.Type == EntityType.LOC);
    }

    [Fact]
    public void Random_input_keeps_layers_well_formed()
    {
        var random = new Random(5);
        const string alphabet = "abcdeÉéèàAZMRT'’-.,;:«» \n()0123456789ÎïœÇ";
        for (int n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(0, 200)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            Run(new string(chars));
        }
    }
}
