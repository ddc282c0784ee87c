using System.Collections.Frozen;

namespace Depeche.French.Entities;

/// <summary>
/// The folded words of a run of tokens, computed once per document so that every lookup reads a span
/// (no string per token). Not thread-safe; one per document being processed.
/// </summary>
public sealed class FoldedTokens
{
    private char[] buffer = [];
    private int[] starts = [];
    private int[] lengths = [];

    /// <summary>Number of tokens folded.</summary>
    public int Count { get; private set; }

    /// <summary>Folds every token of <paramref name="tokens"/> over <paramref name="text"/>, reusing the buffers.</summary>
    public void Fill(string text, ReadOnlySpan<Token> tokens)
    {
        int total = 0;
        foreach (ref readonly var t in tokens) total += NameFolding.MaxLength(t.Span.Length);
        if (buffer.Length < total) buffer = new char[Math.Max(total, buffer.Length * 2)];
        if (starts.Length < tokens.Length)
        {
            starts = new int[Math.Max(tokens.Length, starts.Length * 2)];
            lengths = new int[starts.Length];
        }
        int at = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            int n = NameFolding.Fold(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), buffer.AsSpan(at));
            starts[i] = at;
            lengths[i] = n;
            at += n;
        }
        Count = tokens.Length;
    }

    /// <summary>The folded form of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> this[int index] => buffer.AsSpan(starts[index], lengths[index]);
}

/// <summary>
/// A token trie over folded words: multi-word names ("Organisation mondiale de la santé", "premier ministre") are
/// matched token by token, longest first. Built once, then frozen; lookups are thread-safe and allocate nothing.
/// </summary>
public sealed class PhraseTrie<T> where T : class
{
    /// <summary>Longest phrase, in tokens; a pathological entry longer than this is refused at load.</summary>
    public const int MaxDepth = 24;

    private sealed class Node
    {
        public Dictionary<string, Node>? Building;
        public FrozenDictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> Next;
        public bool HasNext;
        public List<T>? Values;
    }

    private readonly Node root = new();
    private bool frozen;

    /// <summary>Number of phrases added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="value"/> under the folded words <paramref name="words"/>. Several values may share a phrase; the first added comes first.</summary>
    public void Add(IReadOnlyList<string> words, T value)
    {
        if (frozen) throw new InvalidOperationException("The trie is frozen.");
        if (words.Count == 0 || words.Count > MaxDepth) throw new ArgumentException($"A phrase has 1 to {MaxDepth} words.", nameof(words));
        var node = root;
        foreach (var w in words)
        {
            node.Building ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Building.TryGetValue(w, out var next)) node.Building[w] = next = new Node();
            node = next;
        }
        (node.Values ??= []).Add(value);
        Count++;
    }

    /// <summary>Compiles the trie into frozen dictionaries; no phrase can be added afterwards.</summary>
    public PhraseTrie<T> Freeze()
    {
        Freeze(root);
        frozen = true;
        return this;
    }

    private static void Freeze(Node node)
    {
        if (node.Building is null) return;
        foreach (var child in node.Building.Values) Freeze(child);
        node.Next = node.Building.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        node.HasNext = true;
        node.Building = null;
    }

    /// <summary>
    /// Walks the phrases starting at token <paramref name="start"/> (before <paramref name="end"/>) and writes each
    /// phrase end (exclusive token index) with its values into <paramref name="matches"/>, shortest first; returns how many.
    /// </summary>
    public int Matches(FoldedTokens words, int start, int end, Span<(int End, List<T> Values)> matches)
    {
        var node = root;
        int found = 0;
        for (int i = start; i < end && found < matches.Length; i++)
        {
            if (!node.HasNext || !node.Next.TryGetValue(words[i], out var next)) break;
            node = next;
            if (node.Values is not null) matches[found++] = (i + 1, node.Values);
        }
        return found;
    }

    /// <summary>The values of the phrase made of exactly the tokens <c>[start, end)</c>, or null.</summary>
    public List<T>? Find(FoldedTokens words, int start, int end)
    {
        var node = root;
        for (int i = start; i < end; i++)
        {
            if (!node.HasNext || !node.Next.TryGetValue(words[i], out var next)) return null;
            node = next;
        }
        return node.Values;
    }

    /// <summary>True when some phrase starts with the folded word <paramref name="word"/>.</summary>
    public bool Starts(ReadOnlySpan<char> word) => root.HasNext && root.Next.ContainsKey(word);

    /// <summary>The values of the exact phrase, or null.</summary>
    public List<T>? Find(IReadOnlyList<string> words)
    {
        var node = root;
        foreach (var w in words)
        {
            if (!node.HasNext || !node.Next.TryGetValue(w, out var next)) return null;
            node = next;
        }
        return node.Values;
    }
}
