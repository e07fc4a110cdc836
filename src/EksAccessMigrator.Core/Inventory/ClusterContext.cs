namespace EksAccessMigrator.Core.Inventory;

/// <summary>The cluster a plan is for: from DescribeCluster live, or from the command line offline.</summary>
public sealed record ClusterContext(string Name, string Region, string AccountId, string Partition, AuthenticationMode AuthenticationMode)
{
    public string Arn => $"arn:{Partition}:eks:{Region}:{AccountId}:cluster/{Name}";

    /// <summary>The ARN DescribeCluster returned (live scans only; null offline): recorded in the plan as the cluster's identity.</summary>
    public string? LiveArn { get; init; }

    /// <summary>The uid of the <c>kube-system</c> namespace (live scans only; null offline).</summary>
    public string? KubeSystemUid { get; init; }

    /// <summary>
    /// This cluster's OIDC issuer URL (rule R2: finalize removes only its trust statements): DescribeCluster's live,
    /// <c>--oidc-issuer</c> offline (or instead of DescribeCluster's); null when unknown.
    /// </summary>
    public string? OidcIssuer { get; init; }
}
