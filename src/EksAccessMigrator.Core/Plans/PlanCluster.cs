using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// The cluster a plan was made for; apply refuses a plan for another cluster, account or region, and (through
/// <see cref="Arn"/> and <see cref="KubeSystemUid"/>) a Kubernetes API server that is not this cluster's.
/// </summary>
public sealed record PlanCluster(string Name, string Region, string AccountId, string Partition, AuthenticationMode AuthenticationMode)
{
    /// <summary>The EKS cluster ARN as DescribeCluster returned it when the plan was made; null for offline plans.</summary>
    public string? Arn { get; init; }

    /// <summary>
    /// The uid of the cluster's <c>kube-system</c> namespace read at plan time: who the Kubernetes API server is,
    /// whichever way it is reached (EKS endpoint, kubeconfig, tunnel); null for offline plans.
    /// </summary>
    public string? KubeSystemUid { get; init; }
}
