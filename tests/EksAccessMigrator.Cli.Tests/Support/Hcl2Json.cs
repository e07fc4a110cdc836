using System.Diagnostics;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>
/// HashiCorp's HCL parser (the npm package <c>@cdktf/hcl2json</c>, pinned in tests/tools/hcl2json), run with node.
/// Installed on first use with <c>npm ci</c> from the lock file (the npm registry is a prerequisite, as NuGet is).
/// </summary>
internal static class Hcl2Json
{
    private static readonly string Tool = Repo.Path_("tests", "tools", "hcl2json");
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static async Task<JsonObject> ParseAsync(string file)
    {
        await EnsureInstalledAsync();
        var (code, output, error) = await RunAsync("node", TimeSpan.FromSeconds(60), Path.Combine(Tool, "parse.js"), file);
        Assert.True(code == 0, $"hcl2json could not parse {file}: {error}");
        return JsonNode.Parse(output)!.AsObject();
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Tool, "node_modules", "@cdktf", "hcl2json")))
            {
                return;
            }

            var (code, _, error) = await RunAsync("npm", TimeSpan.FromSeconds(180), "ci", "--no-audit", "--no-fund", "--prefix", Tool);
            Assert.True(code == 0, $"'npm ci --prefix {Tool}' failed (the export tests need node and the npm registry): {error}");
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string program, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        using var cancel = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await output, await error);
    }
}
