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
    // French told by its own words: "de", "en", "à" and elisions, which Spanish reads as "de", "en" only
    [InlineData("En réponse, la Suisse a rappelé mardi son consul en poste à Lyon. Ce geste intervient trois jours après l'arrestation de l'attaché d'ambassade à Berne.", "fr")]
    [InlineData("En respuesta, el gobierno de Chile llamó el martes a su cónsul en Lima, tres días después de la detención del agregado de la embajada.", "es")]
    public void Identifies_the_language_of_prose(string text, string expected) => Assert.Equal(expected, LanguageIdentifier.Identify(text));

    [Theory]
    [InlineData("Rennes")]                 // a name: no function words
    [InlineData("")]
    [InlineData("Budget 2025 : 35 voix")]  // a headline is too short to say
    // mis-decoded bytes: a few "a", "à", "de" among letters that make no words are no French
    [InlineData("Ãà ÐÂ»ªÍø a ºÓ±±ÆµµÀ ¸å¼þÀ´Ô´ à Ò»¸öÔ¼¶¨ ÐÅÊØ15Äê de ¸ÐÈËÖÁÉî Ò»¶ÎÕæÇé a ÑÓÐø15Äê ´ßÈËÀáÏÂ de ÔÂ3ÈÕÉÏÎç »°¾ç¡¶Ô¼¶¨ÎÞÆÚÏÞ ¡·È«Ê¡¸÷ÊÐÑ²ÑÝ »î¶¯À´µ½ÕÅ¼Ò¿Ú à »°¾ç½áÎ² µ±°çÑÝºÓ±± Å©´ó¹ûÊ÷93 °à±ÏÒµÉúµÄ ÈÌåÑÝÔ± º°³öï¬ïÏ ÊÄÑÔ ÐÖµÜ ·ÅÐÄ°É Ö»Òª¶þÀÏ ÔÚÊÀÒ»Ìì ÎÒÃÇ¾Í¹Ü Ò»ÌìÎÒÃÇµÄ Ô¼¶¨Ã»ÓÐ ÆÚÏÞ ¡±Ê± È«³¡ÏìÆð ¾­¾Ã²»Ï¢ µÄÕÆÉù Ðí¶à¹Û ÖÚÁ÷ÏÂ ¸Ð¶¯µÄ ÀáË® ÕâÑùµÄ ÕÆÉù¡¢ ÕâÑùµÄ ¸Ð¶¯ Èç½ñÒÑ ¾­´«±é ºÓ±±´óµØ ÎªÉîÈë Ñ§Ï°¹ûÊ÷ °àÓÅÐã ±ÏÒµÉú ÈºÌåµÄ ÏÈ½øÊÂ¼£")]
    public void Too_little_to_say_gives_null_not_french(string text) => Assert.Null(LanguageIdentifier.Identify(text));
}
