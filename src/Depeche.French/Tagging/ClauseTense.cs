using System.Collections.Frozen;
using Depeche.French.Resources;

namespace Depeche.French.Tagging;

/// <summary>When the governing verb of a clause places what it says, relative to the moment of writing.</summary>
public enum TenseReading : byte
{
    /// <summary>No finite verb found in the clause.</summary>
    Unknown,
    /// <summary>"a précisé", "annonçait", "avait précisé", "est arrivé", "vient d'annoncer".</summary>
    Past,
    /// <summary>"estime", "est examiné" (passive present).</summary>
    Present,
    /// <summary>"se tiendront", "va se rendre", "doit se rendre", "aura terminé".</summary>
    Future,
    /// <summary>"serait", "aurait été" (reported or hypothetical).</summary>
    Conditional,
}

/// <summary>
/// The reading of a clause's governing verb: its coarse tense, whether it is a compound (anterior) form ("avait
/// précisé" = Past + anterior, a pluperfect; "aura terminé" = Future + anterior), and the token of its finite verb
/// (-1 when none).
/// </summary>
public readonly record struct ClauseReading(TenseReading Tense, bool Anterior, int Verb)
{
    public static readonly ClauseReading None = new(TenseReading.Unknown, false, -1);

    /// <summary>True for "avait précisé": a past before another past.</summary>
    public bool IsPluperfect => Tense == TenseReading.Past && Anterior;
}

/// <summary>
/// Finds the verb governing the clause around a token (a time expression, say) and reads its tense from the tags,
/// compound tenses included: "avait précisé" → past (pluperfect), "se tiendront" → future, "aurait été" →
/// conditional, "a-t-il ajouté" → past, "va se rendre" → future.
/// </summary>
/// <remarks>
/// Heuristic over tags, no parser: the verb is the nearest one on the left within the clause, else the nearest on the
/// right. Clauses end at ; : « » ( ) quotes and dashes, at coordinating conjunctions and at subordinators and relative
/// pronouns (a relative clause between commas is skipped when looking right). Pure functions; thread-safe.
/// </remarks>
public static class ClauseTense
{
    // Tokens looked at between a finite verb and its participle or infinitive ("n'a-t-il pas encore été").
    private const int MaxGroupGap = 5;

    private static readonly Lazy<FrozenSet<string>> etreVerbs = new(() =>
        Lexicon.ReadWords("etre-verbs.txt").ToFrozenSet(StringComparer.Ordinal));

    // "va se rendre", "doit être voté", "vient d'annoncer" (infinitive-governors.tsv): the reading of the present + infinitive
    private static readonly Lazy<FrozenDictionary<string, (TenseReading Reading, bool NeedsDe)>> governors = new(() =>
        Lexicon.Read("infinitive-governors.tsv", 3).ToFrozenDictionary(r => r.Columns[0], r => (r.Columns[1] switch
        {
            "future" => TenseReading.Future,
            "past" => TenseReading.Past,
            _ => throw new FormatException($"infinitive-governors.tsv:{r.Line}: reading must be future or past, not '{r.Columns[1]}'."),
        }, r.Columns[2] switch
        {
            "de" => true,
            "-" => false,
            _ => throw new FormatException($"infinitive-governors.tsv:{r.Line}: third column must be 'de' or '-', not '{r.Columns[2]}'."),
        }), StringComparer.Ordinal));

    /// <summary>The lemmas of infinitive-governors.tsv (for coverage tests).</summary>
    public static IEnumerable<string> InfinitiveGovernors => governors.Value.Keys;

    /// <summary>The reading at <paramref name="token"/> of a tagged document (needs <see cref="Layers.Tags"/> and sentences).</summary>
    public static ClauseReading At(Document document, int token)
    {
        if ((uint)token >= (uint)document.Tags.Length) return ClauseReading.None;
        int first = 0, end = document.Tags.Length;
        foreach (var s in document.Sentences)
        {
            if (token >= s.FirstToken && token < s.EndToken) { first = s.FirstToken; end = s.EndToken; break; }
        }
        var reading = Read(document.Tags.AsSpan(first, end - first), token - first);
        return reading.Verb < 0 ? reading : reading with { Verb = reading.Verb + first };
    }

    /// <summary>The reading at <paramref name="index"/> of one tagged sentence.</summary>
    public static ClauseReading Read(ReadOnlySpan<TokenTag> tags, int index)
    {
        if ((uint)index >= (uint)tags.Length) return ClauseReading.None;
        // left: the nearest verb of the clause, back to its start
        for (int i = index; i >= 0; i--)
        {
            if (i < index && IsBoundary(tags[i])) break;
            if (!IsVerbal(tags[i])) continue;
            int finite = FiniteFor(tags, i);
            if (finite >= 0) return Group(tags, finite);
            // "le texte, adopté mardi": a participle on its own is a past
            if (tags[i].Feats.VerbForm == VerbForm.Part && tags[i].Feats.Tense == Tense.Past) return new ClauseReading(TenseReading.Past, false, i);
        }
        // right: up to the end of the clause, skipping a relative clause between commas ("Lundi, le ministre, qui …, a dit")
        for (int i = index + 1; i < tags.Length; i++)
        {
            var t = tags[i];
            if (IsRelative(t) && i > 0 && tags[i - 1].Lemma == ",")
            {
                while (i + 1 < tags.Length && tags[i + 1].Lemma != ",") i++;
                continue;
            }
            if (IsBoundary(t)) break;
            if (IsVerbal(t) && t.Feats.VerbForm == VerbForm.Fin) return Group(tags, i);
        }
        return ClauseReading.None;
    }

    // The finite verb that a verbal token belongs to: itself, or the auxiliary of a participle ("a … ajouté"), or the
    // verb governing an infinitive ("va se rendre", "vient d'annoncer"); -1 when there is none.
    private static int FiniteFor(ReadOnlySpan<TokenTag> tags, int i)
    {
        var form = tags[i].Feats.VerbForm;
        if (form == VerbForm.Fin) return i;
        if (form is not (VerbForm.Part or VerbForm.Inf)) return -1;
        for (int k = i - 1, gap = 0; k >= 0 && gap <= MaxGroupGap; k--, gap++)
        {
            var t = tags[k];
            if (IsVerbal(t))
            {
                if (t.Feats.VerbForm == VerbForm.Fin) return k;
                if (t.Feats.VerbForm == VerbForm.Part) continue; // "a été arrêté": keep going to "a"
                // "doit être voté", "va avoir terminé": from a participle, its infinitive auxiliary leads to the governing verb
                if (form == VerbForm.Part && t.Feats.VerbForm == VerbForm.Inf && t.Lemma is "être" or "avoir") continue;
                return -1;
            }
            if (!IsGroupFiller(t)) return -1;
        }
        return -1;
    }

    private static ClauseReading Group(ReadOnlySpan<TokenTag> tags, int finite)
    {
        var verb = tags[finite];
        // the next verbal token of the group: participle or infinitive
        int next = -1;
        for (int k = finite + 1, gap = 0; k < tags.Length && gap <= MaxGroupGap; k++, gap++)
        {
            if (IsVerbal(tags[k])) { next = k; break; }
            if (!IsGroupFiller(tags[k])) break;
        }
        var nextForm = next >= 0 ? tags[next].Feats.VerbForm : VerbForm.None;
        string lemma = verb.Lemma;

        if (nextForm == VerbForm.Inf && verb.Feats.Mood != Mood.Cnd && governors.Value.TryGetValue(lemma, out var governor)
            && (!governor.NeedsDe || HasDe(tags, finite, next)))
        {
            // "vient d'annoncer": recent past ("venait d'annoncer": before another past)
            if (governor.Reading == TenseReading.Past) return new ClauseReading(TenseReading.Past, verb.Feats.Tense == Tense.Imp, finite);
            // "va se rendre", "doit se rendre lundi", "veut réformer": ahead; "allait annoncer" stays in the past narrative
            if (verb.Feats.Tense == Tense.Pres) return new ClauseReading(TenseReading.Future, false, finite);
        }

        bool anterior = false;
        if (nextForm == VerbForm.Part && (lemma == "avoir" || lemma == "être"))
        {
            // "est arrivé", "s'est retiré", "a été": compound past; "est examiné": passive, the tense of "être"
            anterior = lemma == "avoir" || IsReflexive(tags, finite) || etreVerbs.Value.Contains(tags[next].Lemma)
                || (next + 1 < tags.Length && FollowedByParticiple(tags, next));
        }
        var reading = (verb.Feats.Mood, verb.Feats.Tense) switch
        {
            (Mood.Cnd, _) => TenseReading.Conditional,
            (_, Tense.Fut) => TenseReading.Future,
            (_, Tense.Imp) => TenseReading.Past,
            (_, Tense.Past) => TenseReading.Past,
            (_, Tense.Pres) => anterior ? TenseReading.Past : TenseReading.Present,
            (Mood.Imp, _) => TenseReading.Present,
            _ => TenseReading.Unknown,
        };
        // "a précisé" is the plain past; only "avait/eut précisé" are anterior to another past
        if (reading == TenseReading.Past && verb.Feats.Tense == Tense.Pres) anterior = false;
        return new ClauseReading(reading, anterior, finite);
    }

    // "a été arrêté" is read at "été": a participle followed by another participle is an auxiliary's
    private static bool FollowedByParticiple(ReadOnlySpan<TokenTag> tags, int participle)
    {
        for (int k = participle + 1, gap = 0; k < tags.Length && gap <= MaxGroupGap; k++, gap++)
        {
            if (IsVerbal(tags[k])) return tags[k].Feats.VerbForm == VerbForm.Part && tags[participle].Lemma == "être";
            if (!IsGroupFiller(tags[k])) return false;
        }
        return false;
    }

    private static bool IsReflexive(ReadOnlySpan<TokenTag> tags, int finite)
    {
        for (int k = finite - 1; k >= 0 && k >= finite - 3; k--)
        {
            var t = tags[k];
            if (t.Upos != Upos.PRON && !(t.Upos == Upos.ADV && t.Lemma == "ne")) return false;
            if (t.Lemma is "se" or "soi" || (t.Upos == Upos.PRON && t.Feats.Person is Person.First or Person.Second && t.Lemma is "me" or "te" or "nous" or "vous" or "moi" or "toi")) return true;
        }
        return false;
    }

    private static bool HasDe(ReadOnlySpan<TokenTag> tags, int from, int to)
    {
        for (int k = from + 1; k < to; k++) if (tags[k].Lemma == "de") return true;
        return false;
    }

    private static bool IsVerbal(in TokenTag t) => t.Upos is Upos.VERB or Upos.AUX;

    // What may sit inside a verb group: "ne … pas", clitics ("se", "-t-il", "l'"), adverbs ("a aussi précisé"),
    // the "de" of "vient de".
    private static bool IsGroupFiller(in TokenTag t) =>
        t.Upos is Upos.ADV or Upos.PRON or Upos.PART || (t.Upos == Upos.ADP && t.Lemma == "de");

    private static bool IsRelative(in TokenTag t) => t.Upos == Upos.PRON && t.Lemma is "qui" or "dont" or "lequel" or "laquelle" or "lesquels" or "lesquelles";

    private static bool IsBoundary(in TokenTag t) => t.Upos switch
    {
        Upos.PUNCT => t.Lemma is ";" or ":" or "«" or "»" or "\"" or "(" or ")" or "-" or "--" or "—" or "–" or "!" or "?" or "[" or "]",
        Upos.SCONJ or Upos.CCONJ => true,
        Upos.PRON => t.Lemma is "qui" or "que" or "dont" or "où" or "lequel" or "laquelle" or "lesquels" or "lesquelles",
        _ => false,
    };
}
