using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Coordination;

/// <summary>
/// Who the cluster is, checked before any write whichever way the API server is reached (EKS endpoint, kubeconfig,
/// tunnel): the EKS cluster ARN DescribeCluster returns and the uid of the <c>kube-system</c> namespace the
/// Kubernetes connection sees must both be the ones the plan recorded. A plan that recorded neither (made offline)
/// cannot be checked and is refused.
/// </summary>
internal static class ClusterIdentityCheck
{
    /// <param name="described">The cluster as the preflight's DescribeCluster just returned it.</param>
    public static async Task<Refusal?> CheckAsync(ClusterPorts clients, PlanCluster cluster, ClusterDescription described, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(cluster.Arn) || string.IsNullOrEmpty(cluster.KubeSystemUid))
        {
            return Refusal.Of(RefusalReason.IdentityUnknown, $"The plan does not record which cluster it was made for (its EKS cluster ARN and kube-system namespace uid), so the Kubernetes API server cannot be checked: plans made offline (--from) cannot be applied. Make the plan from the live cluster {cluster.Name}.");
        }

        var arn = described.Arn;
        if (!string.Equals(arn, cluster.Arn, StringComparison.Ordinal))
        {
            return Refusal.Of(RefusalReason.ClusterMismatch, $"EKS reports cluster {arn ?? "(no ARN)"}, but the plan was made for {cluster.Arn} (a cluster deleted and re-created under the same name is another cluster); nothing was written.");
        }

        var uid = await clients.Objects.GetNamespaceUidAsync("kube-system", ct).ConfigureAwait(false);
        if (!string.Equals(uid, cluster.KubeSystemUid, StringComparison.Ordinal))
        {
            return Refusal.Of(RefusalReason.ClusterMismatch, $"The Kubernetes API server at {clients.Objects.Endpoint} is not cluster {cluster.Arn}: its kube-system namespace has uid {uid ?? "(none)"}, the plan's cluster has {cluster.KubeSystemUid}. Check --kubeconfig, --context and --api-server; nothing was written.");
        }

        return null;
    }
}
