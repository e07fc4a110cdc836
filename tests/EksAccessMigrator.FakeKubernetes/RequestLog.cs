namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Every request the fake server saw, in arrival order, plus the peak number answered at once. Thread-safe.</summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _entries = [];
    private long _sequence;
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Gets a copy of the entries recorded so far (completed requests, in arrival order).</summary>
    public IReadOnlyList<RecordedRequest> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.OrderBy(e => e.Sequence)];
            }
        }
    }

    /// <summary>Gets the highest number of requests that were being answered at the same time.</summary>
    public int MaxConcurrentRequests
    {
        get
        {
            lock (_gate)
            {
                return _maxInFlight;
            }
        }
    }

    /// <summary>Forgets all entries and resets <see cref="MaxConcurrentRequests"/>.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _maxInFlight = _inFlight;
        }
    }

    internal long Begin()
    {
        lock (_gate)
        {
            _inFlight++;
            _maxInFlight = Math.Max(_maxInFlight, _inFlight);
            return ++_sequence;
        }
    }

    internal void End(RecordedRequest entry)
    {
        lock (_gate)
        {
            _inFlight--;
            _entries.Add(entry);
        }
    }
}
