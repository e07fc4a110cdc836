using System.Diagnostics;
using System.Globalization;
using System.Text;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>A moto_server process on a free loopback port, and IAM calls to seed it.</summary>
internal sealed class MotoProcess : IDisposable
{
    private readonly Process _process;

    private MotoProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <param name="accountId">MOTO_ACCOUNT_ID: the account every request lands in; null for moto's default.</param>
    public static async Task<MotoProcess> StartAsync(string? accountId = null)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (accountId is not null)
        {
            start.Environment["MOTO_ACCOUNT_ID"] = accountId;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("moto_server is not on PATH; install moto[server] (pip install 'moto[server]') to run the live-scan tests.", ex);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var moto = new MotoProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await moto.WaitUntilReadyAsync();
        return moto;
    }

    public async Task IamActionAsync(string action, string region, params (string Name, string Value)[] parameters)
    {
        var body = new StringBuilder($"Action={action}&Version=2010-05-08");
        foreach (var (name, value) in parameters)
        {
            body.Append('&').Append(SigV4Encoding.FormEncode(name)).Append('=').Append(SigV4Encoding.FormEncode(value));
        }

        var settings = new AwsClientSettings { Region = region, EndpointUrl = Endpoint, RequestsPerSecond = 1000, Burst = 1000 };
        using var pipeline = new AwsHttpPipeline(AwsEndpointResolver.Resolve(settings, AwsService.Iam), new StaticCredentialSource(new AwsCredentialsSnapshot("AKIASEEDING000000000", "seeding-secret")), settings);
        var request = new AwsWireRequest(action, "POST", "/", string.Empty, Encoding.UTF8.GetBytes(body.ToString()), "application/x-www-form-urlencoded; charset=utf-8", true);
        await pipeline.SendAsync(request, r => QueryXmlErrorParser.Parse(action, r), CancellationToken.None);
    }

    /// <summary>Forgets everything seeded (moto's reset API).</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.PostAsync(new Uri(Endpoint, "/moto-api/reset"), null);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
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
