using EksAccessMigrator.Kubernetes;
using k8s.Models;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>Finds one workload or ServiceAccount through the reader's list calls.</summary>
internal static class KubernetesLookup
{
    public static WorkloadRef Workload(string kind, string ns, string name) =>
        new(Enum.Parse<WorkloadKind>(kind, ignoreCase: false), ns, name);

    public static async Task<V1ServiceAccount?> ServiceAccountAsync(KubernetesClusterReader reader, string ns, string name, CancellationToken ct)
    {
        await foreach (var account in reader.ListServiceAccountsAsync(ct).ConfigureAwait(false))
        {
            if (Is(account.Metadata, ns, name))
            {
                return account;
            }
        }

        return null;
    }

    public static async Task<WorkloadState?> WorkloadAsync(KubernetesClusterReader reader, WorkloadRef workload, CancellationToken ct) => workload.Kind switch
    {
        WorkloadKind.Deployment => await FindAsync(reader.ListDeploymentsAsync(ct), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
        WorkloadKind.StatefulSet => await FindAsync(reader.ListStatefulSetsAsync(ct), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
        WorkloadKind.DaemonSet => await FindAsync(reader.ListDaemonSetsAsync(ct), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
        WorkloadKind.ReplicaSet => await FindAsync(reader.ListReplicaSetsAsync(ct), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
        WorkloadKind.Job => await FindAsync(reader.ListJobsAsync(ct), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
        WorkloadKind.CronJob => await FindAsync(reader.ListCronJobsAsync(ct), workload, d => (d.Metadata, d.Spec?.JobTemplate?.Spec?.Template)).ConfigureAwait(false),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload.Kind, "unknown workload kind"),
    };

    private static async Task<WorkloadState?> FindAsync<T>(IAsyncEnumerable<T> items, WorkloadRef workload, Func<T, (V1ObjectMeta? Metadata, V1PodTemplateSpec? Template)> parts)
    {
        await foreach (var item in items.ConfigureAwait(false))
        {
            var (metadata, template) = parts(item);
            if (Is(metadata, workload.Namespace, workload.Name))
            {
                return new WorkloadState(
                    metadata!.ResourceVersion,
                    template?.Spec?.ServiceAccountName,
                    (IReadOnlyDictionary<string, string>?)template?.Metadata?.Annotations ?? new Dictionary<string, string>());
            }
        }

        return null;
    }

    private static bool Is(V1ObjectMeta? metadata, string ns, string name) =>
        string.Equals(metadata?.NamespaceProperty, ns, StringComparison.Ordinal) && string.Equals(metadata?.Name, name, StringComparison.Ordinal);
}
