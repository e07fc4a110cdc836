using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>
/// A finished live scan: the planner's inventory (with the facts it needs, the OIDC issuer included), plus the raw
/// facts the views and tests show (DescribeCluster's answer, the IAM roles with their trust policies, the caller,
/// add-ons, node groups and Fargate profiles, the retries).
/// </summary>
public sealed record LiveScanResult(
    ClusterInventory Inventory,
    EksClusterFacts Cluster,
    CallerIdentity Caller,
    IReadOnlyList<ListedRole> Roles,
    IReadOnlyList<ListedUser> Users,
    ScanRetryStatistics Retries) : IInventoryScan
{
    /// <summary>The cluster's add-ons by name (empty when workloads were not read).</summary>
    public ImmutableArray<string> Addons { get; init; } = [];

    /// <summary>Managed node groups with their node role and AMI type (empty when workloads were not read).</summary>
    public ImmutableArray<LiveNodegroup> Nodegroups { get; init; } = [];

    /// <summary>Fargate profiles with their selectors (empty when workloads were not read).</summary>
    public ImmutableArray<FargateProfileDescription> FargateProfiles { get; init; } = [];

    /// <summary>Each access entry's createdAt, as the scan's DescribeAccessEntry reported it (for verify's entry-age check).</summary>
    public ImmutableDictionary<string, DateTimeOffset> AccessEntriesCreatedAt { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;
}
