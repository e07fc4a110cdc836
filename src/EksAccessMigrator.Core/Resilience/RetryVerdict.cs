namespace EksAccessMigrator.Core.Resilience;

/// <summary>An adapter's reading of one failed attempt: worth another try or not, and the server's Retry-After.</summary>
public readonly record struct RetryVerdict(bool Retryable, TimeSpan? RetryAfter)
{
    public static RetryVerdict Final { get; } = new(false, null);

    public static RetryVerdict Retry(TimeSpan? retryAfter = null) => new(true, retryAfter);
}
