using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// The changes the apply step makes. Conflicts, absent objects, existing names and refused changes come back as a
/// <see cref="WriteResult{T}"/>; other failures throw <see cref="KubernetesApiException"/>. Nothing is overwritten
/// blindly: ConfigMap replacement always carries the observed resourceVersion, and the patches take an optional
/// expected resourceVersion as a precondition.
/// </summary>
public sealed class KubernetesClusterWriter
{
    /// <summary>The pod-template annotation <c>kubectl rollout restart</c> sets.</summary>
    public const string RestartedAtAnnotation = RestartAnnotation.Name;

    private readonly KubernetesConnection _connection;

    internal KubernetesClusterWriter(KubernetesConnection connection) => _connection = connection;

    private k8s.Kubernetes Client => _connection.Client;

    /// <summary>
    /// Replaces the data of <paramref name="observed"/> (as read earlier) with <paramref name="data"/>, on condition
    /// that it still has the observed resourceVersion; <see cref="WriteOutcome.Conflict"/> otherwise.
    /// </summary>
    public Task<WriteResult<V1ConfigMap>> ReplaceConfigMapDataAsync(V1ConfigMap observed, IReadOnlyDictionary<string, string> data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(data);
        var metadata = observed.Metadata ?? throw new ArgumentException("The ConfigMap has no metadata.", nameof(observed));
        if (string.IsNullOrEmpty(metadata.ResourceVersion))
        {
            throw new ArgumentException("The observed ConfigMap has no resourceVersion; refusing an unconditional replace.", nameof(observed));
        }

        var replacement = observed with
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Data = data.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        };
        return WriteAsync(
            $"replace configmap {metadata.NamespaceProperty}/{metadata.Name}",
            t => Client.CoreV1.ReplaceNamespacedConfigMapAsync(replacement, metadata.Name, metadata.NamespaceProperty, cancellationToken: t),
            ct);
    }

    /// <summary>
    /// Creates <paramref name="serviceAccount"/> with the fields given (server-set metadata such as uid and
    /// resourceVersion is dropped). <see cref="WriteOutcome.AlreadyExists"/> when the name is taken.
    /// </summary>
    public Task<WriteResult<V1ServiceAccount>> CreateServiceAccountAsync(V1ServiceAccount serviceAccount, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(serviceAccount);
        var metadata = serviceAccount.Metadata ?? throw new ArgumentException("The ServiceAccount has no metadata.", nameof(serviceAccount));
        var body = serviceAccount with
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = metadata with
            {
                Uid = null,
                ResourceVersion = null,
                CreationTimestamp = null,
                Generation = null,
                ManagedFields = null,
                SelfLink = null,
                DeletionTimestamp = null,
                DeletionGracePeriodSeconds = null,
            },
        };
        return WriteAsync(
            $"create serviceaccount {metadata.NamespaceProperty}/{metadata.Name}",
            t => Client.CoreV1.CreateNamespacedServiceAccountAsync(body, metadata.NamespaceProperty, cancellationToken: t),
            ct);
    }

    /// <summary>Creates a ConfigMap (e.g. the backup copy of aws-auth); AlreadyExists comes back as a result, not an exception.</summary>
    public Task<WriteResult<V1ConfigMap>> CreateConfigMapAsync(string ns, string name, IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string>? labels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        var body = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Labels = labels is null ? null : new Dictionary<string, string>(labels),
            },
            Data = new Dictionary<string, string>(data),
        };
        return WriteAsync($"create configmap {ns}/{name}", t => Client.CoreV1.CreateNamespacedConfigMapAsync(body, ns, cancellationToken: t), ct);
    }

    /// <summary>Deletes a ConfigMap; with a uid precondition when given.</summary>
    public async Task<WriteResult<V1Status>> DeleteConfigMapAsync(string ns, string name, string? expectedUid, CancellationToken ct)
    {
        var options = expectedUid is null ? null : new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = expectedUid } };
        return await WriteAsync(
            $"delete configmap {ns}/{name}",
            async t =>
            {
                await Client.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, options, cancellationToken: t);
                return new V1Status { Status = "Success" };
            },
            ct);
    }

    /// <summary>Deletes a ServiceAccount (e.g. to roll back one the tool created); with a uid precondition when given.</summary>
    public async Task<WriteResult<V1Status>> DeleteServiceAccountAsync(string ns, string name, string? expectedUid, CancellationToken ct)
    {
        var options = expectedUid is null ? null : new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = expectedUid } };
        return await WriteAsync(
            $"delete serviceaccount {ns}/{name}",
            async t =>
            {
                await Client.CoreV1.DeleteNamespacedServiceAccountAsync(name, ns, options, cancellationToken: t);
                return new V1Status { Status = "Success" };
            },
            ct);
    }

    /// <summary>Sets (value) or removes (null) annotations on a ServiceAccount, e.g. to restore <c>eks.amazonaws.com/role-arn</c>.</summary>
    public Task<WriteResult<V1ServiceAccount>> SetServiceAccountAnnotationsAsync(
        string ns,
        string name,
        IReadOnlyDictionary<string, string?> annotations,
        string? expectedResourceVersion,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var patch = PatchBuilder.Annotations(annotations, expectedResourceVersion);
        return WriteAsync(
            $"patch serviceaccount {ns}/{name}",
            t => Client.CoreV1.PatchNamespacedServiceAccountAsync(patch, name, ns, cancellationToken: t),
            ct);
    }

    /// <summary>Sets the pod template's <c>serviceAccountName</c>; null removes the field (the pods then run as <c>default</c>).</summary>
    public Task<WriteResult<V1ObjectMeta>> SetPodTemplateServiceAccountAsync(WorkloadRef workload, string? serviceAccountName, string? expectedResourceVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (serviceAccountName is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(serviceAccountName);
        }

        var patch = PatchBuilder.PodTemplate(workload.Kind, "spec", new JsonObject { ["serviceAccountName"] = serviceAccountName }, expectedResourceVersion);
        return PatchWorkloadAsync(workload, patch, ct);
    }

    /// <summary>Sets (value) or removes (null) pod-template annotations.</summary>
    public Task<WriteResult<V1ObjectMeta>> SetPodTemplateAnnotationsAsync(
        WorkloadRef workload,
        IReadOnlyDictionary<string, string?> annotations,
        string? expectedResourceVersion,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(annotations);
        var leaf = new JsonObject { ["annotations"] = PatchBuilder.AnnotationObject(annotations) };
        return PatchWorkloadAsync(workload, PatchBuilder.PodTemplate(workload.Kind, "metadata", leaf, expectedResourceVersion), ct);
    }

    /// <summary>Removes pod-template annotations (absent ones are fine).</summary>
    public Task<WriteResult<V1ObjectMeta>> RemovePodTemplateAnnotationsAsync(WorkloadRef workload, IEnumerable<string> annotations, string? expectedResourceVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        return SetPodTemplateAnnotationsAsync(workload, annotations.ToDictionary(a => a, string? (_) => null, StringComparer.Ordinal), expectedResourceVersion, ct);
    }

    /// <summary>
    /// "kubectl rollout restart": sets the pod-template annotation <see cref="RestartedAtAnnotation"/> to now
    /// (RFC 3339, UTC). Deployments, StatefulSets and DaemonSets only.
    /// </summary>
    public Task<WriteResult<V1ObjectMeta>> RestartAsync(WorkloadRef workload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (workload.Kind is not (WorkloadKind.Deployment or WorkloadKind.StatefulSet or WorkloadKind.DaemonSet))
        {
            throw new ArgumentException($"{workload.Kind} cannot be restarted; only Deployments, StatefulSets and DaemonSets can.", nameof(workload));
        }

        var now = _connection.Options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return SetPodTemplateAnnotationsAsync(workload, new Dictionary<string, string?> { [RestartedAtAnnotation] = now }, null, ct);
    }

    /// <summary>
    /// Polls the workload every <see cref="KubernetesAdapterOptions.RolloutPollInterval"/> until its rollout is
    /// complete (kubectl rollout status rules: observedGeneration caught up, replicas updated and available), it
    /// fails, or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<RolloutResult> WaitForRolloutAsync(WorkloadRef workload, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var time = _connection.Options.TimeProvider;
        var started = time.GetTimestamp();
        while (true)
        {
            RolloutStatus status;
            try
            {
                status = await _connection.Retry.ExecuteAsync($"read {workload}", t => WorkloadApi.ReadRolloutAsync(Client, workload, t), ct);
            }
            catch (KubernetesApiException e) when (e.StatusCode == 404)
            {
                return new RolloutResult(RolloutOutcome.NotFound, e.ApiMessage ?? $"{workload} not found");
            }

            if (status.Final is { } final)
            {
                return new RolloutResult(final, status.Message);
            }

            var remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return new RolloutResult(RolloutOutcome.TimedOut, status.Message);
            }

            var poll = _connection.Options.RolloutPollInterval;
            await Task.Delay(remaining < poll ? remaining : poll, time, ct);
        }
    }

    private Task<WriteResult<V1ObjectMeta>> PatchWorkloadAsync(WorkloadRef workload, V1Patch patch, CancellationToken ct) =>
        WriteAsync($"patch {workload}", t => WorkloadApi.PatchAsync(Client, workload, patch, t), ct);

    private async Task<WriteResult<T>> WriteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
        where T : class
    {
        try
        {
            return new WriteResult<T>(WriteOutcome.Succeeded, await _connection.Retry.ExecuteAsync(operation, call, ct), null);
        }
        catch (KubernetesApiException e) when (OutcomeOf(e) is { } outcome)
        {
            return new WriteResult<T>(outcome, null, e.ApiMessage ?? e.Message);
        }
    }

    private static WriteOutcome? OutcomeOf(KubernetesApiException e) => (e.StatusCode, e.Reason) switch
    {
        (404, _) => WriteOutcome.NotFound,
        (409, "AlreadyExists") => WriteOutcome.AlreadyExists,
        (409, _) => WriteOutcome.Conflict,
        (422, _) => WriteOutcome.Invalid,
        _ => null,
    };
}
