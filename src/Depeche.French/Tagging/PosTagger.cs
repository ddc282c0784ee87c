using System.Buffers;
using Depeche.Pipeline;
using Depeche.Text;

namespace Depeche.French.Tagging;

/// <summary>
/// Tags every token with UD part of speech, morphological features and lemma (<see cref="Document.Tags"/>), one
/// sentence at a time over the normalised view, so that "l’Ukraine" and "l'Ukraine" tag alike. Tokens outside any
/// segment are tagged as runs of their own.
/// </summary>
/// <remarks>Immutable and thread-safe. The model is resolved on first use (<see cref="TaggerModel.Shared"/> by default).</remarks>
public sealed class PosTagger : IStage
{
    private readonly Lazy<TaggerModel> model;

    /// <summary>A tagger with the embedded model, loaded when the first document is tagged.</summary>
    public PosTagger() => model = new Lazy<TaggerModel>(() => TaggerModel.Shared);

    /// <summary>A tagger with the given model.</summary>
    public PosTagger(TaggerModel model) => this.model = new Lazy<TaggerModel>(model);

    public Layers Requires => Layers.Normalized | Layers.Tokens | Layers.Sentences;
    public Layers Adds => Layers.Tags;

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        var tags = new TokenTag[tokens.Length];
        var rented = ArrayPool<TextSpan>.Shared.Rent(Math.Max(1, tokens.Length));
        try
        {
            var spans = rented.AsSpan(0, tokens.Length);
            ToView(document.Normalized, tokens, spans);
            var tagger = model.Value;
            string view = document.Normalized.Text;
            int next = 0;
            foreach (var sentence in document.Sentences)
            {
                if (sentence.FirstToken < next || sentence.TokenCount == 0) continue;
                if (sentence.FirstToken > next) tagger.Tag(view, spans[next..sentence.FirstToken], tags.AsSpan(next));
                tagger.Tag(view, spans.Slice(sentence.FirstToken, sentence.TokenCount), tags.AsSpan(sentence.FirstToken));
                next = sentence.EndToken;
            }
            if (next < tokens.Length) tagger.Tag(view, spans[next..], tags.AsSpan(next));
        }
        finally
        {
            ArrayPool<TextSpan>.Shared.Return(rented);
        }
        document.Tags = tags;
    }

    /// <summary>
    /// The view spans of tokens given in source offsets: the first view position mapping at or after each bound.
    /// One forward walk, since tokens are in text order and the map never goes backwards.
    /// </summary>
    internal static void ToView(NormalizedText view, ReadOnlySpan<Token> tokens, Span<TextSpan> spans)
    {
        if (view.IsIdentity)
        {
            for (int i = 0; i < tokens.Length; i++) spans[i] = tokens[i].Span;
            return;
        }
        int length = view.Text.Length, v = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var span = tokens[i].Span;
            while (v < length && view.ToSource(v) < span.Start) v++;
            int start = v, end = v;
            while (end < length && view.ToSource(end) < span.End) end++;
            spans[i] = new TextSpan(start, end);
            v = start;
        }
    }
}
