using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Planning;

/// <summary>What the operator asked for, beyond what was scanned.</summary>
public sealed record PlannerOptions
{
    /// <summary><see cref="PlanPhase"/>: which phase's changes the plan holds.</summary>
    public PlanPhase Phase { get; init; } = PlanPhase.Migrate;

    /// <summary><c>API</c> to switch the cluster to API mode in the finalize phase (rule M2), else null.</summary>
    public Inventory.AuthenticationMode? TargetAuthenticationMode { get; init; }

    /// <summary>Rule A5: rewrite <c>{{SessionNameRaw}}</c> to <c>{{SessionName}}</c> instead of blocking.</summary>
    public bool RewriteSessionNameRaw { get; init; }

    /// <summary>Principals that must keep cluster-admin access before API mode (rule M2).</summary>
    public ImmutableArray<string> BreakGlassArns { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>kube2iam, kiam and IRSA settings (rules K1, R1).</summary>
    public WorkloadIdentityOptions Workloads { get; init; } = new();

    public string ToolVersion { get; init; } = "0.0.0";

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UnixEpoch;
}
