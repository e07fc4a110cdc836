using EksAccessMigrator.Apply.Handlers;
using EksAccessMigrator.Core.Resilience;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>The aws-auth conflict retry on the resilience pipeline, driven by a clock that skips its waits.</summary>
public sealed class AwsAuthConflictRetryTests
{
    private const string Target = "kube-system/aws-auth";

    [Fact]
    public async Task Conflicts_AreRetriedWithJitteredDoublingUpToTheCap_UntilTheBudgetEndsThem_WithoutAWaitPastIt()
    {
        var clock = new WaitSkippingClock();
        var budget = TimeSpan.FromSeconds(60);
        var retry = new AwsAuthConflictRetry(clock, budget);
        var notices = new List<RetryNotice<AwsAuthAttempt>>();
        var attempts = 0;

        var failure = await retry.RunAsync(Target, _ => { attempts++; return Task.FromResult(AwsAuthAttempt.Conflict); }, CancellationToken.None, notices.Add);

        Assert.Equal(attempts - 1, notices.Count);
        var window = AwsAuthConflictRetry.BaseDelay;
        foreach (var notice in notices)
        {
            Assert.InRange(notice.Delay, window / 2, window);
            window = window * 2 > AwsAuthConflictRetry.MaxDelay ? AwsAuthConflictRetry.MaxDelay : window * 2;
        }

        Assert.Equal(AwsAuthConflictRetry.MaxDelay, window);
        Assert.True(notices.Select(n => n.Delay).Distinct().Count() > notices.Count / 2, "no jitter");

        // Every wait is one the pipeline announced (the timer counts whole milliseconds); together they stay within
        // the budget, and the budget (not the attempt count) ended the retries: what was left is less than the next
        // wait could be.
        var announced = notices.Aggregate(TimeSpan.Zero, (sum, n) => sum + n.Delay);
        Assert.InRange(clock.Waited, announced - TimeSpan.FromMilliseconds(notices.Count), announced);
        Assert.True(clock.Waited <= budget, $"waited {clock.Waited}, past the budget of {budget}");
        Assert.True(budget - clock.Waited < AwsAuthConflictRetry.MaxDelay, $"gave up with {budget - clock.Waited} of the budget left");
        Assert.True(attempts < retry.Bounds.MaxAttempts, $"{attempts} attempts: the attempt count ended the retries");
        Assert.Equal(
            "kube-system/aws-auth kept changing concurrently for 60 s (every write met a newer edit); nothing was overwritten. Run apply again when the edits have stopped: the step resumes from the journal.",
            failure);
    }

    [Fact]
    public async Task AConflictThatClears_IsRetried_UntilTheWriteGoesThrough()
    {
        var clock = new WaitSkippingClock();
        var attempts = 0;

        var failure = await new AwsAuthConflictRetry(clock, TimeSpan.FromSeconds(20))
            .RunAsync(Target, _ => Task.FromResult(++attempts <= 3 ? AwsAuthAttempt.Conflict : AwsAuthAttempt.Done), CancellationToken.None);

        Assert.Null(failure);
        Assert.Equal(4, attempts);
        Assert.True(clock.Waited > TimeSpan.Zero, "no backoff between the attempts");
    }

    [Fact]
    public async Task AFailureOtherThanAConflict_IsNotRetried()
    {
        var clock = new WaitSkippingClock();
        var attempts = 0;

        var failure = await new AwsAuthConflictRetry(clock, TimeSpan.FromSeconds(20))
            .RunAsync(Target, _ => { attempts++; return Task.FromResult(AwsAuthAttempt.Failed("kube-system/aws-auth disappeared")); }, CancellationToken.None);

        Assert.Equal("kube-system/aws-auth disappeared", failure);
        Assert.Equal(1, attempts);
        Assert.Equal(TimeSpan.Zero, clock.Waited);
    }

    [Fact]
    public async Task AnAttemptThatThrows_IsNotRetried_AndItsExceptionReachesTheStep()
    {
        var clock = new WaitSkippingClock();
        var attempts = 0;
        var retry = new AwsAuthConflictRetry(clock, TimeSpan.FromSeconds(20));

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => retry.RunAsync(Target, _ => { attempts++; throw new HttpRequestException("connection reset"); }, CancellationToken.None));

        Assert.Equal("connection reset", e.Message);
        Assert.Equal(1, attempts);
        Assert.Equal(TimeSpan.Zero, clock.Waited);
    }

    [Fact]
    public async Task AZeroBudget_MakesOneAttempt_AndGivesUpWithoutWaiting()
    {
        var clock = new WaitSkippingClock();
        var attempts = 0;

        var failure = await new AwsAuthConflictRetry(clock, TimeSpan.Zero)
            .RunAsync(Target, _ => { attempts++; return Task.FromResult(AwsAuthAttempt.Conflict); }, CancellationToken.None);

        Assert.Equal(1, attempts);
        Assert.Equal(TimeSpan.Zero, clock.Waited);
        Assert.StartsWith("kube-system/aws-auth kept changing concurrently for 0 s", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledRun_StartsNoFurtherAttempt_AndIsReportedAsCancelled()
    {
        var clock = new WaitSkippingClock();
        using var stop = new CancellationTokenSource();
        var attempts = 0;
        var retry = new AwsAuthConflictRetry(clock, TimeSpan.FromSeconds(60));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => retry.RunAsync(
            Target,
            _ =>
            {
                if (++attempts == 3)
                {
                    stop.Cancel();
                }

                return Task.FromResult(AwsAuthAttempt.Conflict);
            },
            stop.Token));

        Assert.Equal(3, attempts);
    }
}
