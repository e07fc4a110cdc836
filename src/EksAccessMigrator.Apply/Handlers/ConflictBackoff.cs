namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// Retrying an optimistic-concurrency conflict (aws-auth edited between our read and our write): exponential backoff
/// with jitter (each delay drawn from the upper half of the doubling window, capped), for at most a time budget.
/// Time comes from the <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
internal sealed class ConflictBackoff(TimeProvider time, TimeSpan budget, TimeSpan initial, TimeSpan max, Random jitter)
{
    private readonly long _started = time.GetTimestamp();
    private TimeSpan _window = initial;

    /// <summary>The next delay, or null when the budget is spent (waiting it would pass the budget).</summary>
    public TimeSpan? Next()
    {
        var left = budget - time.GetElapsedTime(_started);
        if (left <= TimeSpan.Zero)
        {
            return null;
        }

        var delay = (_window / 2) + (_window / 2 * jitter.NextDouble());
        _window = _window * 2 > max ? max : _window * 2;
        return delay < left ? delay : left;
    }

    /// <summary>Waits the next delay; false when the budget is spent.</summary>
    public async Task<bool> WaitAsync(CancellationToken ct)
    {
        if (Next() is not { } delay)
        {
            return false;
        }

        await Task.Delay(delay, time, ct).ConfigureAwait(false);
        return true;
    }
}
