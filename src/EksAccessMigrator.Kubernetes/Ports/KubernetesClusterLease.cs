using EksAccessMigrator.Core.Ports;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Ports;

/// <summary>The <see cref="IClusterLease"/> port over <see cref="KubernetesLeaseClient"/>, mapping <c>V1Lease</c> to <see cref="LeaseObject"/>.</summary>
public sealed class KubernetesClusterLease : IClusterLease
{
    private readonly KubernetesLeaseClient _client;

    public KubernetesClusterLease(KubernetesConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _client = connection.CreateLeaseClient();
    }

    public async Task<LeaseObject?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var lease = await _client.GetAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
        return lease is null ? null : Map(lease, @namespace, name);
    }

    public async Task<LeaseWrite> CreateAsync(LeaseObject lease, CancellationToken cancellationToken) =>
        Result(await _client.CreateAsync(Body(lease), cancellationToken).ConfigureAwait(false), lease);

    public async Task<LeaseWrite> ReplaceAsync(LeaseObject lease, CancellationToken cancellationToken) =>
        Result(await _client.ReplaceAsync(Body(lease), cancellationToken).ConfigureAwait(false), lease);

    public async Task<ObjectWrite> DeleteAsync(string @namespace, string name, string resourceVersion, CancellationToken cancellationToken)
    {
        var result = await _client.DeleteAsync(@namespace, name, resourceVersion, cancellationToken).ConfigureAwait(false);
        return new ObjectWrite(result.Outcome, result.Message);
    }

    private static V1Lease Body(LeaseObject lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return new V1Lease
        {
            Metadata = new V1ObjectMeta
            {
                Name = lease.Name,
                NamespaceProperty = lease.Namespace,
                ResourceVersion = lease.ResourceVersion,
                Labels = lease.Labels.Count == 0 ? null : new Dictionary<string, string>(lease.Labels, StringComparer.Ordinal),
                Annotations = lease.Annotations.Count == 0 ? null : new Dictionary<string, string>(lease.Annotations, StringComparer.Ordinal),
            },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = lease.HolderIdentity,
                LeaseDurationSeconds = lease.LeaseDurationSeconds,
                AcquireTime = lease.AcquireTime?.UtcDateTime,
                RenewTime = lease.RenewTime?.UtcDateTime,
                LeaseTransitions = lease.LeaseTransitions,
            },
        };
    }

    private static LeaseObject Map(V1Lease lease, string ns, string name) => new(
        lease.Metadata?.NamespaceProperty ?? ns,
        lease.Metadata?.Name ?? name,
        lease.Metadata?.ResourceVersion,
        lease.Metadata?.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal),
        lease.Metadata?.Annotations is { } annotations ? new Dictionary<string, string>(annotations, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal),
        lease.Spec?.HolderIdentity,
        lease.Spec?.LeaseDurationSeconds,
        Utc(lease.Spec?.AcquireTime),
        Utc(lease.Spec?.RenewTime),
        lease.Spec?.LeaseTransitions);

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    private static LeaseWrite Result(WriteResult<V1Lease> result, LeaseObject written) =>
        new(result.Outcome, result.Value is { } value ? Map(value, written.Namespace, written.Name) : null, result.Message);
}
