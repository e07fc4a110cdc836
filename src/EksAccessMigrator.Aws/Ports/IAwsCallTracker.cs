namespace EksAccessMigrator.Aws.Ports;

/// <summary>
/// Sees each AWS call an adapter makes (one request with all its retries; one page of a list), so that a caller can
/// attribute the retry waits the pipeline reports to the call they belong to (the live scan's retry statistics).
/// </summary>
public interface IAwsCallTracker
{
    /// <summary>Runs one call and returns its result.</summary>
    Task<T> TrackAsync<T>(Func<Task<T>> call);
}
