namespace EksAccessMigrator.Core.Fleet;

/// <summary>
/// Plan options of one cluster in the inventory (its <c>plan:</c> mapping); a value set here wins over the command
/// line's for that cluster, an unset one (null) leaves the command line's.
/// </summary>
public sealed record FleetPlanSettings
{
    public static readonly FleetPlanSettings None = new();

    /// <summary>migrate, cutover or finalize.</summary>
    public string? Phase { get; init; }

    public string? Kube2iamBaseRoleArn { get; init; }

    public string? Kube2iamDefaultRole { get; init; }

    public string? KiamRoleBaseArn { get; init; }

    public string? IamRoleKey { get; init; }

    public bool? IncludeIrsa { get; init; }
}
