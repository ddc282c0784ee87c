using System.Collections.Frozen;

namespace Depeche;

/// <summary>PLOVER quad classes: verbal/material cooperation/conflict.</summary>
public enum QuadClass : byte { VerbalCooperation = 1, MaterialCooperation = 2, VerbalConflict = 3, MaterialConflict = 4 }

/// <summary>A PLOVER event category with its CAMEO root code (kept as a string: "04", leading zero) and quad class.</summary>
public sealed record PloverCategory(string Name, string? CameoRoot, QuadClass Quad)
{
    /// <summary>Short quad label as in PLOVER data ("VC", "MC", "VK", "MK").</summary>
    public string QuadLabel => Quad switch
    {
        QuadClass.VerbalCooperation => "VC",
        QuadClass.MaterialCooperation => "MC",
        QuadClass.VerbalConflict => "VK",
        _ => "MK",
    };
}

/// <summary>The 19 PLOVER categories (shared/eval/EVENTS.md). Thread-safe.</summary>
public static class Plover
{
    private static readonly FrozenDictionary<string, PloverCategory> categories = new PloverCategory[]
    {
        new("AGREE", "03", QuadClass.VerbalCooperation),
        new("CONSULT", "04", QuadClass.VerbalCooperation),
        new("SUPPORT", "05", QuadClass.VerbalCooperation),
        new("COOPERATE", "06", QuadClass.MaterialCooperation),
        new("AID", "07", QuadClass.MaterialCooperation),
        new("CONCEDE", "08", QuadClass.VerbalCooperation),
        new("RETREAT", "08", QuadClass.MaterialCooperation),
        new("INVESTIGATE", "09", QuadClass.MaterialCooperation),
        new("DEMAND", "10", QuadClass.VerbalConflict),
        new("DISAPPROVE", "11", QuadClass.VerbalConflict),
        new("REJECT", "12", QuadClass.VerbalConflict),
        new("THREATEN", "13", QuadClass.VerbalConflict),
        new("PROTEST", "14", QuadClass.MaterialConflict),
        new("MOBILIZE", "15", QuadClass.MaterialConflict),
        new("SANCTION", "16", QuadClass.VerbalConflict),
        new("COERCE", "17", QuadClass.MaterialConflict),
        new("ASSAULT", "18", QuadClass.MaterialConflict),
        new("FIGHT", "19", QuadClass.MaterialConflict),
        new("CRIME", null, QuadClass.MaterialConflict),
    }.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Every category by name.</summary>
    public static FrozenDictionary<string, PloverCategory> Categories => categories;
}
