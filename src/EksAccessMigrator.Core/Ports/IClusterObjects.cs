namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// The Kubernetes objects the executor reads and changes: ConfigMaps (aws-auth and its backup), ServiceAccounts,
/// workloads' pod templates and their rollouts, and the namespace uid that identifies the cluster. Absent objects
/// read as null; conflicts, absent objects, existing names and refused changes on write come back as an
/// <see cref="ObjectWrite"/>; other failures throw a <see cref="ServiceCallException"/>. Nothing is overwritten
/// blindly: every replace carries the resourceVersion read.
/// </summary>
public interface IClusterObjects
{
    /// <summary>The API server reached (for messages).</summary>
    Uri Endpoint { get; }

    /// <summary>The uid of namespace <paramref name="name"/>; null when it does not exist.</summary>
    Task<string?> GetNamespaceUidAsync(string name, CancellationToken cancellationToken);

    /// <summary>The ConfigMap; null when absent.</summary>
    Task<ConfigMapObject?> GetConfigMapAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>
    /// The ConfigMap's resourceVersion, read without its data (the API server's metadata-only answer, where it gives
    /// one); null when absent. The version changes with every write, so an unchanged one means unchanged data.
    /// </summary>
    Task<string?> GetConfigMapVersionAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the data of <paramref name="observed"/> with <paramref name="data"/> (every other field kept as it is
    /// live), on condition that it still has the observed resourceVersion: <see cref="WriteOutcome.Conflict"/> otherwise.
    /// </summary>
    Task<ObjectWrite> ReplaceConfigMapDataAsync(ConfigMapObject observed, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken);

    /// <summary>Creates a ConfigMap; <see cref="WriteOutcome.AlreadyExists"/> when the name is taken.</summary>
    Task<ObjectWrite> CreateConfigMapAsync(string @namespace, string name, IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken);

    /// <summary>Deletes a ConfigMap, on condition of its uid when given.</summary>
    Task<ObjectWrite> DeleteConfigMapAsync(string @namespace, string name, string? expectedUid, CancellationToken cancellationToken);

    /// <summary>The ServiceAccount; null when absent.</summary>
    Task<ServiceAccountObject?> GetServiceAccountAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Creates a ServiceAccount (the result carries its uid); <see cref="WriteOutcome.AlreadyExists"/> when the name is taken.</summary>
    Task<ObjectWrite> CreateServiceAccountAsync(NewServiceAccount serviceAccount, CancellationToken cancellationToken);

    /// <summary>Deletes a ServiceAccount, on condition of its uid when given.</summary>
    Task<ObjectWrite> DeleteServiceAccountAsync(string @namespace, string name, string? expectedUid, CancellationToken cancellationToken);

    /// <summary>Sets (value) or removes (null) annotations of a ServiceAccount, on condition of the resourceVersion when given.</summary>
    Task<ObjectWrite> SetServiceAccountAnnotationsAsync(string @namespace, string name, IReadOnlyDictionary<string, string?> annotations, string? expectedResourceVersion, CancellationToken cancellationToken);

    /// <summary>The workload's pod template; null when the workload does not exist.</summary>
    Task<WorkloadTemplate?> GetWorkloadAsync(WorkloadAddress workload, CancellationToken cancellationToken);

    /// <summary>Sets the pod template's serviceAccountName (null removes it), on condition of the resourceVersion when given.</summary>
    Task<ObjectWrite> SetPodTemplateServiceAccountAsync(WorkloadAddress workload, string? serviceAccountName, string? expectedResourceVersion, CancellationToken cancellationToken);

    /// <summary>Sets (value) or removes (null) pod-template annotations, on condition of the resourceVersion when given.</summary>
    Task<ObjectWrite> SetPodTemplateAnnotationsAsync(WorkloadAddress workload, IReadOnlyDictionary<string, string?> annotations, string? expectedResourceVersion, CancellationToken cancellationToken);

    /// <summary>Removes pod-template annotations (absent ones are fine).</summary>
    Task<ObjectWrite> RemovePodTemplateAnnotationsAsync(WorkloadAddress workload, IEnumerable<string> annotations, string? expectedResourceVersion, CancellationToken cancellationToken);

    /// <summary><c>kubectl rollout restart</c>: sets <see cref="RestartAnnotation.Name"/> to now (Deployments, StatefulSets, DaemonSets).</summary>
    Task<ObjectWrite> RestartAsync(WorkloadAddress workload, CancellationToken cancellationToken);

    /// <summary>Waits until the workload's rollout is complete, fails, or <paramref name="timeout"/> passes.</summary>
    Task<RolloutResult> WaitForRolloutAsync(WorkloadAddress workload, TimeSpan timeout, CancellationToken cancellationToken);
}
