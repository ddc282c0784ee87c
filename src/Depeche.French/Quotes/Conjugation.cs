namespace Depeche.French.Quotes;

/// <summary>
/// Generates the inflected forms of regular French verbs and adjectives, so that data files list lemmas only.
/// Pure functions; thread-safe.
/// </summary>
public static class Conjugation
{
    private static readonly string[] Present = ["e", "es", "e", "ons", "ez", "ent"];
    private static readonly string[] Imperfect = ["ais", "ait", "ions", "iez", "aient"];
    private static readonly string[] Simple = ["ai", "as", "a", "âmes", "âtes", "èrent"];
    private static readonly string[] Future = ["ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient"];
    private static readonly string[] Subjunctive = ["e", "es", "ions", "iez", "ent"];

    /// <summary>
    /// Every form of a first-group verb ("préciser": précise, précisait, précisa, précisera, préciserait, précisé+…).
    /// <paramref name="variant"/>: <c>er</c> (é → è before a mute ending: répète), <c>er-grave</c> (e → è: martèle),
    /// <c>er-double</c> (doubled consonant: rappelle).
    /// </summary>
    public static IEnumerable<(string Form, bool Participle)> FirstGroup(string infinitive, string variant = "er")
    {
        if (!infinitive.EndsWith("er", StringComparison.Ordinal)) throw new ArgumentException($"'{infinitive}' is not a first-group verb.", nameof(infinitive));
        string stem = infinitive[..^2];
        // "annoncer" → annonçait; "juger" → jugeait: before a or o the stem keeps its sound
        string soft = stem.EndsWith('c') ? stem[..^1] + "ç" : stem.EndsWith('g') ? stem + "e" : stem;
        // the stem before a mute ending: répète, martèle, rappelle
        string mute = variant switch
        {
            "er-grave" => ReplaceLast(stem, 'e', 'è'),
            "er-double" => stem + stem[^1],
            _ => ReplaceLastAcute(stem),
        };
        string future = variant is "er-grave" or "er-double" ? mute + "er" : infinitive;

        yield return (infinitive, false);
        for (int i = 0; i < Present.Length; i++)
        {
            bool stressed = Present[i] is "e" or "es" or "ent";
            yield return ((stressed ? mute : Present[i] == "ons" ? soft : stem) + Present[i], false);
        }
        foreach (var ending in Imperfect) yield return ((ending[0] == 'a' ? soft : stem) + ending, false);
        foreach (var ending in Simple) yield return ((ending[0] is 'a' or 'â' ? soft : stem) + ending, false);
        foreach (var ending in Future) yield return (future + ending, false);
        foreach (var ending in Subjunctive) yield return ((ending is "ions" or "iez" ? stem : mute) + ending, false);
        yield return (soft + "ant", false);
        foreach (var ending in (string[])["é", "ée", "és", "ées"]) yield return (stem + ending, true);
    }

    /// <summary>Every form of a second-group verb ("avertir": avertit, avertissait, avertira, averti+…).</summary>
    public static IEnumerable<(string Form, bool Participle)> SecondGroup(string infinitive)
    {
        if (!infinitive.EndsWith("ir", StringComparison.Ordinal)) throw new ArgumentException($"'{infinitive}' is not a second-group verb.", nameof(infinitive));
        string stem = infinitive[..^2];
        yield return (infinitive, false);
        foreach (var ending in (string[])["is", "it", "issons", "issez", "issent", "issais", "issait", "issions", "issiez", "issaient", "irent", "isse", "issant"])
            yield return (stem + ending, false);
        foreach (var ending in Future) yield return (infinitive + ending, false);
        foreach (var ending in (string[])["i", "ie", "is", "ies"]) yield return (stem + ending, true);
    }

    /// <summary>Masculine and feminine, singular and plural of an adjective given in the masculine singular (russe, américain, turc).</summary>
    public static IEnumerable<string> AdjectiveForms(string masculine)
    {
        string feminine = masculine switch
        {
            _ when masculine.EndsWith('e') => masculine,
            _ when masculine.EndsWith("ien", StringComparison.Ordinal) || masculine.EndsWith("éen", StringComparison.Ordinal) => masculine + "ne",
            _ when masculine.EndsWith('c') => masculine + "que", // turc → turque, grec → grecque is listed apart if needed
            _ => masculine + "e",
        };
        yield return masculine;
        yield return feminine;
        yield return masculine.EndsWith('s') || masculine.EndsWith('x') ? masculine : masculine + "s";
        yield return feminine + "s";
    }

    private static string ReplaceLast(string s, char from, char to)
    {
        int i = s.LastIndexOf(from);
        return i < 0 ? s : string.Concat(s.AsSpan(0, i), to.ToString(), s.AsSpan(i + 1));
    }

    // "répét" → "répèt", "révél" → "révèl": an é followed only by consonants takes the grave accent before a mute e
    private static string ReplaceLastAcute(string stem)
    {
        int i = stem.Length - 1;
        while (i >= 0 && !IsVowel(stem[i])) i--;
        return i >= 0 && i < stem.Length - 1 && stem[i] == 'é' ? string.Concat(stem.AsSpan(0, i), "è", stem.AsSpan(i + 1)) : stem;
    }

    private static bool IsVowel(char c) => "aeiouyéèêëàâîïôûù".Contains(c);
}
