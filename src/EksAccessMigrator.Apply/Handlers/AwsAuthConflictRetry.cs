using EksAccessMigrator.Core.Resilience;
using Polly.Timeout;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// Retrying an optimistic-concurrency conflict on aws-auth (edited between our read and our write) on the one
/// resilience pipeline, <see cref="RetryPipeline{T}"/>: one attempt is a read, the precondition check and the
/// conditional replace; only <see cref="AwsAuthAttempt.Conflict"/> is retried, with the pipeline's jittered
/// exponential backoff (<see cref="BaseDelay"/> doubling to <see cref="MaxDelay"/>), and no retry is started whose
/// wait would pass the budget (<see cref="RetryBounds.MaxTotalRetryTime"/>), so no wait passes it either.
/// </summary>
internal sealed class AwsAuthConflictRetry
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bounds a hung attempt only: the calls inside it carry the Kubernetes client's own timeouts and retries, and an
    /// attempt is cut only when it takes far longer than those allow.
    /// </summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromHours(1);

    private readonly RetryPipeline<AwsAuthAttempt> _pipeline;
    private readonly TimeSpan _budget;

    public AwsAuthConflictRetry(TimeProvider time, TimeSpan budget)
    {
        _budget = budget;
        _pipeline = new RetryPipeline<AwsAuthAttempt>(new RetryPipelineOptions<AwsAuthAttempt>
        {
            Bounds = BoundsFor(budget),
            TimeProvider = time,
            IsSuccess = static a => !a.IsConflict,
            Classify = static o => o.Exception is null && o.Result is { IsConflict: true } ? RetryVerdict.Retry() : RetryVerdict.Final,
        });
    }

    public RetryBounds Bounds => _pipeline.Bounds;

    /// <summary>
    /// The pipeline's bounds for a budget. Every wait is at least half of <see cref="BaseDelay"/>, so the budget ends
    /// the retries before the attempt count does; the count only stops a clock that never moves. (At least two: the
    /// pipeline's retry step refuses a single attempt; a zero budget still starts no retry.)
    /// </summary>
    public static RetryBounds BoundsFor(TimeSpan budget) => new()
    {
        MaxAttempts = (int)Math.Min(int.MaxValue, (budget.Ticks / (BaseDelay.Ticks / 2)) + 2),
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        MaxRetryAfter = MaxDelay,
        MaxTotalRetryTime = budget,
        AttemptTimeout = AttemptTimeout,
    };

    /// <summary>
    /// Runs <paramref name="attempt"/> until it is done, fails for another reason than a conflict, or the budget ends
    /// the retries. Null when done, else what to tell the user. An exception of an attempt (the API failed) is thrown
    /// as it was, and is not retried here: the Kubernetes client has retried it already.
    /// </summary>
    public async Task<string?> RunAsync(string target, Func<CancellationToken, Task<AwsAuthAttempt>> attempt, CancellationToken ct, Action<RetryNotice<AwsAuthAttempt>>? onRetry = null)
    {
        var result = await _pipeline.ExecuteAsync(attempt, ct, onRetry).ConfigureAwait(false);
        if (result.Outcome.Exception is TimeoutRejectedException timeout)
        {
            throw new TimeoutException($"an attempt to edit {target} (read, check, conditional replace) did not finish within {AttemptTimeout.TotalMinutes:F0} min; run apply again: the step resumes from the journal", timeout);
        }

        result.Outcome.ThrowIfException();
        var last = result.Outcome.Result!;
        if (last.IsConflict)
        {
            // The pipeline starts no retry once the run is stopped; the budget was not what ended it.
            ct.ThrowIfCancellationRequested();
        }

        return last.IsConflict
            ? $"{target} kept changing concurrently for {_budget.TotalSeconds:F0} s (every write met a newer edit); nothing was overwritten. Run apply again when the edits have stopped: the step resumes from the journal."
            : last.Failure;
    }
}
