using System.Diagnostics.CodeAnalysis;
using Polly;

namespace EksAccessMigrator.Core.Resilience;

/// <summary>
/// Counts each attempt, waits for admission by the rate limit before it (outside the attempt timeout), and tells
/// the limit afterwards whether the service throttled it.
/// </summary>
internal sealed class AdmissionStrategy<T>(AdaptiveRateLimiter? limiter, Func<Outcome<T>, bool> isThrottled, ResiliencePropertyKey<AttemptCounter> counter) : ResilienceStrategy<T>
{
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A strategy reports failures as outcomes.")]
    protected override async ValueTask<Outcome<T>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<T>>> callback,
        ResilienceContext context,
        TState state)
    {
        context.Properties.TryGetValue(counter, out var attempts);
        if (attempts is not null)
        {
            attempts.Count++;
        }

        if (limiter is null)
        {
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }

        try
        {
            var waited = await limiter.AcquireAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            if (attempts is not null)
            {
                attempts.Admission += waited;
            }
        }
        catch (Exception e)
        {
            return Outcome.FromException<T>(e);
        }

        var sent = limiter.Timestamp();
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (!context.CancellationToken.IsCancellationRequested)
        {
            limiter.Record(isThrottled(outcome), sent);
        }

        return outcome;
    }
}
