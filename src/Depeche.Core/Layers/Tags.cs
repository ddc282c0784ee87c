namespace Depeche;

/// <summary>Universal Dependencies part of speech (UPOS). <see cref="None"/> marks "no tag" (an absent second word).</summary>
public enum Upos : byte
{
    None, ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X,
}

/// <summary>UD <c>VerbForm</c>: finite, infinitive, participle, gerund.</summary>
public enum VerbForm : byte { None, Fin, Inf, Part, Ger }

/// <summary>UD <c>Tense</c>: present, past (passé simple and past participles), imperfect, future.</summary>
public enum Tense : byte { None, Pres, Past, Imp, Fut }

/// <summary>UD <c>Mood</c>: indicative, subjunctive, conditional, imperative.</summary>
public enum Mood : byte { None, Ind, Sub, Cnd, Imp }

/// <summary>UD <c>Person</c>.</summary>
public enum Person : byte { None, First, Second, Third }

/// <summary>UD <c>Number</c>.</summary>
public enum Number : byte { None, Sing, Plur }

/// <summary>UD <c>Gender</c>.</summary>
public enum Gender : byte { None, Masc, Fem }

/// <summary>The morphological features of a token that later stages read, one byte each (<c>None</c> = absent).</summary>
public readonly record struct MorphFeatures(VerbForm VerbForm, Tense Tense, Mood Mood, Person Person, Number Number, Gender Gender)
{
    /// <summary>The features in UD notation, alphabetical ("Gender=Masc|Number=Sing"), or "_" when there are none.</summary>
    public override string ToString()
    {
        var parts = new List<string>(6);
        if (Gender != Gender.None) parts.Add($"Gender={Gender}");
        if (Mood != Mood.None) parts.Add($"Mood={Mood}");
        if (Number != Number.None) parts.Add($"Number={Number}");
        if (Person != Person.None) parts.Add($"Person={(int)Person}");
        if (Tense != Tense.None) parts.Add($"Tense={Tense}");
        if (VerbForm != VerbForm.None) parts.Add($"VerbForm={VerbForm}");
        return parts.Count == 0 ? "_" : string.Join('|', parts);
    }
}

/// <summary>
/// The tag of one surface token, parallel to <see cref="Document.Tokens"/>. A multi-word token ("du" = "de" + "le",
/// "aux" = "à" + "les") carries both analyses: <see cref="Upos"/> of its first word, <see cref="Upos2"/> of its
/// second, and a lemma joined with "+" ("de+le"); other tokens have <see cref="Upos2"/> = <see cref="Depeche.Upos.None"/>.
/// </summary>
public readonly record struct TokenTag(Upos Upos, Upos Upos2, MorphFeatures Feats, string Lemma)
{
    /// <summary>True for a multi-word token ("du", "aux", "duquel").</summary>
    public bool IsMultiWord => Upos2 != Upos.None;

    /// <summary>The UPOS label as in training: "NOUN", or "ADP+DET" for a multi-word token.</summary>
    public string Label => Upos2 == Upos.None ? Upos.ToString() : $"{Upos}+{Upos2}";
}
