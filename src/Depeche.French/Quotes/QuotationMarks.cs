namespace Depeche.French.Quotes;

/// <summary>
/// A pair of quotation marks as token indexes: the opening mark and the token that ends the content (the closing
/// mark, or for an unclosed mark the next opening mark or the end of the paragraph). Content is <c>[Open + 1, End)</c>.
/// </summary>
internal readonly record struct Quotation(int Open, int End, bool Closed, bool Nested)
{
    public int ContentStart => Open + 1;
}

/// <summary>
/// Pairs « », “ ”, „ “ and straight " quotation marks paragraph by paragraph. A closing mark closes the nearest open
/// mark of its family (», or ” for “ and „), else the nearest open mark of any family: sources mix them. A mark left
/// open at the end of a paragraph ends at the next opening mark after it (« a « b » c: "a" is a quotation whose
/// closing mark was lost) or at the paragraph's end. A quotation inside another is marked <see cref="Quotation.Nested"/>.
/// Pure function over the token view.
/// </summary>
internal static class QuotationMarks
{
    private enum Family : byte { Guillemet, Curly, Low, Straight }

    // Deeper nesting than this is malformed input: the extra marks are ignored.
    private const int MaxDepth = 16;

    public static List<Quotation> Pair(TokenView v)
    {
        var found = new List<Quotation>();
        var stack = new List<(Family Family, int Token)>();
        var openers = new List<int>(); // every opening mark of the paragraph, for unclosed ones
        for (int k = 0; k < v.Count; k++)
        {
            if (k > 0 && v.LineBreakBefore(k)) CloseParagraph(k);
            if (v.Tokens[k].Kind != TokenKind.Punctuation || v.Spans[k].Length != 1) continue;
            char c = v.Text[v.Spans[k].Start];
            switch (c)
            {
                case '«': Open(Family.Guillemet, k); break;
                case '„': Open(Family.Low, k); break;
                case '“':
                    if (stack.Count > 0 && stack[^1].Family == Family.Low) Close(stack.Count - 1, k);
                    else Open(Family.Curly, k);
                    break;
                case '»': CloseNearest(Family.Guillemet, Family.Guillemet, k); break;
                case '”': CloseNearest(Family.Curly, Family.Low, k); break;
                case '"':
                    int straight = stack.FindLastIndex(s => s.Family == Family.Straight);
                    if (straight >= 0) Close(straight, k); else Open(Family.Straight, k);
                    break;
            }
        }
        CloseParagraph(v.Count);

        found.Sort((a, b) => a.Open.CompareTo(b.Open));
        int reach = -1;
        for (int i = 0; i < found.Count; i++)
        {
            var q = found[i];
            if (q.Open < reach) found[i] = q with { Nested = true };
            else reach = q.End;
        }
        return found;

        void Open(Family family, int k)
        {
            if (stack.Count >= MaxDepth) return;
            stack.Add((family, k));
            openers.Add(k);
        }

        void CloseNearest(Family family, Family alternative, int k)
        {
            int i = stack.FindLastIndex(s => s.Family == family || s.Family == alternative);
            if (i < 0) i = stack.Count - 1;
            if (i >= 0) Close(i, k);
        }

        void Close(int index, int k)
        {
            // marks opened inside and never closed end where the next opening mark after them starts
            for (int j = stack.Count - 1; j > index; j--) found.Add(Unclosed(stack[j].Token, k));
            found.Add(new Quotation(stack[index].Token, k, true, false));
            stack.RemoveRange(index, stack.Count - index);
        }

        void CloseParagraph(int end)
        {
            foreach (var (_, token) in stack) found.Add(Unclosed(token, end));
            stack.Clear();
            openers.Clear();
        }

        Quotation Unclosed(int open, int limit)
        {
            int end = limit;
            foreach (int other in openers)
                if (other > open && other < end) { end = other; break; }
            return new Quotation(open, end, false, false);
        }
    }
}
