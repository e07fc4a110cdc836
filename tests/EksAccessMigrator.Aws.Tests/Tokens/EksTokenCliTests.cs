using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Aws.Tokens;

namespace EksAccessMigrator.Aws.Tests.Tokens;

public sealed class EksTokenCliTests
{
    private static readonly AwsCredentialsSnapshot Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    [Theory]
    [InlineData(null)]
    [InlineData("FQoGZXIvYXdzEXAMPLESESSIONTOKEN+/=")]
    public async Task Token_matches_aws_eks_get_token(string? sessionToken)
    {
        var credentials = Credentials with { SessionToken = sessionToken };
        var (cliToken, cliExpiry) = await RunCliAsync(credentials);
        var cliUrl = Decode(cliToken);
        var cliQuery = ParseQuery(new Uri(cliUrl).Query);
        var signedAt = DateTimeOffset.ParseExact(cliQuery["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        var ours = EksTokenGenerator.Create("c", credentials, AwsEndpointResolver.Resolve(new AwsClientSettings { Region = "us-west-2" }, AwsService.Sts), signedAt);

        var ourUrl = Decode(ours.Token);
        var ourQuery = ParseQuery(new Uri(ourUrl).Query);
        Assert.StartsWith("k8s-aws-v1.", ours.Token, StringComparison.Ordinal);
        Assert.DoesNotContain("=", ours.Token[11..], StringComparison.Ordinal);
        Assert.Equal("sts.us-west-2.amazonaws.com", new Uri(ourUrl).Host);
        Assert.Equal(new Uri(cliUrl).AbsolutePath, new Uri(ourUrl).AbsolutePath);
        Assert.Equal(cliQuery.Keys, ourQuery.Keys);
        Assert.Equal("60", ourQuery["X-Amz-Expires"]);
        Assert.Equal("host;x-k8s-aws-id", ourQuery["X-Amz-SignedHeaders"]);
        Assert.Equal(cliQuery["X-Amz-SignedHeaders"], ourQuery["X-Amz-SignedHeaders"]);

        // Same inputs, same clock: the whole URL, signature included, must be identical.
        Assert.Equal(cliUrl, ourUrl);
        Assert.Equal(cliToken, ours.Token);
        Assert.Equal(cliExpiry, ours.ExpiresAt);
        Assert.DoesNotContain(ours.Token, ours.ToString(), StringComparison.Ordinal);
    }

    private static string Decode(string token)
    {
        var b64 = token["k8s-aws-v1.".Length..].Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(b64));
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    private static async Task<(string Token, DateTimeOffset Expiry)> RunCliAsync(AwsCredentialsSnapshot credentials)
    {
        var start = new ProcessStartInfo("aws")
        {
            ArgumentList = { "eks", "get-token", "--cluster-name", "c", "--region", "us-west-2", "--output", "json" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey;
        if (credentials.SessionToken is not null)
        {
            start.Environment["AWS_SESSION_TOKEN"] = credentials.SessionToken;
        }

        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws CLI did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "aws eks get-token failed: " + await stderr);
        using var doc = JsonDocument.Parse(await stdout);
        var status = doc.RootElement.GetProperty("status");
        return (status.GetProperty("token").GetString()!, DateTimeOffset.Parse(status.GetProperty("expirationTimestamp").GetString()!, CultureInfo.InvariantCulture));
    }
}
