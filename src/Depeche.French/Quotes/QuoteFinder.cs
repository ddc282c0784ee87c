using Depeche.Pipeline;
using Depeche.Text;

namespace Depeche.French.Quotes;

/// <summary>
/// Finds quotations and who said them. Direct quotations are the words between « », “ ”, „ “ or " " that report
/// someone's speech, including quotations over several sentences, quotations interrupted by an incise
/// ("« Nous verrons, a-t-il dit, si… »": one quotation with two <see cref="Quote.Parts"/>) and partial quotations
/// inside a sentence; one- and two-word quotations (scare quotes) and short capitalised ones without a reporting
/// context (titles, names) are left out. Reported speech ("X a affirmé que…", "selon X, …", "…, a annoncé X") is
/// recorded with <see cref="Quote.Direct"/> false and the content span.
/// </summary>
/// <remarks>
/// Speakers are read from the text around the quotation: an incise after it (", a indiqué jeudi une source russe",
/// ", a-t-il ajouté", ", précise-t-elle", ", selon X"), a clause before it ("X a déclaré : « … »", "Pour X, « … »",
/// "X a déclaré qu'il n'avait « rien à se reprocher »"), the subject of the clause for a partial quotation, and
/// the previous speaker for a quotation that continues one. Pronouns and definite descriptions are linked to the
/// latest compatible speaker or subject. When an earlier stage added <see cref="Document.Mentions"/>, the speaker is
/// linked to the entity whose mention overlaps it; when it added <see cref="Document.Times"/>, the date is the time
/// attached to the reporting verb ("avait précisé mardi"), else the publication date. Run the entity and time stages
/// before this one to get both; without them it still works. Immutable and thread-safe.
/// </remarks>
public sealed class QuoteFinder : IStage
{
    /// <summary>Fewer words than this between the marks is a scare quote or a label ("« moralisation »").</summary>
    public const int MinWords = 3;

    // A quotation of at most this many words without a reporting context is a label when it is capitalised with no
    // final punctuation (a title or a name: "« Gender gap report »", "« Les voix des Femmes » appelle…") or follows
    // "pour" (a charge or a reason: "mis en examen pour « recel de violation du secret »").
    internal const int MaxLabelWords = 6;

    private readonly QuoteLexicon lexicon;

    public QuoteFinder() : this(QuoteLexicon.Default)
    {
    }

    public QuoteFinder(QuoteLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        this.lexicon = lexicon;
    }

    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Normalized;
    public Layers Adds => Layers.Quotes;

    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Quotes = document.Tokens.Length == 0 ? [] : new QuoteReading(document, lexicon).Run();
    }
}
