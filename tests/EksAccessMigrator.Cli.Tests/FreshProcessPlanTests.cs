using System.Diagnostics;
using EksAccessMigrator.Cli.Tests.Support;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// `plan --out` as a process of its own, as users run it: the in-process tests share one process whose static state
/// (the plan serializer's metadata, built by whichever test ran first) can hide what a fresh process does. Issue 11
/// moved work to other threads and ahead of its first use; this runs it from a cold start and compares the bytes.
/// </summary>
public sealed class FreshProcessPlanTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-fresh-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("markdown")]
    public async Task Plan_InAFreshProcess_WritesTheSamePlanFileAsInProcess(string format)
    {
        var example = Repo.Path_("playbooks", "examples", "aws-auth-every-rule");
        string[] common = ["plan", "--from", Path.Combine(example, "cluster-export.yaml"), "--iam-snapshot", Path.Combine(example, "iam-roles.json"), "--iam-snapshot", Path.Combine(example, "iam-users.json"), "--cluster", "shop-prod", "--region", "eu-west-1", "--account", "111122223333", "--created-at", "2026-12-01T00:00:00Z", "--format", format];
        var inProcess = Path.Combine(_dir, "in-process.json");
        var fresh = Path.Combine(_dir, "fresh.json");
        var expected = await CliRun.RunAsync([.. common, "--out", inProcess]);

        var start = new ProcessStartInfo(Repo.CliExecutable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[.. common, "--out", fresh])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(expected.ExitCode == process.ExitCode, $"exit {process.ExitCode} (in-process {expected.ExitCode}): {await stderr}");
        Assert.Equal(File.ReadAllBytes(inProcess), File.ReadAllBytes(fresh));
        Assert.Equal(expected.Out.Replace(inProcess, fresh, StringComparison.Ordinal), (await stdout).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
