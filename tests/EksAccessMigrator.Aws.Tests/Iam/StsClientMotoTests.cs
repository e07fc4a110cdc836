using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Aws.Tests.Support;

namespace EksAccessMigrator.Aws.Tests.Iam;

[Collection(MotoGroup.Name)]
public sealed class StsClientMotoTests(MotoFixture moto)
{
    [Fact]
    public async Task GetCallerIdentity_uses_the_endpoint_override_and_reaches_the_wire_log_redacted()
    {
        var log = new RecordingWireLog();
        using var sts = StsClient.Create(moto.Settings, new StaticCredentialSource(MotoFixture.Credentials), new AwsPipelineOptions { Log = log });

        var identity = await sts.GetCallerIdentityAsync(CancellationToken.None);

        Assert.Equal(moto.Endpoint.Authority, sts.Pipeline.Endpoint.BaseUri.Authority);
        Assert.Equal("sts", sts.Pipeline.Endpoint.SigningName);
        Assert.Equal("123456789012", identity.Account);
        Assert.StartsWith("arn:aws:", identity.Arn, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(identity.UserId));
        var entry = Assert.Single(log.Entries);
        Assert.Equal("GetCallerIdentity", entry.Operation);
        Assert.Equal(200, entry.StatusCode);
        Assert.Equal("POST", entry.Method);
        Assert.DoesNotContain(MotoFixture.Credentials.SecretAccessKey, log.Dump(), StringComparison.Ordinal);
    }
}
