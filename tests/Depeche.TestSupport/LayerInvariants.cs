using Xunit;

namespace Depeche.Testing;

/// <summary>Checks every layer of a document is well formed: in bounds, non-empty, sorted, and linked consistently.</summary>
public static class LayerInvariants
{
    public static void AssertWellFormed(Document document)
    {
        int length = document.Text.Length;
        int previousEnd = 0;
        foreach (var token in document.Tokens)
        {
            Assert.True(token.Span.Start >= previousEnd, $"token {token.Span} overlaps or precedes the previous one (ended at {previousEnd})");
            Assert.True(token.Span.End > token.Span.Start, $"empty token at {token.Span}");
            Assert.True(token.Span.End <= length, $"token {token.Span} past the end ({length})");
            previousEnd = token.Span.End;
        }
        int nextToken = 0;
        foreach (var sentence in document.Sentences)
        {
            Assert.Equal(nextToken, sentence.FirstToken);
            Assert.True(sentence.TokenCount > 0, $"empty segment at {sentence.Span}");
            Assert.Equal(document.Tokens[sentence.FirstToken].Span.Start, sentence.Span.Start);
            Assert.Equal(document.Tokens[sentence.EndToken - 1].Span.End, sentence.Span.End);
            nextToken = sentence.EndToken;
        }
        if (document.Sentences.Length > 0) Assert.Equal(document.Tokens.Length, nextToken);
        if (document.Tags.Length > 0) Assert.Equal(document.Tokens.Length, document.Tags.Length);
        foreach (var m in document.Mentions)
            Assert.True(m.Span.Start >= 0 && m.Span.End <= length && m.Span.End > m.Span.Start, $"mention {m.Span} out of bounds");
        foreach (var t in document.Times)
            Assert.True(t.Span.Start >= 0 && t.Span.End <= length && t.Span.End > t.Span.Start, $"time {t.Span} out of bounds");
        foreach (var q in document.Quotes)
            Assert.True(q.Span.Start >= 0 && q.Span.End <= length && q.Span.End > q.Span.Start, $"quote {q.Span} out of bounds");
    }
}
