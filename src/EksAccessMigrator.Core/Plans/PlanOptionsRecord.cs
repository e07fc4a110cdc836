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

    public required WorkloadIdentityOptions Workloads { get; init; }

    public static PlanOptionsRecord From(PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PlanOptionsRecord
        {
            TargetAuthenticationMode = options.TargetAuthenticationMode,
            RewriteSessionNameRaw = options.RewriteSessionNameRaw,
            BreakGlassArns = options.BreakGlassArns.IsDefault ? [] : options.BreakGlassArns,
            Workloads = options.Workloads,
        };
    }

    /// <summary>The planner options to derive the same plan again.</summary>
    public PlannerOptions ToPlannerOptions(PlanPhase phase, string toolVersion, DateTimeOffset createdAt) => new()
    {
        Phase = phase,
        TargetAuthenticationMode = TargetAuthenticationMode,
        RewriteSessionNameRaw = RewriteSessionNameRaw,
        BreakGlassArns = BreakGlassArns,
        Workloads = Workloads,
        ToolVersion = toolVersion,
        CreatedAt = createdAt,
    };
}
