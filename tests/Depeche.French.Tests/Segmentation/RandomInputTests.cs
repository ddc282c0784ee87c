using Depeche.Testing;

namespace Depeche.French.Tests.Segmentation;

public class RandomInputTests
{
    // Pieces that exercise every rule boundary: quotes of each kind, dashes, elisions, abbreviations, acronyms,
    // signed numbers, brackets, capitals headings, typographic characters the normaliser rewrites, line ends.
    private static readonly string[] Pieces =
    [
        "Le", "maire", "a", "dit", ".", ". ", " ", "  ", "\n", "\r\n", "«", "»", "\u00A0»", "«\u00A0", "\"", "“", "”", "'", "\u2019",
        "l'", "qu\u2019", "aujourd'hui", "-", " - ", "--", "-t-il", "-ci", "rendez-vous", "M.", "sept.", "vol.", "etc.",
        "C.N.R.S.", "J.-P.", "G.", "-3,5", "1 000", "4-0", "n°", "°C", "élu(e)s", "(", ")", "[...]", "(...)", "...", "…",
        "?", "!", ";", ":", ",", "Il", "Les", "INFO", "CAPITALES", "œuvre", "e\u0301te\u0301", "\uFEFF", "\uFB03",
        "https://exemple.fr/a.", "nom@exemple.fr", "@compte", "15h30", "PARIS", "(AFP)", "Avec AFP", "Commentaires",
    ];

    [Fact]
    public void Any_mix_of_tricky_pieces_gives_well_formed_layers()
    {
        var random = new Random(20250410); // fixed seed: a failure is reproducible
        for (int round = 0; round < 2000; round++)
        {
            int count = random.Next(1, 40);
            var text = string.Concat(Enumerable.Range(0, count).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var document = FrenchPipeline.Instance.Process(new Document("r", text));
            LayerInvariants.AssertWellFormed(document);
        }
    }
}
