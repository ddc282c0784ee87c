using Depeche.Ingestion.Language;

namespace Depeche.Ingestion.Tests.Language;

// Sentences written for these tests.
public class LanguageIdentifierTests
{
    [Theory]
    [InlineData("Le conseil municipal a adopté le budget dans la soirée, selon un communiqué de la mairie qui a été publié vendredi.", "fr")]
    [InlineData("The city council adopted the budget on Thursday, and the mayor said that it was a good day for the city.", "en")]
    [InlineData("Der Stadtrat hat den Haushalt am Donnerstag beschlossen, und die Bürgermeisterin sagte, es sei ein guter Tag für die Stadt.", "de")]
    [InlineData("El consejo municipal aprobó el presupuesto el jueves, y la alcaldesa dijo que fue un buen día para la ciudad.", "es")]
    [InlineData("Il consiglio comunale ha approvato il bilancio giovedì, e la sindaca ha detto che è stato un buon giorno per la città.", "it")]
    [InlineData("Городской совет утвердил бюджет в четверг.", "ru")]
    public void Identifies_the_language_of_prose(string text, string expected) => Assert.Equal(expected, LanguageIdentifier.Identify(text));

    [Theory]
    [InlineData("Rennes")]                 // a name: no function words
    [InlineData("")]
    [InlineData("Budget 2025 : 35 voix")]  // a headline is too short to say
    public void Too_little_to_say_gives_null_not_french(string text) => Assert.Null(LanguageIdentifier.Identify(text));
}
