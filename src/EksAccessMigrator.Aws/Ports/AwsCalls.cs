namespace EksAccessMigrator.Aws.Ports;

/// <summary>Runs an adapter's AWS call through its tracker, when it has one.</summary>
internal static class AwsCalls
{
    public static Task<T> RunAsync<T>(IAwsCallTracker? tracker, Func<Task<T>> call) =>
        tracker is null ? call() : tracker.TrackAsync(call);
}
