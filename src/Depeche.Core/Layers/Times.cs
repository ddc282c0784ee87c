using Depeche.Text;

namespace Depeche;

/// <summary>TIMEX3-style type of a temporal expression.</summary>
public enum TimeType : byte { Date, Time, Duration, Set }

/// <summary>A temporal expression and its calendar value.</summary>
public sealed class TimeExpression
{
    public required TextSpan Span { get; init; }
    public required TimeType Type { get; init; }
    /// <summary><c>YYYY-MM-DD</c>, <c>YYYY-MM</c>, <c>YYYY</c>, <c>YYYY-Www</c>, <c>YYYY-Qn</c>, an ISO duration, or <c>XXXX-02-27</c> when unresolved.</summary>
    public string? Value { get; init; }
    /// <summary>For ranges: first value.</summary>
    public string? Begin { get; init; }
    /// <summary>For ranges: last value.</summary>
    public string? End { get; init; }
    /// <summary>Days either side of <see cref="Value"/> that approximate expressions allow.</summary>
    public int? ToleranceDays { get; init; }
}
