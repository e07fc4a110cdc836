namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// Leases on the API server (the cluster-side lock of apply and rollback): read, create, replace (always on
/// condition of the resourceVersion read, so of two holders exactly one wins) and delete (on condition of a
/// resourceVersion). Conflicts and existing names come back as a <see cref="LeaseWrite"/>.
/// </summary>
public interface IClusterLease
{
    /// <summary>The lease; null when absent.</summary>
    Task<LeaseObject?> GetAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Creates the lease; <see cref="WriteOutcome.AlreadyExists"/> when another holder created it first.</summary>
    Task<LeaseWrite> CreateAsync(LeaseObject lease, CancellationToken cancellationToken);

    /// <summary>Replaces the lease on condition of its <see cref="LeaseObject.ResourceVersion"/>; <see cref="WriteOutcome.Conflict"/> otherwise.</summary>
    Task<LeaseWrite> ReplaceAsync(LeaseObject lease, CancellationToken cancellationToken);

    /// <summary>Deletes the lease on condition of <paramref name="resourceVersion"/>.</summary>
    Task<ObjectWrite> DeleteAsync(string @namespace, string name, string resourceVersion, CancellationToken cancellationToken);
}
