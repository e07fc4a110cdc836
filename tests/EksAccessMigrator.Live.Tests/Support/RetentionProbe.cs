using System.Collections.Concurrent;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>
/// Watches the objects streamed past the collectors through weak references: every <see cref="CheckEvery"/> objects
/// it collects garbage and records how many of the trees seen so far are still alive (at most those in flight).
/// </summary>
internal sealed class RetentionProbe : IManifestCollector
{
    private const int CheckEvery = 40;

    private readonly ConcurrentQueue<WeakReference> _roots = new();
    private readonly ConcurrentQueue<int> _aliveAtChecks = new();
    private readonly Lock _gate = new();
    private int _visits;

    public int Visits => Volatile.Read(ref _visits);

    /// <summary>Earlier object trees alive at each check.</summary>
    public IReadOnlyCollection<int> AliveAtChecks => _aliveAtChecks;

    public void Visit(ManifestObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _roots.Enqueue(new WeakReference(manifest.Root));
        if (Interlocked.Increment(ref _visits) % CheckEvery == 0)
        {
            lock (_gate)
            {
                _aliveAtChecks.Enqueue(Alive());
            }
        }
    }

    /// <summary>
    /// Object trees seen so far that are still alive after a full collection. Only those seen before the collection
    /// count: the other threads keep visiting (new, still-referenced trees) while this one counts.
    /// </summary>
    public int Alive()
    {
        var seen = _roots.ToArray();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return seen.Count(r => r.IsAlive);
    }
}
