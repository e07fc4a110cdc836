using System.Diagnostics;
using System.Text;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Tests.Support;

/// <summary>Runs moto_server on a free loopback port for the IAM and STS tests and seeds IAM.</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    public const int SeededRoleCount = 25;
    public const string SsoPath = "/aws-reserved/sso.amazonaws.com/";
    public const string TrustPolicy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}";

    private Process? _process;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:1");

    public static AwsCredentialsSnapshot Credentials { get; } = new("AKIAMOTOTEST00000001", "motoSecretKeyThatMustNeverBeLogged0000001");

    public AwsClientSettings Settings => new()
    {
        Region = "us-east-1",
        EndpointUrl = Endpoint,
        RequestsPerSecond = 1000,
        Burst = 1000,
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("moto_server is not on PATH; install moto[server] (pip install 'moto[server]') to run the IAM/STS tests.", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilReadyAsync();
        await SeedAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
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

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("moto_server did not answer within 30 s.");
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
