using EksAccessMigrator.Core.Ports;
using k8s.Models;
using CoreWorkloadKind = EksAccessMigrator.Core.Plans.WorkloadKind;

namespace EksAccessMigrator.Kubernetes.Ports;

/// <summary>
/// The <see cref="IClusterObjects"/> port over a <see cref="KubernetesConnection"/>'s reader and writer, mapping
/// <c>k8s.Models</c> objects to Core records. A ServiceAccount or workload is found through the paged list calls.
/// </summary>
public sealed class KubernetesClusterObjects : IClusterObjects
{
    private readonly KubernetesClusterReader _reader;
    private readonly KubernetesClusterWriter _writer;

    public KubernetesClusterObjects(KubernetesConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Endpoint = connection.Endpoint;
        _reader = connection.CreateReader();
        _writer = connection.CreateWriter();
    }

    public Uri Endpoint { get; }

    public Task<string?> GetNamespaceUidAsync(string name, CancellationToken cancellationToken) => _reader.GetNamespaceUidAsync(name, cancellationToken);

    public async Task<ConfigMapObject?> GetConfigMapAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var map = await _reader.GetConfigMapAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
        return map is null ? null : Map(map, @namespace, name);
    }

    public Task<string?> GetConfigMapVersionAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        _reader.GetConfigMapVersionAsync(@namespace, name, cancellationToken);

    /// <summary>
    /// Reads the ConfigMap again and replaces it (every field but the data as read) with the observed resourceVersion:
    /// a version other than the observed one is a <see cref="WriteOutcome.Conflict"/> without a write, and the server
    /// refuses the replace if the object changes between the read and the write.
    /// </summary>
    public async Task<ObjectWrite> ReplaceConfigMapDataAsync(ConfigMapObject observed, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (string.IsNullOrEmpty(observed.ResourceVersion))
        {
            throw new ArgumentException("The observed ConfigMap has no resourceVersion; refusing an unconditional replace.", nameof(observed));
        }

        var live = await _reader.GetConfigMapAsync(observed.Namespace, observed.Name, cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            return new ObjectWrite(WriteOutcome.NotFound, $"configmap {observed.Namespace}/{observed.Name} not found");
        }

        if (!string.Equals(live.Metadata?.ResourceVersion, observed.ResourceVersion, StringComparison.Ordinal))
        {
            return new ObjectWrite(WriteOutcome.Conflict, $"configmap {observed.Namespace}/{observed.Name} changed since it was read (resourceVersion {live.Metadata?.ResourceVersion}, read {observed.ResourceVersion})");
        }

        return Result(await _writer.ReplaceConfigMapDataAsync(live, data, cancellationToken).ConfigureAwait(false), m => m.Metadata?.Uid);
    }

    public async Task<ObjectWrite> CreateConfigMapAsync(string @namespace, string name, IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken) =>
        Result(await _writer.CreateConfigMapAsync(@namespace, name, data, labels, cancellationToken).ConfigureAwait(false), m => m.Metadata?.Uid);

    public async Task<ObjectWrite> DeleteConfigMapAsync(string @namespace, string name, string? expectedUid, CancellationToken cancellationToken) =>
        Result(await _writer.DeleteConfigMapAsync(@namespace, name, expectedUid, cancellationToken).ConfigureAwait(false), _ => null);

    public async Task<ServiceAccountObject?> GetServiceAccountAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        await foreach (var account in _reader.ListServiceAccountsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Is(account.Metadata, @namespace, name))
            {
                var metadata = account.Metadata!;
                return new ServiceAccountObject(
                    @namespace,
                    name,
                    metadata.Uid,
                    metadata.ResourceVersion,
                    Dictionary(metadata.Labels),
                    Dictionary(metadata.Annotations),
                    [.. (account.ImagePullSecrets ?? []).Select(s => s.Name ?? string.Empty)],
                    account.AutomountServiceAccountToken);
            }
        }

        return null;
    }

    public async Task<ObjectWrite> CreateServiceAccountAsync(NewServiceAccount serviceAccount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceAccount);
        var body = new V1ServiceAccount
        {
            Metadata = new V1ObjectMeta
            {
                Name = serviceAccount.Name,
                NamespaceProperty = serviceAccount.Namespace,
                Labels = new Dictionary<string, string>(serviceAccount.Labels),
                Annotations = new Dictionary<string, string>(serviceAccount.Annotations),
            },
            ImagePullSecrets = serviceAccount.ImagePullSecrets.Count == 0 ? null : [.. serviceAccount.ImagePullSecrets.Select(s => new V1LocalObjectReference { Name = s })],
            AutomountServiceAccountToken = serviceAccount.AutomountServiceAccountToken,
        };
        return Result(await _writer.CreateServiceAccountAsync(body, cancellationToken).ConfigureAwait(false), a => a.Metadata?.Uid);
    }

    public async Task<ObjectWrite> DeleteServiceAccountAsync(string @namespace, string name, string? expectedUid, CancellationToken cancellationToken) =>
        Result(await _writer.DeleteServiceAccountAsync(@namespace, name, expectedUid, cancellationToken).ConfigureAwait(false), _ => null);

    public async Task<ObjectWrite> SetServiceAccountAnnotationsAsync(string @namespace, string name, IReadOnlyDictionary<string, string?> annotations, string? expectedResourceVersion, CancellationToken cancellationToken) =>
        Result(await _writer.SetServiceAccountAnnotationsAsync(@namespace, name, annotations, expectedResourceVersion, cancellationToken).ConfigureAwait(false), a => a.Metadata?.Uid);

    public async Task<WorkloadTemplate?> GetWorkloadAsync(WorkloadAddress workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return Kind(workload.Kind) switch
        {
            WorkloadKind.Deployment => await FindAsync(_reader.ListDeploymentsAsync(cancellationToken), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
            WorkloadKind.StatefulSet => await FindAsync(_reader.ListStatefulSetsAsync(cancellationToken), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
            WorkloadKind.DaemonSet => await FindAsync(_reader.ListDaemonSetsAsync(cancellationToken), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
            WorkloadKind.ReplicaSet => await FindAsync(_reader.ListReplicaSetsAsync(cancellationToken), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
            WorkloadKind.Job => await FindAsync(_reader.ListJobsAsync(cancellationToken), workload, d => (d.Metadata, d.Spec?.Template)).ConfigureAwait(false),
            WorkloadKind.CronJob => await FindAsync(_reader.ListCronJobsAsync(cancellationToken), workload, d => (d.Metadata, d.Spec?.JobTemplate?.Spec?.Template)).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(workload), workload.Kind, "unknown workload kind"),
        };
    }

    public async Task<ObjectWrite> SetPodTemplateServiceAccountAsync(WorkloadAddress workload, string? serviceAccountName, string? expectedResourceVersion, CancellationToken cancellationToken) =>
        Result(await _writer.SetPodTemplateServiceAccountAsync(Ref(workload), serviceAccountName, expectedResourceVersion, cancellationToken).ConfigureAwait(false), m => m.Uid);

    public async Task<ObjectWrite> SetPodTemplateAnnotationsAsync(WorkloadAddress workload, IReadOnlyDictionary<string, string?> annotations, string? expectedResourceVersion, CancellationToken cancellationToken) =>
        Result(await _writer.SetPodTemplateAnnotationsAsync(Ref(workload), annotations, expectedResourceVersion, cancellationToken).ConfigureAwait(false), m => m.Uid);

    public async Task<ObjectWrite> RemovePodTemplateAnnotationsAsync(WorkloadAddress workload, IEnumerable<string> annotations, string? expectedResourceVersion, CancellationToken cancellationToken) =>
        Result(await _writer.RemovePodTemplateAnnotationsAsync(Ref(workload), annotations, expectedResourceVersion, cancellationToken).ConfigureAwait(false), m => m.Uid);

    public async Task<ObjectWrite> RestartAsync(WorkloadAddress workload, CancellationToken cancellationToken) =>
        Result(await _writer.RestartAsync(Ref(workload), cancellationToken).ConfigureAwait(false), m => m.Uid);

    public Task<RolloutResult> WaitForRolloutAsync(WorkloadAddress workload, TimeSpan timeout, CancellationToken cancellationToken) =>
        _writer.WaitForRolloutAsync(Ref(workload), timeout, cancellationToken);

    private static WorkloadRef Ref(WorkloadAddress workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new WorkloadRef(Kind(workload.Kind), workload.Namespace, workload.Name);
    }

    private static WorkloadKind Kind(CoreWorkloadKind kind) => kind switch
    {
        CoreWorkloadKind.Deployment => WorkloadKind.Deployment,
        CoreWorkloadKind.StatefulSet => WorkloadKind.StatefulSet,
        CoreWorkloadKind.DaemonSet => WorkloadKind.DaemonSet,
        CoreWorkloadKind.ReplicaSet => WorkloadKind.ReplicaSet,
        CoreWorkloadKind.Job => WorkloadKind.Job,
        CoreWorkloadKind.CronJob => WorkloadKind.CronJob,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a bare pod has no pod template to read or change"),
    };

    private static async Task<WorkloadTemplate?> FindAsync<T>(IAsyncEnumerable<T> items, WorkloadAddress workload, Func<T, (V1ObjectMeta? Metadata, V1PodTemplateSpec? Template)> parts)
    {
        await foreach (var item in items.ConfigureAwait(false))
        {
            var (metadata, template) = parts(item);
            if (Is(metadata, workload.Namespace, workload.Name))
            {
                return new WorkloadTemplate(metadata!.ResourceVersion, template?.Spec?.ServiceAccountName, Dictionary(template?.Metadata?.Annotations));
            }
        }

        return null;
    }

    private static bool Is(V1ObjectMeta? metadata, string ns, string name) =>
        string.Equals(metadata?.NamespaceProperty, ns, StringComparison.Ordinal) && string.Equals(metadata?.Name, name, StringComparison.Ordinal);

    private static ConfigMapObject Map(V1ConfigMap map, string ns, string name) =>
        new(map.Metadata?.NamespaceProperty ?? ns, map.Metadata?.Name ?? name, map.Metadata?.Uid, map.Metadata?.ResourceVersion, Dictionary(map.Data));

    private static Dictionary<string, string> Dictionary(IDictionary<string, string>? values) =>
        values is null ? new(StringComparer.Ordinal) : new(values, StringComparer.Ordinal);

    private static ObjectWrite Result<T>(WriteResult<T> result, Func<T, string?> uid)
        where T : class =>
        new(result.Outcome, result.Message, result.Value is { } value ? uid(value) : null);
}
