using System.Diagnostics;
using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>SIGINT to a real eks-access-migrator process in the middle of apply.</summary>
public sealed class SignalCliTests : IClassFixture<LiveCliMoto>, IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly MotoServer _moto;
    private LiveCliWorld? _world;

    public SignalCliTests(LiveCliMoto moto) => _moto = moto.Server;

    private LiveCliWorld World => _world!;

    private string PlanFile => World.PlanFile;

    private string Journal => World.Journal;

    public async Task InitializeAsync() => _world = await LiveCliWorld.StartAsync(_moto);

    public async Task DisposeAsync() => await _world!.DisposeAsync();

    /// <summary>The CLI as built beside this test (same configuration and framework), with its own dependencies.</summary>
    [Fact]
    public async Task Sigint_MidApply_LetsTheStepInFlightFinish_Exits130_AndTheNextApplyResumes()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await World.PlanAsync();
        World.Eks.Faults.DelayNext(1, TimeSpan.FromSeconds(3), "CreateAccessEntry");
        var start = new ProcessStartInfo(Repo.CliExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal, "--parallel", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(Bound);
        while (World.Eks.Requests.Count("CreateAccessEntry") == 0 && !process.HasExited)
        {
            await Task.Delay(20, bound.Token);
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(bound.Token);
        }

        await process.WaitForExitAsync(bound.Token);
        var output = await stdout + await stderr;

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {output}");
        Assert.Contains("starting no new step", output, StringComparison.Ordinal);
        Assert.Contains("not started", output, StringComparison.Ordinal);
        Assert.Equal(1, World.Eks.Requests.Count("CreateAccessEntry"));
        var journal = await File.ReadAllTextAsync(Journal);
        Assert.Contains("\"type\":\"done\",", journal, StringComparison.Ordinal);
        Assert.Contains("CreateAccessEntry", journal, StringComparison.Ordinal);

        var resumed = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal);

        Assert.True(resumed.ExitCode == 0, resumed.Out + resumed.Error);
        Assert.Contains("0 failed", resumed.Out, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::123456789012:role/teams/admin", World.Eks.State.AccessEntryPrincipals("shop"));
    }
}
