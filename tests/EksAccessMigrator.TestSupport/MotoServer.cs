using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Xunit;

namespace EksAccessMigrator.TestSupport;

/// <summary>
/// moto_server (the IAM and STS emulator) on a free loopback port for the lifetime of a test class or collection.
/// Seeding goes through its own Query API; moto does not check signatures, only the credential scope's service.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process? _process;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:1");

    /// <summary>The account moto puts everything in.</summary>
    public const string Account = "123456789012";

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
            throw new InvalidOperationException("moto_server is not on PATH; install it with pip install 'moto[server]'.", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"moto_server did not answer on {Endpoint} within 15 s.");
    }

    /// <summary>Calls an IAM action (e.g. CreateRole) with form parameters; fails on an error answer.</summary>
    public async Task IamAsync(string action, params (string Name, string Value)[] parameters)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2010-05-08") };
        form.AddRange(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTESTSUPPORT/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/xml"));
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"moto IAM {action} failed: {(int)response.StatusCode} {body}");
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
}
