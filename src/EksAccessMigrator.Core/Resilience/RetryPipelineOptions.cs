namespace EksAccessMigrator.Core.Resilience;

/// <summary>What an adapter gives <see cref="RetryPipeline{T}"/>.</summary>
public sealed record RetryPipelineOptions<T>
{
    public required RetryBounds Bounds { get; init; }

    /// <summary>Reads a failed attempt (an exception, or a result the adapter treats as failed); successes are never passed.</summary>
    public required Func<Polly.Outcome<T>, RetryVerdict> Classify { get; init; }

    /// <summary>Whether an attempt succeeded (results only; an exception never is a success).</summary>
    public Func<T, bool> IsSuccess { get; init; } = static _ => true;

    /// <summary>Clock of backoff and of the total budget.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Told before every wait (wire log, progress).</summary>
    public Action<RetryNotice<T>>? OnRetry { get; init; }

    /// <summary>
    /// The client-side rate limit each attempt is admitted by (waiting outside the attempt timeout), told after each
    /// attempt whether it was throttled (<see cref="IsThrottled"/>); null for none. Share one instance between
    /// pipelines that draw on one budget.
    /// </summary>
    public AdaptiveRateLimiter? RateLimiter { get; init; }

    /// <summary>Whether an attempt was refused by the service's rate limit (read only with <see cref="RateLimiter"/>).</summary>
    public Func<Polly.Outcome<T>, bool> IsThrottled { get; init; } = static _ => false;

    public CredentialRefresh<T>? Refresh { get; init; }
}
