using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Live;

/// <summary>
/// A finished live scan: the planner's inventory, plus the raw facts later steps need (cluster endpoint and OIDC
/// issuer, the IAM roles with their trust policies, the caller).
/// </summary>
public sealed record LiveScanResult(
    ClusterInventory Inventory,
    EksClusterFacts Cluster,
    AwsCallerIdentity Caller,
    IReadOnlyList<IamRole> Roles,
    IReadOnlyList<IamUser> Users,
    ScanRetryStatistics Retries);
