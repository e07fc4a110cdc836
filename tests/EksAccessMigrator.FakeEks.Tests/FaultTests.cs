using EksAccessMigrator.FakeEks.Tests.Support;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.FakeEks.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Quota_throttles_requests_above_the_rate_until_the_clock_refills_it()
    {
        // The clock stands still, so the bucket holds exactly one second's worth: 2 requests pass, the third is throttled.
        var clock = new WaitSkippingClock();
        await using var server = await Seed.StartAsync(options: new FakeEksOptions { SecretAccessKey = SignedEksClient.Secret, MaxRequestsPerSecond = 2, TimeProvider = clock });
        using var client = new SignedEksClient(server.Endpoint);

        var first = await client.GetAsync("/clusters/prod");
        var second = await client.GetAsync("/clusters/prod");
        var third = await client.GetAsync("/clusters/prod");
        await Task.Delay(TimeSpan.FromSeconds(1), clock);
        var refilled = await client.GetAsync("/clusters/prod");

        Assert.Equal([200, 200], [first.Status, second.Status]);
        Assert.Equal((429, "ThrottlingException"), (third.Status, third.ErrorCode));
        Assert.Equal(200, refilled.Status);
        Assert.Equal(1, server.QuotaThrottled);
        Assert.Equal(0, server.Faults.InjectedCount);
    }

    [Fact]
    public async Task Throttle_and_fail_apply_to_the_next_matching_requests_only()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);
        server.Faults.ThrottleNext(2, "ListNodegroups");
        server.Faults.FailNext(1, 503);

        var other = await client.GetAsync("/clusters/prod");
        var first = await client.GetAsync("/clusters/prod/node-groups");
        var second = await client.GetAsync("/clusters/prod/node-groups");
        var third = await client.GetAsync("/clusters/prod/node-groups");

        Assert.Equal((503, "ServiceUnavailableException"), (other.Status, other.ErrorCode));
        Assert.Equal((429, "ThrottlingException"), (first.Status, first.ErrorCode));
        Assert.Equal((429, "ThrottlingException"), (second.Status, second.ErrorCode));
        Assert.Equal(200, third.Status);
        Assert.Equal(3, server.Faults.InjectedCount);
    }

    [Fact]
    public async Task Server_errors_use_ServerException()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);
        server.Faults.FailNext(1);
        server.Faults.ThrottleNext(1, statusCode: 400);

        var failed = await client.GetAsync("/clusters/prod");
        var throttled = await client.GetAsync("/clusters/prod");

        Assert.Equal((500, "ServerException"), (failed.Status, failed.ErrorCode));
        Assert.Equal((400, "ThrottlingException"), (throttled.Status, throttled.ErrorCode));
    }

    [Fact]
    public async Task Dropped_connection_gives_no_response()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint);
        server.Faults.DropNext(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/clusters/prod"));
        var after = await client.GetAsync("/clusters/prod");

        Assert.Equal(200, after.Status);
    }

    [Fact]
    public async Task Delay_trips_a_client_timeout()
    {
        await using var server = await Seed.StartAsync();
        using var client = new SignedEksClient(server.Endpoint, timeout: TimeSpan.FromMilliseconds(300));
        server.Faults.DelayNext(1, TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync("/clusters/prod"));

        // The next request is answered at once; asked with the default timeout, so a loaded machine cannot fail it.
        using var patient = new SignedEksClient(server.Endpoint);
        var after = await patient.GetAsync("/clusters/prod");

        Assert.Equal(200, after.Status);
    }

    [Fact]
    public async Task Random_throttling_is_deterministic_for_a_seed_and_bounded()
    {
        var runs = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            await using var server = await Seed.StartAsync();
            using var client = new SignedEksClient(server.Endpoint);
            server.Faults.ThrottleRandomly(0.3, seed: 42, operation: "DescribeCluster", maxFaults: 5);
            var statuses = new List<int>();
            for (var i = 0; i < 40; i++)
            {
                statuses.Add((await client.GetAsync("/clusters/prod")).Status);
            }

            Assert.InRange(statuses.Count(s => s == 429), 1, 5);
            Assert.Equal(200, (await client.GetAsync("/clusters/prod/addons")).Status);
            runs.Add(string.Join(',', statuses));
        }

        Assert.Equal(runs[0], runs[1]);
    }

    [Fact]
    public void Unbounded_or_invalid_faults_are_refused()
    {
        var faults = new FaultInjector();

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.ThrottleNext(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.DropNext(FaultInjector.MaxCount + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.DelayNext(1, TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(1, 404));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.ThrottleRandomly(1.5, 1));
    }
}
