using System.Text;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Aws.Tests.Support;
using EksAccessMigrator.Core.Resilience;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Aws.Tests.Http;

public sealed class ResilienceTests
{
    private const string ClusterJson = "{\"cluster\": {\"name\": \"c1\", \"status\": \"ACTIVE\", \"createdAt\": 1700000000.5, \"accessConfig\": {\"authenticationMode\": \"CONFIG_MAP\"}}}";
    private static readonly ScriptedResponse Ok = new(200, ClusterJson);
    private static readonly ScriptedResponse Throttled = new(400, "{\"message\": \"Rate exceeded\"}", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ThrottlingException:http://internal.amazon.com/coral/" });
    private static readonly ScriptedResponse Unavailable = new(503, "{\"message\": \"try later\"}");

    private static readonly AwsCredentialsSnapshot Credentials = new("AKIDRESILIENCE00001", "ResilienceSecretKeyNeverLogged0000000001", "ResilienceSessionTokenNeverLogged");

    private static AwsClientSettings Settings(Uri endpoint, AwsRetryOptions? retry = null, TimeSpan? timeout = null) => new()
    {
        Region = "us-west-2",
        EksEndpointUrl = endpoint,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        Retry = retry ?? new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
    };

    private static EksClient Client(AwsClientSettings settings, RecordingWireLog? log = null, TimeProvider? time = null) =>
        EksClient.Create(settings, new StaticCredentialSource(Credentials), new AwsPipelineOptions { Log = log, TimeProvider = time });

    [Fact]
    public async Task Throttling_is_retried_until_success()
    {
        await using var server = new ScriptedServer(Throttled, Throttled, Ok);
        var log = new RecordingWireLog();
        using var eks = Client(Settings(server.Endpoint), log);

        var cluster = await eks.DescribeClusterAsync("c1", CancellationToken.None);

        Assert.Equal("CONFIG_MAP", cluster.AccessConfig?.AuthenticationMode);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, 500, TimeSpan.Zero), cluster.CreatedAt);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(2, log.Entries.Count(e => e.RetryDelay is not null));
        Assert.All(log.Entries.Take(2), e => Assert.Equal("ThrottlingException", e.Error));
    }

    [Fact]
    public async Task Server_errors_stop_after_max_attempts()
    {
        await using var server = new ScriptedServer(Unavailable);
        using var eks = Client(Settings(server.Endpoint, new AwsRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10) }));

        var ex = await Assert.ThrowsAsync<AwsServerException>(() => eks.DescribeClusterAsync("c1", CancellationToken.None));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("DescribeCluster", ex.Operation);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Retry_after_header_sets_the_delay()
    {
        var throttledWithHint = new ScriptedResponse(429, "{}", new Dictionary<string, string> { ["Retry-After"] = "1" });
        await using var server = new ScriptedServer(throttledWithHint, Ok);
        var log = new RecordingWireLog();
        using var eks = Client(Settings(server.Endpoint), log);

        await eks.DescribeClusterAsync("c1", CancellationToken.None);

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(TimeSpan.FromSeconds(1), log.Entries.First().RetryDelay);
        Assert.Equal(429, log.Entries.First().StatusCode);
    }

    [Fact]
    public async Task Total_retry_time_is_bounded()
    {
        await using var server = new ScriptedServer(Unavailable);
        var retry = new AwsRetryOptions
        {
            MaxAttempts = 50,
            BaseDelay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromMilliseconds(100),
            MaxTotalRetryTime = TimeSpan.FromMilliseconds(250),
        };
        var clock = new WaitSkippingClock();
        using var eks = Client(Settings(server.Endpoint, retry), time: clock);

        await Assert.ThrowsAsync<AwsServerException>(() => eks.DescribeClusterAsync("c1", CancellationToken.None));

        // Jittered delays of 50-100 ms within a 250 ms budget: 2 to 5 waits, so 3 to 6 requests, never 50; the
        // clock only moves by the waits, so this holds on any machine.
        Assert.InRange(server.RequestCount, 3, 6);
        Assert.InRange(clock.Waited, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Timeouts_are_retried_for_safe_requests_only()
    {
        var slow = new ScriptedResponse(200, ClusterJson, Delay: TimeSpan.FromSeconds(3));
        await using var server = new ScriptedServer(slow);
        // The timeout leaves the server room to receive each attempt on a loaded machine; the answer comes far later.
        var settings = Settings(server.Endpoint, new AwsRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5) }, TimeSpan.FromMilliseconds(600));
        using var pipeline = new AwsHttpPipeline(AwsEndpointResolver.Resolve(settings, AwsService.Eks), new StaticCredentialSource(Credentials), settings);

        var safe = EksRequests.DescribeCluster("c1");
        var safeError = await Assert.ThrowsAsync<AwsTransportException>(() => pipeline.SendAsync(safe, r => RestJsonErrorParser.Parse("x", r), CancellationToken.None));
        Assert.Equal(2, server.RequestCount);
        Assert.Contains("2 attempt(s)", safeError.Message, StringComparison.Ordinal);

        var unsafeRequest = new AwsWireRequest("Unsafe", "POST", "/clusters/c1/thing", string.Empty, Encoding.UTF8.GetBytes("{}"), "application/json", SafeToRetry: false);
        await Assert.ThrowsAsync<AwsTransportException>(() => pipeline.SendAsync(unsafeRequest, r => RestJsonErrorParser.Parse("x", r), CancellationToken.None));
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Cancellation_interrupts_a_slow_call()
    {
        var slow = new ScriptedResponse(200, ClusterJson, Delay: TimeSpan.FromSeconds(3));
        await using var server = new ScriptedServer(slow);
        using var eks = Client(Settings(server.Endpoint));
        using var cts = new CancellationTokenSource();

        var call = eks.DescribeClusterAsync("c1", cts.Token);
        for (var i = 0; i < 200 && server.RequestCount == 0; i++)
        {
            await Task.Delay(25);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Cancellation_interrupts_backoff()
    {
        await using var server = new ScriptedServer(Unavailable);
        var retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(5) };
        using var cts = new CancellationTokenSource();

        // Cancelled the moment the pipeline decides to back off (the log entry carries the delay), whatever the load.
        using var eks = Client(Settings(server.Endpoint, retry), new RecordingWireLog(e =>
        {
            if (e.RetryDelay is not null)
            {
                cts.Cancel();
            }
        }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eks.DescribeClusterAsync("c1", cts.Token));

        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Rate_limit_is_off_until_throttled_then_one_limit_shared_by_the_clients_of_one_budget_slows_them_all()
    {
        await using var server = new ScriptedServer(Ok, Ok, Ok, Throttled, Ok);
        var clock = new WaitSkippingClock();
        var shared = new AdaptiveRateLimiter(clock);
        var log = new RecordingWireLog();
        var options = new AwsPipelineOptions { Log = log, TimeProvider = clock, RateLimiter = shared };
        using var first = EksClient.Create(Settings(server.Endpoint), new StaticCredentialSource(Credentials), options);
        using var second = EksClient.Create(Settings(server.Endpoint), new StaticCredentialSource(Credentials), options);

        for (var i = 0; i < 3; i++)
        {
            await first.DescribeClusterAsync("c1", CancellationToken.None);
        }

        // Not throttled: no limit, nothing waited, the wire log shows none.
        Assert.Null(shared.Rate);
        Assert.Equal(TimeSpan.Zero, clock.Waited);
        Assert.All(log.Entries, e => Assert.Null(e.ClientRateLimit));

        await first.DescribeClusterAsync("c1", CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await second.DescribeClusterAsync("c1", CancellationToken.None);
        }

        // The first client's throttle set the limit the second one waits on, and --debug's wire log shows it.
        Assert.Same(shared, first.Pipeline.RateLimiter);
        Assert.Equal(1, shared.Throttles);
        Assert.NotNull(shared.Rate);
        Assert.True(shared.Waits >= 2, $"{shared.Waits} admissions waited");
        var throttled = Assert.Single(log.Entries, e => e.Error == "ThrottlingException");
        Assert.Equal(shared.Rate, log.Entries.Last().ClientRateLimit);
        Assert.NotNull(throttled.ClientRateLimit);
    }

    [Fact]
    public async Task Error_code_comes_from_header_or_body_with_request_id()
    {
        var notFound = new ScriptedResponse(404, "{\"message\": \"No cluster found for name: c1.\"}", new Dictionary<string, string>
        {
            ["x-amzn-ErrorType"] = "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.eks/",
            ["x-amzn-RequestId"] = "req-123",
        });
        var inUse = new ScriptedResponse(409, "{\"__type\": \"com.amazonaws.eks#ResourceInUseException\", \"message\": \"exists\"}");
        var denied = new ScriptedResponse(403, "{\"Code\": \"AccessDeniedException\", \"Message\": \"nope\"}");
        var invalid = new ScriptedResponse(400, "{\"code\": \"InvalidParameterException\", \"message\": \"bad\"}");
        await using var server = new ScriptedServer(notFound, inUse, denied, invalid);
        using var eks = Client(Settings(server.Endpoint));

        var nf = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => eks.DescribeClusterAsync("c1", CancellationToken.None));
        Assert.Equal("ResourceNotFoundException", nf.ErrorCode);
        Assert.Equal("req-123", nf.RequestId);
        Assert.Equal("No cluster found for name: c1.", nf.ServiceMessage);
        Assert.Equal(404, nf.StatusCode);
        var iu = await Assert.ThrowsAsync<AwsResourceInUseException>(() => eks.DescribeClusterAsync("c1", CancellationToken.None));
        Assert.Equal("ResourceInUseException", iu.ErrorCode);
        var ad = await Assert.ThrowsAsync<AwsAccessDeniedException>(() => eks.DescribeClusterAsync("c1", CancellationToken.None));
        Assert.Equal("nope", ad.ServiceMessage);
        await Assert.ThrowsAsync<AwsInvalidParameterException>(() => eks.DescribeClusterAsync("c1", CancellationToken.None));
        foreach (var ex in new Exception[] { nf, iu, ad })
        {
            Assert.DoesNotContain(Credentials.SecretAccessKey, ex.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Credentials.SessionToken!, ex.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task Arn_path_labels_reach_the_server_percent_encoded()
    {
        await using var server = new ScriptedServer(new ScriptedResponse(200, "{\"accessEntry\": {\"clusterName\": \"c1\", \"principalArn\": \"arn:aws:iam::111122223333:role/dev/r\"}}"));
        using var eks = Client(Settings(server.Endpoint));

        var entry = await eks.DescribeAccessEntryAsync("c1", "arn:aws:iam::111122223333:role/dev/r", CancellationToken.None);

        Assert.Equal("arn:aws:iam::111122223333:role/dev/r", entry.PrincipalArn);
        Assert.Equal("GET /clusters/c1/access-entries/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fdev%2Fr", Assert.Single(server.RequestLines));
    }
}
