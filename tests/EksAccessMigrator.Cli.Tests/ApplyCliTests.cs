using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// plan -> apply -> verify -> rollback through the real CLI, over real HTTP, against moto, the fake EKS and the fake
/// Kubernetes API server.
/// </summary>
public sealed class ApplyCliTests : IClassFixture<LiveCliMoto>, IAsyncLifetime
{
    private readonly MotoServer _moto;
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-apply-cli-").FullName;
    private LiveCliWorld? _world;

    public ApplyCliTests(LiveCliMoto moto) => _moto = moto.Server;

    private LiveCliWorld World => _world!;

    private string PlanFile => Path.Combine(_dir, "plan.json");

    private string Journal => Path.Combine(_dir, "journal.jsonl");

    public async Task InitializeAsync() => _world = await LiveCliWorld.StartAsync(_moto);

    public async Task DisposeAsync()
    {
        await _world!.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task PlanAsync()
    {
        var planned = await CliRun.RunAsync(["plan", .. World.Live("--out", PlanFile)]);
        Assert.True(planned.ExitCode == 0, planned.Error);
    }

    [Fact]
    public async Task WithoutATerminalAndWithoutYes_NothingIsWritten()
    {
        await PlanAsync();
        var before = World.Eks.State.SnapshotJson();

        var result = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--journal", Journal);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pass --yes", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, World.Eks.State.SnapshotJson());
        Assert.False(File.Exists(Journal));
    }

    [Fact]
    public async Task DryRunListsTheCallsAndWritesNothing()
    {
        await PlanAsync();
        var before = World.Eks.State.SnapshotJson();

        var result = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--dry-run", "--journal", Journal);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("Dry run", result.Out, StringComparison.Ordinal);
        Assert.Contains("CreateAccessEntry", result.Out, StringComparison.Ordinal);
        Assert.Contains("UpdateClusterConfig", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, World.Eks.State.SnapshotJson());
        Assert.False(File.Exists(Journal));
    }

    [Fact]
    public async Task ApplyThenVerifyThenApplyAgainThenRollback()
    {
        await PlanAsync();

        var applied = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal);

        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        Assert.Contains("0 failed", applied.Out, StringComparison.Ordinal);
        Assert.Equal("API_AND_CONFIG_MAP", World.Eks.State.AuthenticationModeOf("shop"));
        Assert.Contains("arn:aws:iam::123456789012:role/teams/admin", World.Eks.State.AccessEntryPrincipals("shop"));
        Assert.True(File.Exists(Journal));
        Assert.DoesNotContain(LiveCliWorld.SecretKey, await File.ReadAllTextAsync(Journal), StringComparison.Ordinal);

        var verified = await CliRun.RunAsync("verify", PlanFile, "--api-server", World.ApiServer);
        Assert.True(verified.ExitCode == 0, verified.Out + verified.Error);

        var again = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal, "--format", "json");
        Assert.True(again.ExitCode == 0, again.Out + again.Error);
        Assert.Contains("\"event\":\"step\"", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\":\"failed\"", again.Out, StringComparison.Ordinal);

        var rolledBack = await CliRun.RunAsync("rollback", Journal, "--api-server", World.ApiServer, "--yes");
        Assert.True(rolledBack.ExitCode == 0, rolledBack.Out + rolledBack.Error);
        Assert.Contains("cannot be undone", rolledBack.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("arn:aws:iam::123456789012:role/teams/admin", World.Eks.State.AccessEntryPrincipals("shop"));
    }

    [Fact]
    public async Task AStalePlanIsRefusedWithItsDifferences_ExitThree()
    {
        await PlanAsync();
        World.Kubernetes.State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", map =>
            map["data"]!["mapUsers"] = "- userarn: arn:aws:iam::123456789012:user/alice\n  username: alice-renamed\n  groups: [dev]\n");
        var before = World.Eks.State.SnapshotJson();

        var result = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes", "--journal", Journal);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Refused, nothing was written", result.Out, StringComparison.Ordinal);
        Assert.Contains("access-entry/arn:aws:iam::123456789012:user/alice", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, World.Eks.State.SnapshotJson());
    }

    [Fact]
    public async Task APlanOfAnotherFormatVersionIsRefused_ExitThree()
    {
        await File.WriteAllTextAsync(PlanFile, "{\"formatVersion\": 2}");

        var result = await CliRun.RunAsync("apply", PlanFile, "--api-server", World.ApiServer, "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("format version 2 is not supported", result.Error, StringComparison.Ordinal);
    }
}
