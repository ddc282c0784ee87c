using System.Globalization;
using System.Text;

namespace Depeche.Linking;

/// <summary>Plain-text rendering of a <see cref="LinkDecision"/> for <c>depeche why</c>. Thread-safe (stateless).</summary>
public static class LinkDecisionText
{
    /// <summary>
    /// The decision as lines: the verdict, then one line per feature with its signed weight ("veto" for a reason that
    /// ruled the candidate out) and its explanation.
    /// </summary>
    public static string Format(LinkDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{decision.Mention} → story {decision.Story}");
        if (decision.NewStory) sb.Append(" (new story");
        else sb.Append(" (joined");
        if (decision.ComparedWith is not null)
            sb.Append(CultureInfo.InvariantCulture, $"; best candidate {decision.ComparedWith}, score {decision.Score:0.00}");
        sb.Append(")\n");
        int width = 0;
        foreach (var r in decision.Reasons) width = Math.Max(width, r.Feature.Length);
        foreach (var r in decision.Reasons)
        {
            string weight = r.Weight <= StoryLinker.Veto ? "veto" : r.Weight.ToString("+0.00;-0.00; 0.00", CultureInfo.InvariantCulture);
            sb.Append("  ").Append(r.Feature.PadRight(width)).Append("  ").Append(weight.PadLeft(5)).Append("  ").Append(r.Explanation).Append('\n');
        }
        return sb.ToString();
    }
}
