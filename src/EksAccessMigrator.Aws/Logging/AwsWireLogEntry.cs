namespace EksAccessMigrator.Aws.Logging;

/// <summary>
/// One attempt of one call. <see cref="StatusCode"/> is null after a transport failure; <see cref="ClientRateLimit"/>
/// is the client-side rate limit after it (requests per second), null while the service has not throttled.
/// </summary>
public sealed record AwsWireLogEntry(
    string Operation,
    int Attempt,
    string Method,
    string Url,
    int? StatusCode,
    TimeSpan Duration,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    string? Error,
    TimeSpan? RetryDelay)
{
    public double? ClientRateLimit { get; init; }
}
