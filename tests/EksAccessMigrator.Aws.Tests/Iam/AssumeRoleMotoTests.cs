using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Aws.Tests.Support;

namespace EksAccessMigrator.Aws.Tests.Iam;

/// <summary>sts:AssumeRole on our signer and pipeline, and the credential source fleet clusters in other accounts use.</summary>
[Collection(MotoGroup.Name)]
public sealed class AssumeRoleMotoTests(MotoFixture moto)
{
    private const string OtherAccountRole = "arn:aws:iam::222233334444:role/fleet-migrator";

    [Fact]
    public async Task AssumedCredentials_ActInTheRolesAccount_AndTheWireLogSeesAssumeRoleWithoutAnySecret()
    {
        var log = new RecordingWireLog();
        using var source = new AssumeRoleCredentialSource(OtherAccountRole, AssumeRoleCredentialSource.SessionName("shop"), new StaticCredentialSource(MotoFixture.Credentials), moto.Settings, new AwsPipelineOptions { Log = log });
        using var sts = StsClient.Create(moto.Settings, source);

        var identity = await sts.GetCallerIdentityAsync(CancellationToken.None);

        Assert.Equal("222233334444", identity.Account);
        Assert.Equal("arn:aws:sts::222233334444:assumed-role/fleet-migrator/eks-access-migrator-shop", identity.Arn);
        var entry = Assert.Single(log.Entries);
        Assert.Equal("AssumeRole", entry.Operation);
        Assert.Equal(200, entry.StatusCode);
        var assumed = await source.GetCredentialsAsync(CancellationToken.None);
        Assert.DoesNotContain(MotoFixture.Credentials.SecretAccessKey, log.Dump(), StringComparison.Ordinal);
        Assert.DoesNotContain(assumed.SecretAccessKey, log.Dump(), StringComparison.Ordinal);
        Assert.DoesNotContain(assumed.SecretAccessKey, source.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(assumed.SecretAccessKey, assumed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_AreCached_AndAssumedAgainFiveMinutesBeforeTheyExpire()
    {
        var log = new RecordingWireLog();
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        using var source = new AssumeRoleCredentialSource(OtherAccountRole, "eks-access-migrator-test", new StaticCredentialSource(MotoFixture.Credentials), moto.Settings, new AwsPipelineOptions { Log = log, TimeProvider = clock });

        var first = await source.GetCredentialsAsync(CancellationToken.None);
        var again = await source.GetCredentialsAsync(CancellationToken.None);
        Assert.Same(first, again);
        Assert.Single(log.Entries);

        // moto issues one-hour credentials (DurationSeconds=3600): 56 minutes on, they are within the refresh window.
        clock.Now += TimeSpan.FromMinutes(56);
        var refreshed = await source.GetCredentialsAsync(CancellationToken.None);

        Assert.NotEqual(first.AccessKeyId, refreshed.AccessKeyId);
        Assert.Equal(2, log.Entries.Count(e => e.Operation == "AssumeRole"));
    }

    [Fact]
    public async Task ARoleThatCannotBeAssumed_IsAConfigurationError_NamingTheRoleAndWhatToCheck()
    {
        const string Denied = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
        await using var server = new ScriptedServer(new ScriptedResponse(403, Denied));
        var settings = new AwsClientSettings { Region = "eu-west-1", StsEndpointUrl = server.Endpoint };
        using var source = new AssumeRoleCredentialSource(OtherAccountRole, "eks-access-migrator-shop", new StaticCredentialSource(MotoFixture.Credentials), settings, new AwsPipelineOptions { TimeProvider = new TestSupport.WaitSkippingClock() });

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(async () => await source.GetCredentialsAsync(CancellationToken.None));

        Assert.Contains($"the role {OtherAccountRole} could not be assumed (sts:AssumeRole)", error.Message, StringComparison.Ordinal);
        Assert.Contains("not authorized", error.Message, StringComparison.Ordinal);
        Assert.Contains("trust policy", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MotoFixture.Credentials.SecretAccessKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop", "eks-access-migrator-shop")]
    [InlineData("a b/c", "eks-access-migrator-a-b-c")]
    public void SessionName_NamesTheToolAndTheCluster_InTheCharactersStsAllows(string cluster, string expected) =>
        Assert.Equal(expected, AssumeRoleCredentialSource.SessionName(cluster));

    [Fact]
    public void SessionName_IsCutToStsSixtyFourCharacters() =>
        Assert.Equal(64, AssumeRoleCredentialSource.SessionName(new string('x', 100)).Length);

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
