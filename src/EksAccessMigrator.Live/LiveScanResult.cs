using System.Collections.Immutable;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>
/// A finished live scan: the planner's inventory, plus the raw facts later steps need (cluster endpoint and OIDC
/// issuer, the IAM roles with their trust policies, the caller, add-ons, node groups and Fargate profiles).
/// </summary>
public sealed record LiveScanResult(
    ClusterInventory Inventory,
    EksClusterFacts Cluster,
    CallerIdentity Caller,
    IReadOnlyList<IamRole> Roles,
    IReadOnlyList<IamUser> Users,
    ScanRetryStatistics Retries)
{
    /// <summary>The cluster's add-ons by name (empty when workloads were not read).</summary>
    public ImmutableArray<string> Addons { get; init; } = [];

    /// <summary>Managed node groups with their node role and AMI type (empty when workloads were not read).</summary>
    public ImmutableArray<LiveNodegroup> Nodegroups { get; init; } = [];

    /// <summary>Fargate profiles with their selectors (empty when workloads were not read).</summary>
    public ImmutableArray<LiveFargateProfile> FargateProfiles { get; init; } = [];

    /// <summary>
    /// The command line's workload options completed with what the scan read: the cluster's OIDC issuer (rule R2)
    /// unless <c>--oidc-issuer</c> gave one.
    /// </summary>
    public WorkloadIdentityOptions CompleteOptions(WorkloadIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OidcIssuer is null && Cluster.OidcIssuer is { } issuer ? options with { OidcIssuer = issuer } : options;
    }

    /// <summary>The plan for what this scan read, with <paramref name="options"/> completed by <see cref="CompleteOptions"/>.</summary>
    public MigrationPlan Plan(PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return MigrationPlanner.Plan(Inventory, options with { Workloads = CompleteOptions(options.Workloads) });
    }
}
