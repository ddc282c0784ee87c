using Depeche.Text;

namespace Depeche.French.Tagging;

/// <summary>Accuracies (0..1) over a set of surface tokens.</summary>
public sealed record TagScores(int Tokens, double Upos, double Tense, double VerbForm, double Mood, double Lemma, double AllFeats);

/// <summary>Scores on all tokens and on tokens unseen in training (lower-case form not in the training vocabulary).</summary>
public sealed record TaggerReport(TagScores All, TagScores Unknown, double UnknownShare)
{
    /// <summary>UPOS errors by "gold → predicted", most frequent first.</summary>
    public IReadOnlyList<(string Confusion, int Count)> Confusions { get; init; } = [];
    /// <summary>Every lemma error, in text order (for error analysis on held-out training data).</summary>
    public IReadOnlyList<LemmaError> LemmaErrors { get; init; } = [];
}

/// <summary>One wrong lemma: the form, gold and predicted label and lemma, and whether the form was seen in training.</summary>
public sealed record LemmaError(string Form, string GoldLabel, string PredictedLabel, string GoldLemma, string PredictedLemma, bool Known, int Position);

/// <summary>
/// Scores a <see cref="TaggerModel"/> against gold sentences on gold surface tokens: a multi-word token counts once
/// and is right when its joined label ("ADP+DET") and lemma ("de+le") are. A feature is right when predicted and
/// gold agree, absence included (so every token counts for every feature). Thread-safe (stateless).
/// </summary>
public static class TaggerEvaluation
{
    public static TaggerReport Evaluate(TaggerModel model, IReadOnlyList<GoldSentence> sentences)
    {
        var all = new Counter();
        var unknown = new Counter();
        var tags = new TokenTag[256];
        var spans = new TextSpan[256];
        var text = new System.Text.StringBuilder();
        var confusions = new Dictionary<string, int>(StringComparer.Ordinal);
        var lemmaErrors = new List<LemmaError>();
        foreach (var s in sentences)
        {
            int n = s.Forms.Length;
            if (tags.Length < n) { tags = new TokenTag[n * 2]; spans = new TextSpan[n * 2]; }
            text.Clear();
            for (int i = 0; i < n; i++)
            {
                spans[i] = new TextSpan(text.Length, text.Length + s.Forms[i].Length);
                text.Append(s.Forms[i]).Append(' ');
            }
            model.Tag(text.ToString(), spans.AsSpan(0, n), tags);
            for (int i = 0; i < n; i++)
            {
                bool known = model.Lemmatizer.IsKnown(s.Forms[i]);
                all.Add(tags[i], s, i);
                if (!known) unknown.Add(tags[i], s, i);
                if (tags[i].Lemma != s.Lemmas[i])
                    lemmaErrors.Add(new LemmaError(s.Forms[i], s.Labels[i], tags[i].Label, s.Lemmas[i], tags[i].Lemma, known, i));
                if (tags[i].Label != s.Labels[i])
                {
                    string key = $"{s.Labels[i]} → {tags[i].Label}";
                    confusions[key] = confusions.GetValueOrDefault(key) + 1;
                }
            }
        }
        return new TaggerReport(all.Scores(), unknown.Scores(), all.Tokens == 0 ? 0 : (double)unknown.Tokens / all.Tokens)
        {
            LemmaErrors = lemmaErrors,
            Confusions = [.. confusions.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))],
        };
    }

    private sealed class Counter
    {
        public int Tokens;
        private int upos, tense, verbForm, mood, lemma, feats;

        public void Add(TokenTag tag, GoldSentence gold, int i)
        {
            Tokens++;
            var g = gold.Morph[i];
            if (tag.Label == gold.Labels[i]) upos++;
            if (tag.Feats.Tense == g.Tense) tense++;
            if (tag.Feats.VerbForm == g.VerbForm) verbForm++;
            if (tag.Feats.Mood == g.Mood) mood++;
            if (tag.Feats == g) feats++;
            if (tag.Lemma == gold.Lemmas[i]) lemma++;
        }

        public TagScores Scores()
        {
            double d = Math.Max(1, Tokens);
            return new TagScores(Tokens, upos / d, tense / d, verbForm / d, mood / d, lemma / d, feats / d);
        }
    }
}
