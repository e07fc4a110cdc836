using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// Everything the scanner read that the planner needs, and nothing more.
/// </summary>
/// <param name="Cluster">The cluster the plan is for.</param>
/// <param name="AwsAuth">The aws-auth ConfigMap, or null when none was found.</param>
/// <param name="Iam">IAM principals known by account.</param>
/// <param name="ExistingAccessEntries">The cluster's access entries; null when unknown (offline).</param>
/// <param name="CallerArn">The principal running the migration (STS GetCallerIdentity live; <c>--caller-arn</c> offline).</param>
public sealed record ClusterInventory(
    ClusterContext Cluster,
    AwsAuthConfigMap? AwsAuth,
    IamSnapshot Iam,
    ImmutableArray<ExistingAccessEntry>? ExistingAccessEntries,
    string? CallerArn)
{
    /// <summary>Workload identity: kube2iam, kiam and IRSA (rules K1-K14, R1-R4); empty when none was read.</summary>
    public WorkloadInventory Workloads { get; init; } = WorkloadInventory.Empty;

    /// <summary>The node roles' permissions (rules N1-N3); null when no IAM data about them was read.</summary>
    public NodeRolePolicies? NodeRoles { get; init; }
}
