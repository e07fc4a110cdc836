using System.Collections.Immutable;
using EksAccessMigrator.Kubernetes;
using k8s;
using k8s.Models;

namespace EksAccessMigrator.Live;

/// <summary>One kind the workload scan lists: its step, the apiVersion and kind its list items lack, and the paged list.</summary>
internal sealed record WorkloadKindList(
    ScanStep Step,
    string ApiVersion,
    string Kind,
    Func<KubernetesClusterReader, CancellationToken, IAsyncEnumerable<IKubernetesObject<V1ObjectMeta>>> List)
{
    /// <summary>
    /// Every kind rules K1-K14, R1-R4, S1 (RBAC bindings) and N1-N3 (Karpenter EC2NodeClasses; none where the CRD is
    /// not installed) read, in the order their records enter the inventory.
    /// </summary>
    public static ImmutableArray<WorkloadKindList> All { get; } =
    [
        new(ScanStep.Namespaces, "v1", "Namespace", (r, ct) => r.ListNamespacesAsync(ct)),
        new(ScanStep.ServiceAccounts, "v1", "ServiceAccount", (r, ct) => r.ListServiceAccountsAsync(ct)),
        new(ScanStep.Pods, "v1", "Pod", (r, ct) => r.ListPodsAsync(ct)),
        new(ScanStep.Deployments, "apps/v1", "Deployment", (r, ct) => r.ListDeploymentsAsync(ct)),
        new(ScanStep.StatefulSets, "apps/v1", "StatefulSet", (r, ct) => r.ListStatefulSetsAsync(ct)),
        new(ScanStep.DaemonSets, "apps/v1", "DaemonSet", (r, ct) => r.ListDaemonSetsAsync(ct)),
        new(ScanStep.ReplicaSets, "apps/v1", "ReplicaSet", (r, ct) => r.ListReplicaSetsAsync(ct)),
        new(ScanStep.Jobs, "batch/v1", "Job", (r, ct) => r.ListJobsAsync(ct)),
        new(ScanStep.CronJobs, "batch/v1", "CronJob", (r, ct) => r.ListCronJobsAsync(ct)),
        new(ScanStep.ClusterRoleBindings, "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", (r, ct) => r.ListClusterRoleBindingsAsync(ct)),
        new(ScanStep.RoleBindings, "rbac.authorization.k8s.io/v1", "RoleBinding", (r, ct) => r.ListRoleBindingsAsync(ct)),
        new(ScanStep.NodeClasses, Ec2NodeClass.Group + "/" + Ec2NodeClass.Version, "EC2NodeClass", (r, ct) => r.ListEc2NodeClassesAsync(ct)),
    ];
}
