namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// One read shared by the callers that wait for it, never older than any of them: a caller joins the read queued to
/// start next (queued while another is in flight, or started at once when none is), never one already in flight, so
/// what it gets was read after it asked, as its own read would have been. At most one read is in flight and one
/// queued, however many steps check at once.
/// </summary>
internal sealed class FreshRead<T>
{
    private readonly Func<CancellationToken, Task<T>> _read;
    private readonly Lock _gate = new();
    private Task<T>? _running;
    private Task<T>? _next;

    public FreshRead(Func<CancellationToken, Task<T>> read) => _read = read;

    /// <summary>How many reads were started (for tests).</summary>
    public int Started { get; private set; }

    /// <summary>The value of a read started after this call; its failure is every joined caller's failure.</summary>
    public Task<T> ReadAsync(CancellationToken cancellationToken)
    {
        Task<T> mine;
        Task<T>? previous = null;
        TaskCompletionSource<T>? start = null;
        lock (_gate)
        {
            if (_next is null)
            {
                start = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                _next = start.Task;
                previous = _running;
            }

            mine = _next;
        }

        if (start is not null)
        {
            _ = RunAsync(start, previous);
        }

        return mine.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(TaskCompletionSource<T> start, Task<T>? previous)
    {
        if (previous is not null)
        {
            await ((Task)previous).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        lock (_gate)
        {
            _running = start.Task;
            _next = null;
            Started++;
        }

        try
        {
            // Not cancelled by the caller that happened to start it: the others still wait for it (each its own token).
            start.SetResult(await _read(CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            start.SetException(e);
        }
    }
}
