using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>What every handler needs: the clients, the cluster, the options, and per-resource locks.</summary>
internal sealed class StepContext
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public StepContext(ClusterPorts clients, string clusterName, string planHash, ApplyOptions options, string? journalPath = null, Core.Plans.MigrationPlan? plan = null)
    {
        Plan = plan;
        JournalPath = journalPath;
        Clients = clients;
        ClusterName = clusterName;
        PlanHash = planHash;
        Options = options;
        var awsAuth = new AwsAuthVersionedRead();
        AwsAuthNow = new FreshRead<(bool Exists, ImmutableSortedDictionary<string, string> Now)>(t => awsAuth.ReadAsync(Objects, t));
    }

    /// <summary>
    /// aws-auth as read now, for the source condition of changes made from it: the checks running at the same time
    /// share one read that began after each of them asked (<see cref="FreshRead{T}"/>), not one read each; a read
    /// takes aws-auth's data again only when its resourceVersion moved (<see cref="AwsAuthVersionedRead"/>).
    /// </summary>
    public FreshRead<(bool Exists, ImmutableSortedDictionary<string, string> Now)> AwsAuthNow { get; }

    public ClusterPorts Clients { get; }

    /// <summary>The plan being applied (null in rollback, which works from the journal).</summary>
    public Core.Plans.MigrationPlan? Plan { get; }

    public string ClusterName { get; }

    public string PlanHash { get; }

    public ApplyOptions Options { get; }

    /// <summary>The journal being written (null in a dry run); backups are written beside it.</summary>
    public string? JournalPath { get; }

    /// <summary>
    /// The access entries listed when apply's checks began (null: none listed, every CreateAccessEntry reads its
    /// own). Set once by the preflight, before any step runs; rollback never sets it.
    /// </summary>
    public AccessEntryListing? EntryListing { get; private set; }

    /// <summary>Keeps the preflight's listing for the steps (once, before any step runs).</summary>
    public void UseEntryListing(AccessEntryListing? listing) => EntryListing = listing;

    /// <summary>The Kubernetes objects (a shorthand for <see cref="ClusterPorts.Objects"/>).</summary>
    public IClusterObjects Objects => Clients.Objects;

    /// <summary>
    /// A client request token that is the same for the same plan and step, so a call repeated after a crash is
    /// recognised by EKS as the same request. Derived, not secret, and never journaled.
    /// </summary>
    public string RequestToken(string address)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(PlanHash + "\n" + address));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    /// <summary>Serialises read-modify-write of one resource (e.g. one role's trust policy) across concurrent steps.</summary>
    public async Task<IDisposable> LockAsync(string key, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
