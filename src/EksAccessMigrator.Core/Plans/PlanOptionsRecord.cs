using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// The options a plan was made with, recorded in the plan so that apply (stale-plan protection) and verify derive it
/// again from the live cluster with exactly the same options. Inputs such as files are not recorded: the live
/// cluster is the input then.
/// </summary>
public sealed record PlanOptionsRecord
{
    public AuthenticationMode? TargetAuthenticationMode { get; init; }

    public required bool RewriteSessionNameRaw { get; init; }

    public required ImmutableArray<string> BreakGlassArns { get; init; }

    public required WorkloadOptionsRecord Workloads { get; init; }

    /// <summary>The options of a plan made from <paramref name="inventory"/>, with the settings its scan recorded.</summary>
    public static PlanOptionsRecord From(PlannerOptions options, ClusterInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inventory);
        return new PlanOptionsRecord
        {
            TargetAuthenticationMode = options.TargetAuthenticationMode,
            RewriteSessionNameRaw = options.RewriteSessionNameRaw,
            BreakGlassArns = options.BreakGlassArns.IsDefault ? [] : options.BreakGlassArns,
            Workloads = WorkloadOptionsRecord.From(options.Workloads, inventory),
        };
    }

    /// <summary>
    /// The planner options to derive the same plan again; the scan is given <see cref="WorkloadOptionsRecord.IamRoleKey"/>
    /// and <see cref="WorkloadOptionsRecord.OidcIssuer"/>.
    /// </summary>
    public PlannerOptions ToPlannerOptions(PlanPhase phase, string toolVersion, DateTimeOffset createdAt) => new()
    {
        Phase = phase,
        TargetAuthenticationMode = TargetAuthenticationMode,
        RewriteSessionNameRaw = RewriteSessionNameRaw,
        BreakGlassArns = BreakGlassArns,
        Workloads = Workloads.ToPlannerOptions(),
        ToolVersion = toolVersion,
        CreatedAt = createdAt,
    };
}
