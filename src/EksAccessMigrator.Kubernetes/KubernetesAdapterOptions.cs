namespace EksAccessMigrator.Kubernetes;

/// <summary>Tuning of the Kubernetes adapter. The defaults suit a real cluster; tests shorten the delays.</summary>
public sealed record KubernetesAdapterOptions
{
    /// <summary>Gets the <c>limit</c> sent with every list request (lists are always paged).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Gets how many kinds the live workload scan lists at once.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Gets the most attempts per request, the first included (429, 5xx, dropped connections and timeouts are retried).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Gets the first backoff delay; it doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets the longest single wait between attempts, Retry-After included.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the most time one request may spend in retries before it fails.</summary>
    public TimeSpan MaxRetryDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the timeout of each HTTP request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how long a token from the token provider is reused before it is asked again (EKS tokens live 15 minutes).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets the wait between polls while waiting for a rollout.</summary>
    public TimeSpan RolloutPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets a callback told about every retry (for progress output); null for none.</summary>
    public Action<KubernetesRetryAttempt>? OnRetry { get; init; }

    /// <summary>Gets the clock for backoff, token lifetime, rollout deadlines and restart timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Debug log of every request (method, URL, status, duration; never headers or bodies); null for none.</summary>
    public Action<KubernetesRequestRecord>? RequestLog { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSize, 1, nameof(PageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RolloutPollInterval, TimeSpan.Zero, nameof(RolloutPollInterval));
    }
}
