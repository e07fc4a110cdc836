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

    /// <summary>Admission of each attempt, e.g. a client-side rate limit; it waits outside the attempt timeout.</summary>
    public Func<CancellationToken, ValueTask>? Admit { get; init; }

    public CredentialRefresh<T>? Refresh { get; init; }
}
