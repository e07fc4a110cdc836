using System.Xml.Linq;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>
/// moto_server (IAM and STS) on a free loopback port with the roles of <see cref="Seed"/>, and an operator's
/// credentials: a session of the role <c>admin</c> (so STS reports an assumed-role caller, as for a real operator).
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private MotoProcess? _process;

    public Uri Endpoint => _process?.Endpoint ?? new Uri("http://127.0.0.1:1");

    /// <summary>Credentials of a session of <c>role/admin</c>.</summary>
    public AwsCredentialsSnapshot OperatorCredentials { get; private set; } = new("AKIAUNSET00000000000", "unset");

    public async Task InitializeAsync()
    {
        _process = await MotoProcess.StartAsync();
        foreach (var name in Seed.AllRoles)
        {
            await _process.IamAsync("CreateRole", ("RoleName", name), ("Path", "/"), ("AssumeRolePolicyDocument", Seed.InitialTrust));
        }

        OperatorCredentials = await AssumeRoleAsync(Seed.RoleArn("admin"));
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task<AwsCredentialsSnapshot> AssumeRoleAsync(string roleArn)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Action"] = "AssumeRole",
                ["Version"] = "2011-06-15",
                ["RoleArn"] = roleArn,
                ["RoleSessionName"] = "operator",
            }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTESTSUPPORT/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        string Value(string name) => xml.Descendants().First(e => e.Name.LocalName == name).Value;
        return new AwsCredentialsSnapshot(Value("AccessKeyId"), Value("SecretAccessKey"), Value("SessionToken"));
    }
}
