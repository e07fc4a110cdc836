using EksAccessMigrator.Core.Resilience;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Core.Tests.Resilience;

/// <summary>The shared pipeline's own rules, on a clock that skips waits (the adapters' wire tests cover HTTP).</summary>
public sealed class RetryPipelineTests
{
    private static readonly RetryBounds Bounds = new()
    {
        MaxAttempts = 5,
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(1),
        MaxTotalRetryTime = TimeSpan.FromMinutes(1),
        MaxRetryAfter = TimeSpan.FromSeconds(3),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    private static RetryPipeline<int> Pipeline(WaitSkippingClock clock, RetryBounds? bounds = null, Func<Exception?, RetryVerdict>? classify = null, CredentialRefresh<int>? refresh = null, List<RetryNotice<int>>? notices = null) =>
        new(new RetryPipelineOptions<int>
        {
            Bounds = bounds ?? Bounds,
            Classify = o => (classify ?? (e => e is TimeoutException ? RetryVerdict.Retry() : RetryVerdict.Final))(o.Exception),
            TimeProvider = clock,
            Refresh = refresh,
            OnRetry = notices is null ? null : notices.Add,
        });

    [Fact]
    public async Task Time_queued_behind_the_rate_limit_is_not_retry_time_so_a_slow_limit_does_not_use_up_the_budget()
    {
        var clock = new WaitSkippingClock();
        var limiter = new AdaptiveRateLimiter(clock);
        for (var i = 0; i < 50; i++)
        {
            limiter.Record(throttled: true);
        }

        // At the floor of 0.5/s an admission waits 2 s, twice the whole retry budget.
        Assert.Equal(AdaptiveRateLimiter.MinRate, limiter.Rate);
        var calls = 0;
        var pipeline = new RetryPipeline<int>(new RetryPipelineOptions<int>
        {
            Bounds = Bounds with { MaxTotalRetryTime = TimeSpan.FromSeconds(1) },
            Classify = o => o.Exception is TimeoutException ? RetryVerdict.Retry() : RetryVerdict.Final,
            TimeProvider = clock,
            RateLimiter = limiter,
        });

        var result = await pipeline.ExecuteAsync(_ => ++calls < 3 ? throw new TimeoutException("slow") : Task.FromResult(7), CancellationToken.None);

        Assert.Equal(7, result.Outcome.Result);
        Assert.Equal(3, result.Attempts);
        Assert.True(limiter.Waited > TimeSpan.FromSeconds(2), $"admissions waited {limiter.Waited}, not more than twice the budget");
    }

    [Fact]
    public async Task Each_attempt_tells_the_rate_limit_whether_it_was_throttled()
    {
        var clock = new WaitSkippingClock();
        var limiter = new AdaptiveRateLimiter(clock);
        var calls = 0;
        var pipeline = new RetryPipeline<int>(new RetryPipelineOptions<int>
        {
            Bounds = Bounds,
            Classify = _ => RetryVerdict.Retry(),
            IsSuccess = r => r > 0,
            TimeProvider = clock,
            RateLimiter = limiter,
            IsThrottled = o => o.Result == -1,
        });

        var result = await pipeline.ExecuteAsync(_ => Task.FromResult(++calls switch { 1 => -1, 2 => 0, _ => 5 }), CancellationToken.None);

        // Attempt 1 was throttled (the limit starts), attempt 2 failed otherwise (not a throttle), attempt 3 succeeded.
        Assert.Equal(5, result.Outcome.Result);
        Assert.Equal(1, limiter.Throttles);
        Assert.NotNull(limiter.Rate);
    }

    [Fact]
    public async Task Backoff_is_jittered_exponential_within_its_ceiling_and_attempts_are_capped()
    {
        var clock = new WaitSkippingClock();
        var notices = new List<RetryNotice<int>>();
        var calls = 0;

        var result = await Pipeline(clock, notices: notices).ExecuteAsync(_ => { calls++; throw new TimeoutException("slow"); }, CancellationToken.None);

        Assert.IsType<TimeoutException>(result.Outcome.Exception);
        Assert.Equal(5, calls);
        Assert.Equal(5, result.Attempts);
        Assert.Equal([1, 2, 3, 4], notices.Select(n => n.Attempt));
        double[] ceilings = [100, 200, 400, 800];
        Assert.All(notices.Zip(ceilings), p => Assert.InRange(p.First.Delay.TotalMilliseconds, p.Second / 2, p.Second));
        var announced = notices.Aggregate(TimeSpan.Zero, (sum, n) => sum + n.Delay);
        Assert.InRange(clock.Waited, announced - TimeSpan.FromMilliseconds(5), announced);
    }

    [Fact]
    public async Task Retry_after_wins_up_to_its_cap()
    {
        var clock = new WaitSkippingClock();
        var notices = new List<RetryNotice<int>>();
        var calls = 0;
        var pipeline = Pipeline(clock, classify: _ => RetryVerdict.Retry(calls == 1 ? TimeSpan.FromSeconds(2) : TimeSpan.FromMinutes(5)), notices: notices);

        var result = await pipeline.ExecuteAsync(_ => ++calls < 3 ? throw new InvalidOperationException("busy") : Task.FromResult(42), CancellationToken.None);

        Assert.Equal(42, result.Outcome.Result);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], notices.Select(n => n.Delay));
    }

    [Fact]
    public async Task No_retry_starts_past_the_total_budget()
    {
        var clock = new WaitSkippingClock();
        var bounds = Bounds with { MaxAttempts = 100, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(1), MaxTotalRetryTime = TimeSpan.FromSeconds(3) };
        var calls = 0;

        var result = await Pipeline(clock, bounds).ExecuteAsync(_ => { calls++; throw new TimeoutException(); }, CancellationToken.None);

        // Waits of 0.5-1 s within 3 s: between 3 and 6 of them, never 99.
        Assert.InRange(calls, 4, 7);
        Assert.InRange(clock.Waited, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_final_failure_is_not_retried()
    {
        var clock = new WaitSkippingClock();
        var calls = 0;

        var result = await Pipeline(clock).ExecuteAsync(_ => { calls++; throw new FormatException("bad answer"); }, CancellationToken.None);

        Assert.IsType<FormatException>(result.Outcome.Exception);
        Assert.Equal(1, calls);
        Assert.Equal(TimeSpan.Zero, clock.Waited);
    }

    [Fact]
    public async Task A_rejected_credential_is_refreshed_once_at_once_and_is_not_an_attempt()
    {
        var clock = new WaitSkippingClock();
        var refreshes = 0;
        var calls = 0;
        var refresh = new CredentialRefresh<int>(o => o.Exception is UnauthorizedAccessException, () => refreshes++);

        var ok = await Pipeline(clock, refresh: refresh).ExecuteAsync(_ => ++calls == 1 ? throw new UnauthorizedAccessException() : Task.FromResult(7), CancellationToken.None);
        Assert.Equal((7, 1, 1, 2), (ok.Outcome.Result, ok.Attempts, refreshes, calls));

        calls = 0;
        var denied = await Pipeline(clock, refresh: refresh).ExecuteAsync(_ => { calls++; throw new UnauthorizedAccessException(); }, CancellationToken.None);
        Assert.IsType<UnauthorizedAccessException>(denied.Outcome.Exception);
        Assert.Equal((1, 2, 2), (denied.Attempts, refreshes, calls));
        Assert.Equal(TimeSpan.Zero, clock.Waited);
    }

    [Fact]
    public async Task An_attempt_past_its_timeout_is_cancelled_and_classified()
    {
        var clock = new WaitSkippingClock();
        var bounds = Bounds with { MaxAttempts = 2, AttemptTimeout = TimeSpan.FromMilliseconds(50) };
        var calls = 0;
        var pipeline = Pipeline(clock, bounds, e => e is Polly.Timeout.TimeoutRejectedException ? RetryVerdict.Retry() : RetryVerdict.Final);

        var result = await pipeline.ExecuteAsync(
            async t =>
            {
                if (++calls == 1)
                {
                    await Task.Delay(TimeSpan.FromSeconds(20), t);
                }

                return 3;
            },
            CancellationToken.None);

        Assert.Equal((3, 2), (result.Outcome.Result, calls));
    }

    [Fact]
    public async Task The_callers_cancellation_ends_the_call_without_a_retry()
    {
        var clock = new WaitSkippingClock();
        using var cts = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pipeline(clock, classify: _ => RetryVerdict.Retry()).ExecuteAsync(
            t =>
            {
                calls++;
                cts.Cancel();
                t.ThrowIfCancellationRequested();
                return Task.FromResult(1);
            },
            cts.Token));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task One_attempt_allowed_builds_a_pipeline_without_retries_and_makes_exactly_one_attempt()
    {
        var clock = new WaitSkippingClock();
        var notices = new List<RetryNotice<int>>();
        var pipeline = Pipeline(clock, Bounds with { MaxAttempts = 1 }, notices: notices);
        var calls = 0;

        var result = await pipeline.ExecuteAsync(_ => ++calls > 0 ? throw new TimeoutException("slow") : Task.FromResult(1), CancellationToken.None);

        Assert.Equal(1, calls);
        Assert.Equal(1, result.Attempts);
        Assert.IsType<TimeoutException>(result.Outcome.Exception);
        Assert.Empty(notices);
    }
}
