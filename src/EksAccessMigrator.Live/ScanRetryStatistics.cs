namespace EksAccessMigrator.Live;

/// <summary>
/// Retries made during a scan: how many, the waits they caused, and the longest wait spent in retries by a single
/// AWS call (compare with <c>AwsRetryOptions.MaxTotalRetryTime</c>).
/// </summary>
public sealed record ScanRetryStatistics(
    int AwsRequests,
    int AwsRetries,
    TimeSpan AwsRetryDelay,
    TimeSpan LongestAwsCallRetryDelay,
    int KubernetesRetries,
    TimeSpan KubernetesRetryDelay);
