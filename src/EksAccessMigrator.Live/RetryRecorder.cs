using EksAccessMigrator.Aws.Logging;
using EksAccessMigrator.Aws.Ports;
using EksAccessMigrator.Kubernetes;

namespace EksAccessMigrator.Live;

/// <summary>
/// Sits between the AWS pipelines and the caller's wire log: counts requests and retries, sums the retry waits per
/// call (a call is what <see cref="TrackAsync{T}"/> wraps; the scan's ports hand it each of theirs), and reports retries as progress.
/// </summary>
internal sealed class RetryRecorder(IAwsWireLog? inner, IScanProgress progress) : IAwsWireLog, IAwsCallTracker
{
    private readonly AsyncLocal<CallTally?> _current = new();
    private readonly Lock _gate = new();
    private int _awsRequests;
    private int _awsRetries;
    private TimeSpan _awsDelay;
    private TimeSpan _longestCall;
    private int _kubernetesRetries;
    private TimeSpan _kubernetesDelay;

    public void Log(AwsWireLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        inner?.Log(entry);
        lock (_gate)
        {
            _awsRequests++;
            if (entry.RetryDelay is { } delay)
            {
                _awsRetries++;
                _awsDelay += delay;
            }
        }

        if (entry.RetryDelay is { } wait)
        {
            _current.Value?.Add(wait);
            progress.Retrying(entry.Operation, entry.Attempt, wait);
        }
    }

    public void OnKubernetesRetry(KubernetesRetryAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        lock (_gate)
        {
            _kubernetesRetries++;
            _kubernetesDelay += attempt.Delay;
        }

        progress.Retrying(attempt.Operation, attempt.Attempt, attempt.Delay);
    }

    /// <summary>Runs one AWS call (with all its attempts) and records the time it spent waiting to retry.</summary>
    public async Task<T> TrackAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tally = new CallTally();
        _current.Value = tally;
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            _current.Value = null;
            lock (_gate)
            {
                if (tally.Delay > _longestCall)
                {
                    _longestCall = tally.Delay;
                }
            }
        }
    }

    public ScanRetryStatistics Snapshot()
    {
        lock (_gate)
        {
            return new ScanRetryStatistics(_awsRequests, _awsRetries, _awsDelay, _longestCall, _kubernetesRetries, _kubernetesDelay);
        }
    }

    private sealed class CallTally
    {
        private long _ticks;

        public TimeSpan Delay => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Add(TimeSpan delay) => Interlocked.Add(ref _ticks, delay.Ticks);
    }
}
