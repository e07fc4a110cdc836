using System.Text.Json;
using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// fleet plan -> apply -> verify through the real CLI over real HTTP: one fake EKS holding the clusters, one fake
/// Kubernetes per cluster, moto for IAM and STS with half the clusters in a second account reached by an assumed role.
/// </summary>
public sealed class FleetCliTests : IClassFixture<MotoServer>
{
    private readonly MotoServer _moto;

    public FleetCliTests(MotoServer moto) => _moto = moto;

    [Fact]
    public async Task FiftyClusters_PlannedAndAppliedEightAtATime_OneFailingOnPurpose_ReportShows49AndTheFailureWithItsReason_VerifyAgrees()
    {
        await _moto.Process.ResetAsync();
        await using var world = await FleetWorld.StartAsync(_moto, 50);
        const int Broken = 17;
        string[] run = ["--inventory", world.Inventory, "--out", world.Out, "--parallel", "8"];

        var planned = await CliRun.RunAsync(["fleet", "plan", .. run]);

        Assert.True(planned.ExitCode == 0, planned.Out + planned.Error);
        var plannedRows = Rows(world);
        Assert.Equal(50, plannedRows.Count);
        Assert.All(plannedRows, r => Assert.Equal("planned", r.Status));
        Assert.All(plannedRows, r => Assert.True(r.Changes > 0, r.Name));
        Assert.Equal(25, plannedRows.Count(r => r.Account == FleetWorld.SecondAccount));
        Assert.Equal(world.AccountOf(40), plannedRows.Single(r => r.Name == FleetWorld.Name(40)).Account);
        Assert.True(File.Exists(Path.Combine(world.Out, FleetWorld.Name(40), "plan.json")));
        Assert.Contains("50 planned", planned.Out, StringComparison.Ordinal);

        // After review, someone edits the broken cluster's aws-auth: its plan is stale and apply refuses it.
        world.Kubernetes[Broken].State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", map =>
            map["data"]!["mapUsers"] = $"- userarn: arn:aws:iam::{world.AccountOf(Broken)}:user/alice\n  username: alice-renamed\n  groups: [dev]\n");

        var applied = await CliRun.RunAsync(["fleet", "apply", .. run, "--yes"]);

        Assert.Equal(1, applied.ExitCode);
        var appliedRows = Rows(world);
        var failed = Assert.Single(appliedRows, r => r.Status != "applied");
        Assert.Equal(FleetWorld.Name(Broken), failed.Name);
        Assert.Equal("failed", failed.Status);
        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("refused, nothing was written", failed.Error, StringComparison.Ordinal);
        Assert.Contains("aws-auth mapUsers changed since the plan was made", failed.Error, StringComparison.Ordinal);
        Assert.Equal(49, appliedRows.Count(r => r.Status == "applied"));
        Assert.Contains("49 applied, 1 failed", applied.Out, StringComparison.Ordinal);
        for (var i = 0; i < world.Count; i++)
        {
            var expected = i == Broken ? "CONFIG_MAP" : "API_AND_CONFIG_MAP";
            Assert.Equal(expected, world.Eks.State.AuthenticationModeOf(FleetWorld.Name(i)));
        }

        Assert.Contains($"arn:aws:iam::{FleetWorld.SecondAccount}:user/alice", world.Eks.State.AccessEntryPrincipals(FleetWorld.Name(40)));
        Assert.Empty(world.Eks.State.AccessEntryPrincipals(FleetWorld.Name(Broken)));
        Assert.True(File.Exists(Path.Combine(world.Out, FleetWorld.Name(40), "journal.jsonl")));
        Assert.DoesNotContain(FleetWorld.SecretKey, await File.ReadAllTextAsync(Path.Combine(world.Out, FleetWorld.Name(40), "journal.jsonl")), StringComparison.Ordinal);
        Assert.DoesNotContain(FleetWorld.SecretKey, applied.Out + applied.Error, StringComparison.Ordinal);

        var verified = await CliRun.RunAsync(["fleet", "verify", .. run, "--format", "json"]);

        Assert.Equal(1, verified.ExitCode);
        var verifiedRows = Rows(world);
        Assert.Equal(verifiedRows, RowsOf(verified.Out));
        Assert.Equal(49, verifiedRows.Count(r => r.Status == "verified"));
        var notVerified = Assert.Single(verifiedRows, r => r.Status != "verified");
        Assert.Equal(FleetWorld.Name(Broken), notVerified.Name);
        Assert.Equal("failed", notVerified.Status);
        Assert.Contains("not ok", notVerified.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WithoutYesAndWithoutATerminal_OrAsADryRun_WritesNothing()
    {
        await _moto.Process.ResetAsync();
        await using var world = await FleetWorld.StartAsync(_moto, 2);
        string[] run = ["--inventory", world.Inventory, "--out", world.Out];
        Assert.Equal(0, (await CliRun.RunAsync(["fleet", "plan", .. run])).ExitCode);
        var before = world.Eks.State.SnapshotJson();

        var applied = await CliRun.RunAsync(["fleet", "apply", .. run]);

        Assert.Equal(1, applied.ExitCode);
        Assert.Contains("pass --yes", applied.Error, StringComparison.Ordinal);
        Assert.Equal(before, world.Eks.State.SnapshotJson());
        Assert.False(File.Exists(Path.Combine(world.Out, FleetWorld.Name(0), "journal.jsonl")));

        var dryRun = await CliRun.RunAsync(["fleet", "apply", .. run, "--dry-run"]);

        Assert.True(dryRun.ExitCode == 0, dryRun.Out + dryRun.Error);
        Assert.All(Rows(world), r => Assert.Equal("planned", r.Status));
        Assert.Equal(before, world.Eks.State.SnapshotJson());
        Assert.False(File.Exists(Path.Combine(world.Out, FleetWorld.Name(0), "journal.jsonl")));
    }

    [Fact]
    public async Task Apply_AppliesOnlyThePlansFleetPlanWrote_AnEditedOrMissingPlanIsRefused_TheOthersGoOn()
    {
        await _moto.Process.ResetAsync();
        await using var world = await FleetWorld.StartAsync(_moto, 4);
        string[] run = ["--inventory", world.Inventory, "--out", world.Out];
        Assert.Equal(0, (await CliRun.RunAsync(["fleet", "plan", .. run])).ExitCode);
        var edited = Path.Combine(world.Out, FleetWorld.Name(1), "plan.json");
        await File.WriteAllTextAsync(edited, (await File.ReadAllTextAsync(edited)).Replace("\"alice\"", "\"mallory\"", StringComparison.Ordinal));
        File.Delete(Path.Combine(world.Out, FleetWorld.Name(2), "plan.json"));

        var applied = await CliRun.RunAsync(["fleet", "apply", .. run, "--yes"]);

        Assert.Equal(1, applied.ExitCode);
        var rows = Rows(world);
        Assert.Equal(["applied", "failed", "failed", "applied"], rows.Select(r => r.Status));
        Assert.Contains("is not the plan fleet plan wrote", rows[1].Error, StringComparison.Ordinal);
        Assert.Equal(3, rows[1].ExitCode);
        Assert.Contains("no reviewed plan", rows[2].Error, StringComparison.Ordinal);
        Assert.Equal("CONFIG_MAP", world.Eks.State.AuthenticationModeOf(FleetWorld.Name(1)));
        Assert.Empty(world.Eks.State.AccessEntryPrincipals(FleetWorld.Name(1)));
        Assert.Equal("CONFIG_MAP", world.Eks.State.AuthenticationModeOf(FleetWorld.Name(2)));
        Assert.Equal("API_AND_CONFIG_MAP", world.Eks.State.AuthenticationModeOf(FleetWorld.Name(3)));
    }

    [Fact]
    public async Task Shards_PlanEveryClusterExactlyOnce_AndOnlyExcludeLeaveTheOthersSkipped()
    {
        await _moto.Process.ResetAsync();
        await using var world = await FleetWorld.StartAsync(_moto, 6);
        var names = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var shard = await CliRun.RunAsync("fleet", "plan", "--inventory", world.Inventory, "--out", Path.Combine(world.Directory, $"shard-{i}"), "--shard", $"{i}/3", "--format", "json");
            Assert.True(shard.ExitCode == 0, shard.Out + shard.Error);
            names.AddRange(RowsOf(shard.Out).Select(r => r.Name));
        }

        Assert.Equal(Enumerable.Range(0, 6).Select(FleetWorld.Name), names.Order(StringComparer.Ordinal));

        var only = await CliRun.RunAsync("fleet", "plan", "--inventory", world.Inventory, "--out", world.Out, "--only", "wave=1", "--exclude", FleetWorld.Name(2));

        Assert.True(only.ExitCode == 0, only.Out + only.Error);
        Assert.Equal(["planned", "skipped", "skipped", "skipped", "planned", "skipped"], Rows(world).Select(r => r.Status));
        Assert.False(Directory.Exists(Path.Combine(world.Out, FleetWorld.Name(1))));
    }

    [Fact]
    public async Task AClusterWhosePlanHasBlockers_IsBlocked_ExitFour_AndFleetApplyLeavesIt()
    {
        await _moto.Process.ResetAsync();
        await using var world = await FleetWorld.StartAsync(_moto, 2);
        world.Kubernetes[1].State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", map =>
            map["data"]!["mapUsers"] = $"- userarn: arn:aws:iam::{world.AccountOf(1)}:user/alice\n  username: system:alice\n  groups: [dev]\n");
        string[] run = ["--inventory", world.Inventory, "--out", world.Out];

        var planned = await CliRun.RunAsync(["fleet", "plan", .. run]);

        Assert.True(planned.ExitCode == 4, planned.Out + planned.Error);
        var rows = Rows(world);
        Assert.Equal(["planned", "blocked"], rows.Select(r => r.Status));
        Assert.Contains("blocker(s)", rows[1].Error, StringComparison.Ordinal);

        var applied = await CliRun.RunAsync(["fleet", "apply", .. run, "--yes"]);

        Assert.True(applied.ExitCode == 4, applied.Out + applied.Error);
        Assert.Equal(["applied", "blocked"], Rows(world).Select(r => r.Status));
        Assert.Equal("CONFIG_MAP", world.Eks.State.AuthenticationModeOf(FleetWorld.Name(1)));
        Assert.False(File.Exists(Path.Combine(world.Out, FleetWorld.Name(1), "journal.jsonl")));
    }

    [Fact]
    public async Task Debug_ShowsTheAssumeRoleCall_AndNoSecret()
    {
        await _moto.Process.ResetAsync();
        await using var world = await FleetWorld.StartAsync(_moto, 2);

        var planned = await CliRun.RunAsync("fleet", "plan", "--inventory", world.Inventory, "--out", world.Out, "--debug");

        Assert.True(planned.ExitCode == 0, planned.Out + planned.Error);
        Assert.Contains("debug: AssumeRole attempt 1: POST", planned.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(FleetWorld.SecretKey, planned.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("<SecretAccessKey>", planned.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("<SessionToken>", planned.Error, StringComparison.Ordinal);
    }

    private sealed record Row(string Name, string Status, string? Account, string? Error, int Changes, int ExitCode);

    private static List<Row> Rows(FleetWorld world) => RowsOf(File.ReadAllText(Path.Combine(world.Out, "report.json")));

    private static List<Row> RowsOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("clusters").EnumerateArray().Select(c => new Row(
            c.GetProperty("name").GetString()!,
            c.GetProperty("status").GetString()!,
            c.GetProperty("account").GetString(),
            c.GetProperty("error").GetString(),
            c.GetProperty("changes").GetInt32(),
            c.GetProperty("exitCode").GetInt32()))];
    }
}
