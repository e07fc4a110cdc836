namespace EksAccessMigrator.Core.Plans;

/// <summary>One way a re-derived plan differs from the saved one: what, at which address, before and after.</summary>
public sealed record PlanDifference(string Kind, string Address, string? Saved, string? Current)
{
    public override string ToString() => Kind switch
    {
        "added" => $"+ {Address}: {Current}",
        "removed" => $"- {Address}: {Saved}",
        _ => $"~ {Address}: {Saved} -> {Current}",
    };
}
