using Depeche.Text;

namespace Depeche.French.Times;

/// <summary>What a piece's characters say when they are a figure.</summary>
internal enum Figure : byte
{
    None,
    /// <summary>"2019", "27", "1 000".</summary>
    Integer,
    /// <summary>"1er", "27e", "3ème", "XXe" (Roman numerals for centuries).</summary>
    Ordinal,
    /// <summary>"3,5", "1.5".</summary>
    Decimal,
    /// <summary>"15h30", "8h", "13:45": A = hour, B = minute.</summary>
    Clock,
    /// <summary>"10/04/2025", "13.5.2015", "22/04": A = day, B = month, C = year or -1.</summary>
    NumericDate,
    /// <summary>"2015/3", "03/2015": B = month, C = year.</summary>
    NumericMonth,
    /// <summary>"T1", "Q3" (A = quarter) or "H2", "S1" (B = half).</summary>
    Part,
    /// <summary>"1970s", "70s": a decade (Number = its first year).</summary>
    Decade,
    /// <summary>"4/22", "4.22": month first, since the second cannot be a month: A = day, B = month (a date only
    /// where the grammar says so: after "le" or "sur", closing the clause).</summary>
    MonthDay,
}

/// <summary>
/// One word of the text as the time grammar reads it: a token, or a part of a hyphenated token ("mi-avril" → "mi",
/// "avril"), with its senses from the <see cref="TimeLexicon"/> and its value when it is a figure.
/// </summary>
internal struct Piece
{
    public int Start, End;            // original offsets
    public TimeWord[]? Senses;        // null when the word is not in the lexicon
    public Holiday[]? Holidays;       // holidays whose phrase starts with this word
    public Figure Figure;
    public int Digits;                // digits of an Integer figure ("0027" has 4)
    public int A, B, C;
    public double Number;             // value of Integer, Ordinal and Decimal figures
    public char Punctuation;          // the character of a punctuation token, else '\0'
    public bool Capitalized;          // first letter upper case
    public bool Joined;               // glued to the previous piece by a hyphen inside one token ("mi-avril")
    public bool Elided;               // ends with an apostrophe ("l'", "d'")
    public int NextStrong;            // index of the first piece at or after this one that names time (a month, a unit, a figure...)
    public int Token;                 // index of the token it comes from

    public readonly TextSpan Span => new(Start, End);
    public readonly bool IsPunctuation => Punctuation != '\0';

    public ulong Kinds;               // one bit per TimeWordKind of Senses, so most tests are one AND

    public readonly bool Has(TimeWordKind kind) => (Kinds & (1UL << (int)kind)) != 0;

    public readonly bool Has(TimeWordKind kind, out TimeWord word)
    {
        if ((Kinds & (1UL << (int)kind)) != 0 && Senses is not null)
            foreach (var s in Senses)
                if (s.Kind == kind) { word = s; return true; }
        word = default;
        return false;
    }

    public readonly bool Has(TimeWordKind kind, double value)
    {
        if ((Kinds & (1UL << (int)kind)) == 0 || Senses is null) return false;
        foreach (var s in Senses) if (s.Kind == kind && s.Value == value) return true;
        return false;
    }

    /// <summary>An integer figure (no ordinal suffix) in [min, max].</summary>
    public readonly bool IsInteger(int min, int max) => Figure == Figure.Integer && Number >= min && Number <= max;
}
