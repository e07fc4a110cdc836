using System.Collections.Concurrent;
using System.Collections.Immutable;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Coordination;

/// <summary>
/// One apply or rollback at a time: the journal's exclusive OS lock (held from before the journal is read until the
/// run ends) and the cluster lease (taken once the run's own checks passed, released at the end).
/// </summary>
internal sealed class RunGuard : IAsyncDisposable
{
    private readonly JournalFile? _file;
    private readonly ConcurrentQueue<string> _notices = new();
    private ClusterLease? _lease;

    private RunGuard(JournalFile? file, JournalState journal)
    {
        _file = file;
        Journal = journal;
    }

    /// <summary>The journal as read under the lock (empty for a new journal).</summary>
    public JournalState Journal { get; }

    /// <summary>Fires when the cluster lease is lost while the run goes on.</summary>
    public CancellationToken LeaseLost => _lease?.Lost ?? CancellationToken.None;

    /// <summary>What the run should tell the operator (e.g. a lease taken over).</summary>
    public ImmutableArray<string> Notices => [.. _notices];

    /// <summary>
    /// Locks and reads the journal (creating it when <paramref name="create"/>): refused when another process holds
    /// its lock or its hash chain breaks.
    /// </summary>
    public static (RunGuard? Guard, Refusal? Refusal) OpenJournal(string journalPath, bool create)
    {
        JournalFile? file;
        try
        {
            file = JournalFile.Open(journalPath, create);
        }
        catch (JournalInUseException e)
        {
            return (null, Refusal.Of(RefusalReason.JournalInUse, e.Message));
        }

        try
        {
            return (new RunGuard(file, file?.Read() ?? new JournalState()), null);
        }
        catch (JournalIntegrityException e)
        {
            file?.Dispose();
            return (null, Refusal.Of(RefusalReason.JournalBroken, $"The journal cannot be trusted, so nothing was written: {e.Message}"));
        }
        catch
        {
            file?.Dispose();
            throw;
        }
    }

    /// <summary>Takes the cluster lease for <paramref name="holder"/>; a refusal names the holder and when the lease expires.</summary>
    public async Task<Refusal?> TakeLeaseAsync(ClusterPorts clients, LeaseHolder holder, ApplyOptions options, CancellationToken ct)
    {
        var (lease, refusal) = await ClusterLease.AcquireAsync(clients.Lease, holder, options, _notices.Enqueue, ct).ConfigureAwait(false);
        _lease = lease;
        return refusal;
    }

    /// <summary>The journal's writer (the journal must have been opened with create).</summary>
    public JournalWriter Writer(TimeProvider time) =>
        (_file ?? throw new InvalidOperationException("The journal was opened read-only.")).Writer(Journal, time);

    public async ValueTask DisposeAsync()
    {
        if (_lease is not null)
        {
            await _lease.DisposeAsync().ConfigureAwait(false);
        }

        _file?.Dispose();
    }
}
