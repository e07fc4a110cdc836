using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>Everything the discovery step reads from a cluster, listed across all namespaces.</summary>
public sealed record ClusterInventory(
    IReadOnlyList<V1Namespace> Namespaces,
    IReadOnlyList<V1ServiceAccount> ServiceAccounts,
    IReadOnlyList<V1Pod> Pods,
    IReadOnlyList<V1Deployment> Deployments,
    IReadOnlyList<V1StatefulSet> StatefulSets,
    IReadOnlyList<V1DaemonSet> DaemonSets,
    IReadOnlyList<V1ReplicaSet> ReplicaSets,
    IReadOnlyList<V1Job> Jobs,
    IReadOnlyList<V1CronJob> CronJobs,
    V1ConfigMap? AwsAuth);
