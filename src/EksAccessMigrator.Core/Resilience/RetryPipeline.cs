using System.Diagnostics.CodeAnalysis;
using Polly;
using Polly.Retry;

namespace EksAccessMigrator.Core.Resilience;

/// <summary>
/// The one resilience pipeline of every adapter (EKS, IAM, STS, Kubernetes), on Polly 8. From the outside in:
/// retry (jittered exponential backoff, Retry-After honoured up to a cap, at most <see cref="RetryBounds.MaxAttempts"/>
/// attempts, no retry started past <see cref="RetryBounds.MaxTotalRetryTime"/>, nothing retried that the adapter's
/// classifier calls final), admission (the adaptive client-side rate limit, told of each throttled attempt), the credential-refresh step, the per-attempt timeout.
/// </summary>
public sealed class RetryPipeline<T>
{
    private static readonly ResiliencePropertyKey<long> Started = new("eam.retry.started");
    private static readonly ResiliencePropertyKey<TimeSpan> NextDelay = new("eam.retry.next-delay");
    private static readonly ResiliencePropertyKey<AttemptCounter> Counter = new("eam.retry.attempts");
    private static readonly ResiliencePropertyKey<Action<RetryNotice<T>>> CallNotice = new("eam.retry.notice");

    private readonly ResiliencePipeline<T> _pipeline;
    private readonly RetryPipelineOptions<T> _options;

    public RetryPipeline(RetryPipelineOptions<T> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Bounds.Validate();
        _options = options;
        var builder = new ResiliencePipelineBuilder<T> { TimeProvider = options.TimeProvider };

        // One attempt allowed: no retry strategy at all (Polly refuses a retry strategy of zero retries).
        if (options.Bounds.MaxAttempts > 1)
        {
            AddRetry(builder, options);
        }

        AddInnerStrategies(builder, options);
        _pipeline = builder.Build();
    }

    private void AddRetry(ResiliencePipelineBuilder<T> builder, RetryPipelineOptions<T> options) =>
        builder.AddRetry(new RetryStrategyOptions<T>
        {
            MaxRetryAttempts = options.Bounds.MaxAttempts - 1,
            ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.AttemptNumber + 1, args.Context)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(NextDelay, TimeSpan.Zero)),
            OnRetry = args =>
            {
                var notice = new RetryNotice<T>(args.AttemptNumber + 1, args.RetryDelay, args.Outcome);
                options.OnRetry?.Invoke(notice);
                if (args.Context.Properties.TryGetValue(CallNotice, out var perCall))
                {
                    perCall(notice);
                }

                return default;
            },
        });

    private static void AddInnerStrategies(ResiliencePipelineBuilder<T> builder, RetryPipelineOptions<T> options)
    {
        builder.AddStrategy(_ => new AdmissionStrategy<T>(options.RateLimiter, options.IsThrottled, Counter), new AdmissionStrategyOptions());
        if (options.Refresh is { } refresh)
        {
            builder.AddRetry(new RetryStrategyOptions<T>
            {
                MaxRetryAttempts = 1,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => new ValueTask<bool>(!args.Context.CancellationToken.IsCancellationRequested && refresh.IsRejected(args.Outcome)),
                OnRetry = _ =>
                {
                    refresh.Refresh();
                    return default;
                },
            });
        }

        // A pipeline of its own so that the timeout runs on the system clock (see RetryBounds.AttemptTimeout).
        builder.AddPipeline(new ResiliencePipelineBuilder().AddTimeout(options.Bounds.AttemptTimeout).Build());
    }

    public RetryBounds Bounds => _options.Bounds;

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds or may not be retried. The token an attempt receives is
    /// cancelled by the attempt timeout or by <paramref name="cancellationToken"/>; cancellation by the caller
    /// surfaces as <see cref="OperationCanceledException"/>, everything else as the returned outcome.
    /// <paramref name="onRetry"/> is told about this call's retries, after <see cref="RetryPipelineOptions{T}.OnRetry"/>.
    /// </summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Every failure of an attempt becomes its outcome, which the classifier reads.")]
    public async Task<RetryResult<T>> ExecuteAsync(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken, Action<RetryNotice<T>>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var counter = new AttemptCounter();
        context.Properties.Set(Started, _options.TimeProvider.GetTimestamp());
        context.Properties.Set(Counter, counter);
        if (onRetry is not null)
        {
            context.Properties.Set(CallNotice, onRetry);
        }
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, call) =>
                {
                    try
                    {
                        return Outcome.FromResult(await call(ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception e)
                    {
                        return Outcome.FromException<T>(e);
                    }
                },
                context,
                attempt).ConfigureAwait(false);
            if (outcome.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            return new RetryResult<T>(outcome, counter.Count);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool ShouldRetry(Outcome<T> outcome, int attempt, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Exception is null && _options.IsSuccess(outcome.Result!))
        {
            return false;
        }

        var verdict = _options.Classify(outcome);
        if (!verdict.Retryable || attempt >= _options.Bounds.MaxAttempts)
        {
            return false;
        }

        var delay = _options.Bounds.DelayFor(attempt, verdict.RetryAfter);
        var elapsed = _options.TimeProvider.GetElapsedTime(context.Properties.GetValue(Started, _options.TimeProvider.GetTimestamp()))
            - (context.Properties.TryGetValue(Counter, out var counter) ? counter.Admission : TimeSpan.Zero);
        if (elapsed + delay > _options.Bounds.MaxTotalRetryTime)
        {
            return false;
        }

        context.Properties.Set(NextDelay, delay);
        return true;
    }
}
