namespace EksAccessMigrator.Core.Resilience;

/// <summary>
/// The limits of <see cref="RetryPipeline{T}"/>: attempts (the first included), the jittered exponential backoff
/// (attempt n waits between half and all of <c>min(MaxDelay, BaseDelay * 2^(n-1))</c>), the longest Retry-After
/// honoured, the total time after which no retry is started, and the timeout of each attempt.
/// </summary>
public sealed record RetryBounds
{
    public required int MaxAttempts { get; init; }

    public required TimeSpan BaseDelay { get; init; }

    public required TimeSpan MaxDelay { get; init; }

    /// <summary>No retry is started when the time since the first attempt plus the next wait would pass this (time queued for admission by the rate limit is not counted).</summary>
    public required TimeSpan MaxTotalRetryTime { get; init; }

    /// <summary>Longest Retry-After honoured; longer values are cut to this.</summary>
    public required TimeSpan MaxRetryAfter { get; init; }

    /// <summary>
    /// Timeout of one attempt. It measures the network, so it runs on the system clock, while backoff and the
    /// total budget run on the pipeline's <see cref="TimeProvider"/> (a test clock may skip waits, never a timeout).
    /// </summary>
    public required TimeSpan AttemptTimeout { get; init; }

    /// <summary>Attempt <paramref name="attempt"/> (1 for the first) waits between half and all of the capped exponential ceiling; a Retry-After wins, up to its cap.</summary>
    public TimeSpan DelayFor(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } ra)
        {
            return ra > MaxRetryAfter ? MaxRetryAfter : ra;
        }

        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
#pragma warning disable CA5394 // Backoff jitter is not security sensitive.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, TimeSpan.Zero, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
    }
}
