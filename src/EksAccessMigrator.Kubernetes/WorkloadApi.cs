using k8s;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>Per-kind patch and read calls, so the writer can treat workloads alike.</summary>
internal static class WorkloadApi
{
    public static async Task<V1ObjectMeta> PatchAsync(k8s.Kubernetes client, WorkloadRef w, V1Patch patch, CancellationToken ct) => w.Kind switch
    {
        WorkloadKind.Deployment => (await client.AppsV1.PatchNamespacedDeploymentAsync(patch, w.Name, w.Namespace, cancellationToken: ct)).Metadata,
        WorkloadKind.StatefulSet => (await client.AppsV1.PatchNamespacedStatefulSetAsync(patch, w.Name, w.Namespace, cancellationToken: ct)).Metadata,
        WorkloadKind.DaemonSet => (await client.AppsV1.PatchNamespacedDaemonSetAsync(patch, w.Name, w.Namespace, cancellationToken: ct)).Metadata,
        WorkloadKind.ReplicaSet => (await client.AppsV1.PatchNamespacedReplicaSetAsync(patch, w.Name, w.Namespace, cancellationToken: ct)).Metadata,
        WorkloadKind.Job => (await client.BatchV1.PatchNamespacedJobAsync(patch, w.Name, w.Namespace, cancellationToken: ct)).Metadata,
        WorkloadKind.CronJob => (await client.BatchV1.PatchNamespacedCronJobAsync(patch, w.Name, w.Namespace, cancellationToken: ct)).Metadata,
        _ => throw new ArgumentOutOfRangeException(nameof(w), w.Kind, "unknown workload kind"),
    };

    public static async Task<RolloutStatus> ReadRolloutAsync(k8s.Kubernetes client, WorkloadRef w, CancellationToken ct) => w.Kind switch
    {
        WorkloadKind.Deployment => RolloutStatusEvaluator.Evaluate(await client.AppsV1.ReadNamespacedDeploymentAsync(w.Name, w.Namespace, cancellationToken: ct)),
        WorkloadKind.StatefulSet => RolloutStatusEvaluator.Evaluate(await client.AppsV1.ReadNamespacedStatefulSetAsync(w.Name, w.Namespace, cancellationToken: ct)),
        WorkloadKind.DaemonSet => RolloutStatusEvaluator.Evaluate(await client.AppsV1.ReadNamespacedDaemonSetAsync(w.Name, w.Namespace, cancellationToken: ct)),
        WorkloadKind.ReplicaSet => RolloutStatusEvaluator.Evaluate(await client.AppsV1.ReadNamespacedReplicaSetAsync(w.Name, w.Namespace, cancellationToken: ct)),
        WorkloadKind.Job => await UntrackedAsync(client.BatchV1.ReadNamespacedJobAsync(w.Name, w.Namespace, cancellationToken: ct)),
        WorkloadKind.CronJob => await UntrackedAsync(client.BatchV1.ReadNamespacedCronJobAsync(w.Name, w.Namespace, cancellationToken: ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(w), w.Kind, "unknown workload kind"),
    };

    /// <summary>The JSON path segments from the object root to the pod template.</summary>
    public static string[] TemplatePath(WorkloadKind kind) =>
        kind == WorkloadKind.CronJob ? ["spec", "jobTemplate", "spec", "template"] : ["spec", "template"];

    private static async Task<RolloutStatus> UntrackedAsync<T>(Task<T> read)
    {
        await read;
        return new RolloutStatus(RolloutOutcome.Untracked, "jobs have no rollout: new pods use the template when they are created");
    }
}
