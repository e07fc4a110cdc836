using System.Diagnostics.CodeAnalysis;
using Polly;

namespace EksAccessMigrator.Core.Resilience;

/// <summary>Counts each attempt and waits for admission (the rate limit) before it, outside the attempt timeout.</summary>
internal sealed class AdmissionStrategy(Func<CancellationToken, ValueTask>? admit, ResiliencePropertyKey<AttemptCounter> counter) : ResilienceStrategy
{
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A strategy reports failures as outcomes.")]
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        if (context.Properties.TryGetValue(counter, out var attempts))
        {
            attempts.Count++;
        }

        if (admit is not null)
        {
            try
            {
                await admit(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (Exception e)
            {
                return Outcome.FromException<TResult>(e);
            }
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
