using System.Diagnostics;
using System.Globalization;
using System.Text;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>moto_server (IAM and STS) on a free loopback port, seeded with <see cref="Scenario"/>'s account.</summary>
public sealed class MotoIam : IAsyncLifetime
{
    private Process? _process;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:1");

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) },
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
            throw new InvalidOperationException("moto_server is not on PATH; install moto[server] (pip install 'moto[server]') to run the live-scan tests.", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilReadyAsync();
        foreach (var (name, path) in Scenario.Roles)
        {
            await IamActionAsync("CreateRole", ("RoleName", name), ("Path", path), ("AssumeRolePolicyDocument", Scenario.TrustPolicy));
        }

        foreach (var (name, path) in Scenario.Users)
        {
            await IamActionAsync("CreateUser", ("UserName", name), ("Path", path));
        }
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

    private async Task IamActionAsync(string action, params (string Name, string Value)[] parameters)
    {
        var body = new StringBuilder($"Action={action}&Version=2010-05-08");
        foreach (var (name, value) in parameters)
        {
            body.Append('&').Append(SigV4Encoding.FormEncode(name)).Append('=').Append(SigV4Encoding.FormEncode(value));
        }

        var settings = new AwsClientSettings { Region = Scenario.Region, EndpointUrl = Endpoint, RequestsPerSecond = 1000, Burst = 1000 };
        using var pipeline = new AwsHttpPipeline(AwsEndpointResolver.Resolve(settings, AwsService.Iam), new StaticCredentialSource(new AwsCredentialsSnapshot("AKIASEEDING000000000", "seeding-secret")), settings);
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
}
