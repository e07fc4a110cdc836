using System.Diagnostics;

namespace EksAccessMigrator.TestSupport;

/// <summary>Runs python3 with a time limit, isolated from the user's AWS configuration and proxies.</summary>
public static class Python
{
    private static readonly string[] Isolated =
    [
        "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_EKS", "AWS_DATA_PATH",
    ];

    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Isolated)
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(Path.GetTempPath(), "eam-no-aws-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Path.GetTempPath(), "eam-no-aws-credentials");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return (-1, "python3 is not on PATH (a prerequisite, see README): " + error.Message);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                return (-1, $"python3 timed out after {timeout.TotalSeconds}s\n{await stdout}\n{await stderr}");
            }

            return (process.ExitCode, (await stdout) + (await stderr));
        }
    }
}
