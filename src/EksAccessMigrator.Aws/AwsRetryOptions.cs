namespace EksAccessMigrator.Aws;

/// <summary>Bounds for the retry loop (jittered exponential backoff, capped total time).</summary>
public sealed record AwsRetryOptions
{
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>No retry is started once this much time has passed since the first attempt.</summary>
    public TimeSpan MaxTotalRetryTime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest Retry-After the client honours; longer values are capped.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>These bounds for the shared pipeline, with <paramref name="attemptTimeout"/> per attempt.</summary>
    public Core.Resilience.RetryBounds Bounds(TimeSpan attemptTimeout) => new()
    {
        MaxAttempts = MaxAttempts,
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        MaxTotalRetryTime = MaxTotalRetryTime,
        MaxRetryAfter = MaxRetryAfter,
        AttemptTimeout = attemptTimeout,
    };
}
