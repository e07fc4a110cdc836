using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

[Collection(MotoGroup.Name)]
public sealed class ThrottlingTests(MotoIam moto)
{
    [Fact]
    public async Task ThirtyPercentOfEksAndIamCallsThrottled_ScanGivesTheSameResult_WithinTheRetryBound()
    {
        await using var world = await LiveWorld.StartAsync(moto, AuthenticationMode.ApiAndConfigMap.Wire());
        ExistingEntries.Seed(world.Eks.State);
        var calm = await world.Scanner().ScanAsync(CancellationToken.None);

        await using var iamProxy = await ThrottlingProxy.StartAsync(moto.Endpoint, ratio: 0.3, seed: 4242, maxThrottles: 200);
        world.Eks.Faults.ThrottleRandomly(0.3, seed: 2424, maxFaults: 200);
        var log = new RecordingWireLog();
        var settings = world.Settings(iamProxy.Endpoint) with { IamPageSize = 1 };
        var stormy = await world.Scanner(settings, log).ScanAsync(CancellationToken.None);

        Assert.Equal(OfflineSide.PlanJsonOf(calm.Inventory), OfflineSide.PlanJsonOf(stormy.Inventory));
        Assert.True(iamProxy.Throttled > 0, "the proxy throttled no IAM call");
        Assert.True(world.Eks.Faults.InjectedCount > 0, "the fake throttled no EKS call");

        // Every throttled answer was retried, and nothing else was.
        var retries = stormy.Retries;
        Assert.Equal(iamProxy.Throttled + world.Eks.Faults.InjectedCount, retries.AwsRetries);
        Assert.Equal(retries.AwsRetries, log.Entries.Count(e => e.RetryDelay is not null));
        Assert.All(log.Entries.Where(e => e.RetryDelay is not null), e => Assert.True(e.StatusCode is 400 or 429, $"{e.Operation} retried after {e.StatusCode}"));

        // Retry time stays within the configured bounds: per wait, per attempt count and per call.
        var bound = settings.Aws.Retry;
        Assert.All(log.Entries, e => Assert.True(e.Attempt <= bound.MaxAttempts));
        Assert.All(log.Entries.Where(e => e.RetryDelay is not null), e => Assert.True(e.RetryDelay <= bound.MaxDelay, $"wait {e.RetryDelay} over {bound.MaxDelay}"));
        Assert.True(retries.LongestAwsCallRetryDelay <= bound.MaxTotalRetryTime, $"a call waited {retries.LongestAwsCallRetryDelay} in retries");
        Assert.True(retries.LongestAwsCallRetryDelay > TimeSpan.Zero);
        Assert.Equal(log.Entries.Where(e => e.RetryDelay is not null).Aggregate(TimeSpan.Zero, (sum, e) => sum + e.RetryDelay!.Value), retries.AwsRetryDelay);
    }
}
