using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Aws.Tests.Support;

namespace EksAccessMigrator.Aws.Tests.Iam;

[Collection(MotoGroup.Name)]
public sealed class StsServiceMotoTests(MotoFixture moto)
{
    [Fact]
    public async Task GetCallerIdentity_uses_the_endpoint_override()
    {
        using var sts = new StsService(moto.Settings, new StaticCredentialSource(MotoFixture.Credentials));

        var identity = await sts.GetCallerIdentityAsync(CancellationToken.None);

        Assert.Equal(moto.Endpoint.Authority, sts.Endpoint.BaseUri.Authority);
        Assert.Equal("123456789012", identity.Account);
        Assert.StartsWith("arn:aws:", identity.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_returns_session_credentials_hidden_from_ToString()
    {
        using var sts = new StsService(moto.Settings, new StaticCredentialSource(MotoFixture.Credentials));

        var assumed = await sts.AssumeRoleAsync("arn:aws:iam::123456789012:role/dev/apps/app-role-02", "migrator", TimeSpan.FromMinutes(15), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(assumed.Credentials.SessionToken));
        Assert.Contains("assumed-role/app-role-02/migrator", assumed.AssumedRoleArn, StringComparison.Ordinal);
        Assert.DoesNotContain(assumed.Credentials.SecretAccessKey, assumed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(assumed.Credentials.SessionToken!, assumed.Credentials.ToString(), StringComparison.Ordinal);

        using var asRole = new StsService(moto.Settings, new StaticCredentialSource(assumed.Credentials));
        var identity = await asRole.GetCallerIdentityAsync(CancellationToken.None);
        Assert.Contains("app-role-02", identity.Arn, StringComparison.Ordinal);
    }
}
