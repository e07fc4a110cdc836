using EksAccessMigrator.Core.Resilience;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Core.Tests.Resilience;

/// <summary>
/// The adaptive client-side rate limit (the AWS SDKs' "adaptive" retry mode), on a clock that moves only by the
/// waits it is asked for: a wait the limiter imposes shows as time passed on <see cref="WaitSkippingClock.Waited"/>.
/// </summary>
public sealed class AdaptiveRateLimiterTests
{
    /// <summary>Sends <paramref name="count"/> requests at <paramref name="perSecond"/> (the clock moved between them), each answered as <paramref name="throttled"/> says.</summary>
    private static async Task SendAsync(AdaptiveRateLimiter limiter, WaitSkippingClock clock, int count, double perSecond, Func<int, bool>? throttled = null)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1 / perSecond), clock);
            await limiter.AcquireAsync(CancellationToken.None);
            limiter.Record(throttled?.Invoke(i) ?? false);
        }
    }

    [Fact]
    public async Task Without_throttling_there_is_no_limit_and_nobody_waits()
    {
        var clock = new WaitSkippingClock();
        var limiter = new AdaptiveRateLimiter(clock);

        for (var i = 0; i < 10_000; i++)
        {
            await limiter.AcquireAsync(CancellationToken.None);
            limiter.Record(throttled: false);
        }

        Assert.Null(limiter.Rate);
        Assert.Equal(0, limiter.Waits);
        Assert.Equal(TimeSpan.Zero, clock.Waited);
    }

    [Fact]
    public async Task A_throttle_limits_the_rate_to_beta_times_the_measured_sending_rate_and_callers_then_wait()
    {
        var clock = new WaitSkippingClock();
        var limiter = new AdaptiveRateLimiter(clock);
        await SendAsync(limiter, clock, 400, perSecond: 100);

        limiter.Record(throttled: true);

        // Sent at 100/s for 4 s: the smoothed measure is about 100/s, so the limit is about 70/s.
        Assert.InRange(limiter.Rate!.Value, 0.7 * 90, 0.7 * 110);
        Assert.Equal(0, limiter.Waits);
        var before = clock.Waited;
        for (var i = 0; i < 140; i++)
        {
            await limiter.AcquireAsync(CancellationToken.None);
        }

        // 140 requests at about 70/s, with at most one second's worth stored: at least one second of waiting.
        Assert.True(limiter.Waits > 0);
        Assert.InRange((clock.Waited - before).TotalSeconds, 0.9, 2.5);
    }

    [Fact]
    public async Task Repeated_throttles_keep_lowering_the_limit_and_it_never_goes_below_the_floor()
    {
        var clock = new WaitSkippingClock();
        var limiter = new AdaptiveRateLimiter(clock);
        await SendAsync(limiter, clock, 200, perSecond: 100);
        limiter.Record(throttled: true);
        var first = limiter.Rate!.Value;

        await SendAsync(limiter, clock, 400, perSecond: 1000, throttled: _ => true);

        Assert.True(limiter.Rate < first, $"{limiter.Rate} after repeated throttles, {first} after the first");
        Assert.True(limiter.Rate >= AdaptiveRateLimiter.MinRate);
        Assert.Equal(401, limiter.Throttles);
    }

    [Fact]
    public async Task After_throttling_stops_the_limit_recovers_to_the_old_rate_and_probes_above_it()
    {
        var clock = new WaitSkippingClock();
        var limiter = new AdaptiveRateLimiter(clock);
        await SendAsync(limiter, clock, 400, perSecond: 100);
        limiter.Record(throttled: true);
        var dropped = limiter.Rate!.Value;

        // Successes at 60/s (under the dropped limit) for 3 s, then at the limit: the cubic curve climbs back.
        await SendAsync(limiter, clock, 180, perSecond: 60);
        var recovering = limiter.Rate!.Value;
        await SendAsync(limiter, clock, 1500, perSecond: 150);

        Assert.True(recovering > dropped, $"{recovering} after 3 s of successes, {dropped} after the throttle");
        Assert.True(limiter.Rate > 100, $"{limiter.Rate} after 13 s of successes; the rate before the throttle was 100/s");
    }

    [Fact]
    public async Task One_limiter_is_shared_by_all_its_workers_a_throttle_seen_by_one_slows_the_others()
    {
        var clock = new WaitSkippingClock();
        var limiter = new AdaptiveRateLimiter(clock);
        await SendAsync(limiter, clock, 200, perSecond: 10);

        limiter.Record(throttled: true);
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await limiter.AcquireAsync(CancellationToken.None);
            }
        }));
        await Task.WhenAll(workers);

        // 40 admissions against one limit of about 7/s: the workers waited in turn, not each on its own bucket.
        Assert.InRange(limiter.Rate!.Value, 5, 9);
        Assert.True(limiter.Waits >= 30, $"{limiter.Waits} of 40 admissions waited");
        Assert.True(clock.Waited.TotalSeconds >= 20 + 3, $"{clock.Waited} waited in all");
    }

    [Fact]
    public async Task Throttles_of_requests_already_in_flight_when_the_limit_dropped_do_not_drop_it_again()
    {
        var clock = new WaitSkippingClock();
        var limiter = new AdaptiveRateLimiter(clock);
        await SendAsync(limiter, clock, 400, perSecond: 100);
        var inFlight = Enumerable.Range(0, 8).Select(_ => limiter.Timestamp()).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(10), clock);

        // Eight workers' requests sent together all come back throttled: one drop, not eight.
        foreach (var sent in inFlight)
        {
            limiter.Record(throttled: true, sent);
        }

        Assert.InRange(limiter.Rate!.Value, 0.7 * 90, 0.7 * 110);
        Assert.Equal(8, limiter.Throttles);

        // A request sent after the drop and throttled again drops it again.
        var later = limiter.Timestamp();
        await Task.Delay(TimeSpan.FromMilliseconds(10), clock);
        limiter.Record(throttled: true, later);
        Assert.InRange(limiter.Rate!.Value, 0.49 * 90, 0.49 * 110);
    }

    [Fact]
    public async Task A_throttle_before_the_first_half_second_is_measured_limits_to_the_rate_seen_so_far_not_to_the_floor()
    {
        var clock = new WaitSkippingClock();
        var limiter = new AdaptiveRateLimiter(clock);
        await Task.Delay(TimeSpan.FromMinutes(5), clock); // idle before the first request: not part of the sending rate

        await SendAsync(limiter, clock, 40, perSecond: 400);
        limiter.Record(throttled: true);

        // 41 answers within a tenth of a second: at least 82/s (counted over a whole half second), so about 57/s.
        Assert.InRange(limiter.Rate!.Value, 0.7 * 80, 0.7 * 84);
    }
}
