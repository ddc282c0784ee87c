namespace Depeche.Corpora;

/// <summary>A syntactic word of a CoNLL-U sentence (one numbered line).</summary>
public sealed record ConlluWord(int Id, string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Relation, string Misc)
{
    /// <summary>False when MISC has <c>SpaceAfter=No</c>.</summary>
    public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);

    /// <summary>The value of one morphological feature ("Tense" → "Past"), or null.</summary>
    public string? Feature(string name)
    {
        foreach (var pair in Feats.Split('|'))
        {
            int eq = pair.IndexOf('=');
            if (eq > 0 && pair.AsSpan(0, eq).SequenceEqual(name)) return pair[(eq + 1)..];
        }
        return null;
    }
}

/// <summary>
/// A surface token of a CoNLL-U sentence: a plain word, or a multi-word token ("du" = "de" + "le") with the
/// syntactic words it stands for.
/// </summary>
public sealed record ConlluToken(string Form, bool SpaceAfter, IReadOnlyList<ConlluWord> Words)
{
    public bool IsMultiWord => Words.Count > 1;
}

/// <summary>One sentence: its id, its <c># text</c>, its surface tokens and its syntactic words.</summary>
public sealed record ConlluSentence(string Id, string Text, IReadOnlyList<ConlluToken> Tokens, IReadOnlyList<ConlluWord> Words);

/// <summary>Reads CoNLL-U files (Universal Dependencies). Thread-safe (stateless).</summary>
public static class ConlluReader
{
    /// <summary>The sentences of the file at <paramref name="path"/>, streamed.</summary>
    public static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        foreach (var s in Read(reader, path)) yield return s;
    }

    /// <summary>The sentences read from <paramref name="reader"/>; <paramref name="name"/> names it in errors.</summary>
    public static IEnumerable<ConlluSentence> Read(TextReader reader, string name)
    {
        string id = "", text = "";
        var words = new List<ConlluWord>();
        var ranges = new List<(int First, int Last, string Form, string Misc)>();
        int lineNumber = 0;
        while (true)
        {
            var line = reader.ReadLine();
            lineNumber++;
            if (line is null || line.Length == 0)
            {
                if (words.Count > 0) yield return Build(id, text, words, ranges);
                if (line is null) yield break;
                id = text = "";
                words = [];
                ranges = [];
                continue;
            }
            if (line[0] == '#')
            {
                if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) id = line[12..];
                else if (line.StartsWith("# text = ", StringComparison.Ordinal)) text = line[9..];
                continue;
            }
            var c = line.Split('\t');
            if (c.Length != 10) throw new FormatException($"{name}:{lineNumber}: expected 10 columns, got {c.Length}.");
            int dash = c[0].IndexOf('-');
            if (dash > 0)
            {
                ranges.Add((int.Parse(c[0][..dash]), int.Parse(c[0][(dash + 1)..]), c[1], c[9]));
                continue;
            }
            if (c[0].Contains('.')) continue; // empty nodes (enhanced graphs) are not words of the text
            words.Add(new ConlluWord(int.Parse(c[0]), c[1], c[2], c[3], c[4], c[5], c[6] == "_" ? 0 : int.Parse(c[6]), c[7], c[9]));
        }
    }

    private static ConlluSentence Build(string id, string text, List<ConlluWord> words, List<(int First, int Last, string Form, string Misc)> ranges)
    {
        var tokens = new List<ConlluToken>(words.Count);
        int r = 0;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (r < ranges.Count && ranges[r].First == w.Id)
            {
                var range = ranges[r++];
                var parts = words.Where(x => x.Id >= range.First && x.Id <= range.Last).ToList();
                tokens.Add(new ConlluToken(range.Form, !range.Misc.Contains("SpaceAfter=No", StringComparison.Ordinal), parts));
                i += parts.Count - 1;
                continue;
            }
            tokens.Add(new ConlluToken(w.Form, w.SpaceAfter, [w]));
        }
        return new ConlluSentence(id, text, tokens, words);
    }
}
