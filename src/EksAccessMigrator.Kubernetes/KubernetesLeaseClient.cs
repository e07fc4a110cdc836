using System.Net;
using k8s;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// <c>coordination.k8s.io/v1</c> Leases: read, create, replace (always with the resourceVersion read, so two holders
/// never both win) and delete (with a resourceVersion precondition). Conflicts and existing names come back as a
/// <see cref="WriteResult{T}"/>.
/// </summary>
public sealed class KubernetesLeaseClient
{
    private readonly KubernetesConnection _connection;

    internal KubernetesLeaseClient(KubernetesConnection connection) => _connection = connection;

    private k8s.Kubernetes Client => _connection.Client;

    /// <summary>Gets a Lease; null when absent.</summary>
    public async Task<V1Lease?> GetAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            return await _connection.Retry.ExecuteAsync($"get lease {ns}/{name}", t => Client.CoordinationV1.ReadNamespacedLeaseAsync(name, ns, cancellationToken: t), ct).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates a Lease; <see cref="WriteOutcome.AlreadyExists"/> when another holder created it first.</summary>
    public Task<WriteResult<V1Lease>> CreateAsync(V1Lease lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var metadata = lease.Metadata ?? throw new ArgumentException("The Lease has no metadata.", nameof(lease));
        var body = lease with { ApiVersion = "coordination.k8s.io/v1", Kind = "Lease" };
        return WriteAsync($"create lease {metadata.NamespaceProperty}/{metadata.Name}", t => Client.CoordinationV1.CreateNamespacedLeaseAsync(body, metadata.NamespaceProperty, cancellationToken: t), ct);
    }

    /// <summary>Replaces a Lease on condition that it still has the resourceVersion in its metadata; <see cref="WriteOutcome.Conflict"/> otherwise.</summary>
    public Task<WriteResult<V1Lease>> ReplaceAsync(V1Lease lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var metadata = lease.Metadata ?? throw new ArgumentException("The Lease has no metadata.", nameof(lease));
        if (string.IsNullOrEmpty(metadata.ResourceVersion))
        {
            throw new ArgumentException("The Lease has no resourceVersion; refusing an unconditional replace.", nameof(lease));
        }

        var body = lease with { ApiVersion = "coordination.k8s.io/v1", Kind = "Lease" };
        return WriteAsync($"replace lease {metadata.NamespaceProperty}/{metadata.Name}", t => Client.CoordinationV1.ReplaceNamespacedLeaseAsync(body, metadata.Name, metadata.NamespaceProperty, cancellationToken: t), ct);
    }

    /// <summary>Deletes a Lease on condition that it still has <paramref name="resourceVersion"/>.</summary>
    public Task<WriteResult<V1Status>> DeleteAsync(string ns, string name, string resourceVersion, CancellationToken ct)
    {
        var options = new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = resourceVersion } };
        return WriteAsync(
            $"delete lease {ns}/{name}",
            async t =>
            {
                await Client.CoordinationV1.DeleteNamespacedLeaseAsync(name, ns, options, cancellationToken: t).ConfigureAwait(false);
                return new V1Status { Status = "Success" };
            },
            ct);
    }

    private async Task<WriteResult<T>> WriteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
        where T : class
    {
        try
        {
            return new WriteResult<T>(WriteOutcome.Succeeded, await _connection.Retry.ExecuteAsync(operation, call, ct).ConfigureAwait(false), null);
        }
        catch (KubernetesApiException e) when (e.StatusCode is 404 or 409)
        {
            var outcome = e.StatusCode == 404 ? WriteOutcome.NotFound : e.Reason == "AlreadyExists" ? WriteOutcome.AlreadyExists : WriteOutcome.Conflict;
            return new WriteResult<T>(outcome, null, e.ApiMessage ?? e.Message);
        }
    }
}
