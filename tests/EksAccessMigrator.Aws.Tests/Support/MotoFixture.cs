using System.Text;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Aws.Tests.Support;

/// <summary>Runs moto_server on a free loopback port for the IAM and STS tests and seeds IAM.</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    public const int SeededRoleCount = 25;
    public const string SsoPath = "/aws-reserved/sso.amazonaws.com/";
    public const string TrustPolicy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}";

    private MotoProcess? _moto;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:1");

    public static AwsCredentialsSnapshot Credentials { get; } = new("AKIAMOTOTEST00000001", "motoSecretKeyThatMustNeverBeLogged0000001");

    public AwsClientSettings Settings => new()
    {
        Region = "us-east-1",
        EndpointUrl = Endpoint,
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    public async Task InitializeAsync()
    {
        _moto = await MotoProcess.StartAsync();
        Endpoint = _moto.Endpoint;
        await SeedAsync();
    }

    public Task DisposeAsync()
    {
        _moto?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Sends an arbitrary IAM Query action (used only for seeding).</summary>
    public async Task IamActionAsync(string action, params (string Name, string Value)[] parameters)
    {
        var body = new StringBuilder($"Action={action}&Version=2010-05-08");
        foreach (var (name, value) in parameters)
        {
            body.Append('&').Append(SigV4Encoding.FormEncode(name)).Append('=').Append(SigV4Encoding.FormEncode(value));
        }

        using var pipeline = new AwsHttpPipeline(AwsEndpointResolver.Resolve(Settings, AwsService.Iam), new StaticCredentialSource(Credentials), Settings);
        var request = new AwsWireRequest(action, "POST", "/", string.Empty, Encoding.UTF8.GetBytes(body.ToString()), "application/x-www-form-urlencoded; charset=utf-8", true);
        await pipeline.SendAsync(request, r => QueryXmlErrorParser.Parse(action, r), CancellationToken.None);
    }

    private async Task SeedAsync()
    {
        for (var i = 0; i < SeededRoleCount; i++)
        {
            await IamActionAsync("CreateRole", ("RoleName", $"app-role-{i:00}"), ("Path", "/dev/apps/"), ("AssumeRolePolicyDocument", TrustPolicy));
        }

        await IamActionAsync("CreateRole", ("RoleName", "AWSReservedSSO_Admin_0123456789abcdef"), ("Path", SsoPath), ("AssumeRolePolicyDocument", TrustPolicy));
        for (var i = 0; i < 12; i++)
        {
            await IamActionAsync("CreateUser", ("UserName", $"user-{i:00}"), ("Path", "/people/"));
        }

        await IamActionAsync("CreateOpenIDConnectProvider", ("Url", "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"), ("ThumbprintList.member.1", new string('a', 40)));
    }
}
