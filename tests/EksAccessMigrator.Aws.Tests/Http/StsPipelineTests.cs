using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Aws.Tests.Support;
using EksAccessMigrator.Core.Ports;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Aws.Tests.Http;

/// <summary>STS goes through the same pipeline as EKS and IAM: retry accounting, rate limit and wire log see it.</summary>
public sealed class StsPipelineTests
{
    private const string IdentityXml = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/ops</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
    private const string ThrottledXml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-0</RequestId></ErrorResponse>";
    private const string DeniedXml = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>r-2</RequestId></ErrorResponse>";

    private static readonly AwsCredentialsSnapshot Credentials = new("AKIDSTSPIPELINE00001", "StsPipelineSecretNeverLogged000000000001", null);

    private static AwsClientSettings Settings(Uri endpoint) => new()
    {
        Region = "eu-west-1",
        StsEndpointUrl = endpoint,
        Retry = new AwsRetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(100) },
    };

    [Fact]
    public async Task Throttled_GetCallerIdentity_is_retried_and_every_attempt_is_logged()
    {
        await using var server = new ScriptedServer(new ScriptedResponse(400, ThrottledXml), new ScriptedResponse(200, IdentityXml));
        var log = new RecordingWireLog();
        var clock = new WaitSkippingClock();
        using var sts = StsClient.Create(Settings(server.Endpoint), new StaticCredentialSource(Credentials), new AwsPipelineOptions { Log = log, TimeProvider = clock });

        var identity = await sts.GetCallerIdentityAsync(CancellationToken.None);

        Assert.Equal(new CallerIdentity("111122223333", "arn:aws:iam::111122223333:user/ops", "AIDAEXAMPLE"), identity);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(["POST /", "POST /"], server.RequestLines);
        Assert.Equal([1, 2], log.Entries.Select(e => e.Attempt));
        Assert.Equal("Throttling", log.Entries.First().Error);
        var delay = Assert.IsType<TimeSpan>(log.Entries.First().RetryDelay);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
        Assert.InRange(clock.Waited, delay - TimeSpan.FromMilliseconds(1), delay); // the wait the log announced, on the pipeline's clock

        Assert.Null(log.Entries.Last().RetryDelay);
        Assert.DoesNotContain(Credentials.SecretAccessKey, log.Dump(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_is_not_retried_and_keeps_the_services_words()
    {
        await using var server = new ScriptedServer(new ScriptedResponse(403, DeniedXml));
        using var sts = StsClient.Create(Settings(server.Endpoint), new StaticCredentialSource(Credentials), new AwsPipelineOptions { TimeProvider = new WaitSkippingClock() });

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => sts.GetCallerIdentityAsync(CancellationToken.None));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
        Assert.Equal("GetCallerIdentity", error.Operation);
        Assert.Equal("r-2", error.RequestId);
        Assert.Equal(1, server.RequestCount);
    }
}
