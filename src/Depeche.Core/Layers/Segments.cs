using Depeche.Text;

namespace Depeche;

/// <summary>What a segment of the text is: a sentence of the story or something around it.</summary>
public enum SegmentKind : byte
{
    /// <summary>A sentence of the story (body text).</summary>
    Sentence,
    /// <summary>A title or heading line without final punctuation.</summary>
    Headline,
    /// <summary>A dateline opening the dispatch ("PARIS, 10 avril (AFP) -").</summary>
    Dateline,
    /// <summary>An agency credit line ("Avec AFP").</summary>
    Credit,
    /// <summary>Page furniture that is not part of the story ("Commentaires", "Lire aussi").</summary>
    Boilerplate,
}

/// <summary>A segment of the text: its span and the tokens it covers (<c>[FirstToken, FirstToken + TokenCount)</c>).</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount, SegmentKind Kind)
{
    /// <summary>True for segments that belong to the story (sentences and headlines).</summary>
    public bool IsStory => Kind is SegmentKind.Sentence or SegmentKind.Headline;
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>What a token is made of.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
    Handle,
}

/// <summary>A surface token: its span in the original text and its kind.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind);
