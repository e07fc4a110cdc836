using EksAccessMigrator.Cli.Tests.Support;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>The shipped examples, planned and rendered in every format, against checked-in golden files (I3).</summary>
public sealed class GoldenPlanTests
{
    [Theory]
    [InlineData("json", "every-rule.plan.json")]
    [InlineData("markdown", "every-rule.plan.md")]
    [InlineData("table", "every-rule.plan.txt")]
    public async Task EveryRuleExample(string format, string golden)
    {
        var result = await CliRun.RunAsync(Examples.EveryRule("--format", format));

        Assert.Equal(0, result.ExitCode);
        Golden.Verify(golden, result.NormalizedOut);
    }

    [Theory]
    [InlineData("json", "partly-migrated.plan.json")]
    [InlineData("markdown", "partly-migrated.plan.md")]
    public async Task PartlyMigratedExample(string format, string golden)
    {
        var result = await CliRun.RunAsync(Examples.PartlyMigrated("--format", format));

        Assert.Equal(0, result.ExitCode);
        Golden.Verify(golden, result.NormalizedOut);
    }

    [Fact]
    public async Task PartlyMigratedFinalizeRefusesApiMode()
    {
        var result = await CliRun.RunAsync(Examples.PartlyMigrated(
            "--phase", "finalize", "--target-mode", "API", "--format", "json",
            "--caller-arn", "arn:aws:sts::111122223333:assumed-role/cluster-creator/me"));

        Assert.Equal(0, result.ExitCode);
        Golden.Verify("partly-migrated.finalize.plan.json", result.NormalizedOut);
    }

    [Fact]
    public async Task PlanFileEqualsTheJsonOutput_AndShowRendersItTheSame()
    {
        var file = Path.Combine(Path.GetTempPath(), $"eam-{Guid.NewGuid():N}.json");
        try
        {
            var plan = await CliRun.RunAsync(Examples.EveryRule("--out", file, "--format", "markdown"));
            var json = await CliRun.RunAsync(Examples.EveryRule("--format", "json"));
            var shown = await CliRun.RunAsync("show", file, "--format", "markdown");

            Assert.Equal(0, plan.ExitCode);
            Assert.Equal(json.Out, await File.ReadAllTextAsync(file));
            Assert.Equal(plan.Out, shown.Out);
            Assert.Contains("Plan written to", plan.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task DetailedExitCodeIsTwoWithChangesAndZeroWithout()
    {
        var withChanges = await CliRun.RunAsync(Examples.EveryRule("--detailed-exitcode"));
        var without = await CliRun.RunAsync(Examples.PartlyMigrated("--detailed-exitcode", "--phase", "cutover"));
        var plain = await CliRun.RunAsync(Examples.EveryRule());

        Assert.Equal(2, withChanges.ExitCode);
        Assert.Equal(0, without.ExitCode);
        Assert.Equal(0, plain.ExitCode);
    }

    [Fact]
    public async Task ScanShowsEveryMappingWithItsIdentity()
    {
        var file = Repo.Path_("playbooks", "examples", "aws-auth-every-rule", "cluster-export.yaml");
        var table = await CliRun.RunAsync("scan", "--from", file);
        var json = await CliRun.RunAsync("scan", "--from", file, "--format", "json");

        Assert.Equal(0, table.ExitCode);
        Golden.Verify("every-rule.scan.txt", table.NormalizedOut);
        Golden.Verify("every-rule.scan.json", json.NormalizedOut);
    }

    [Fact]
    public async Task ScanShowsAgentsAndTheRolesWorkloadsGetToday()
    {
        var file = Repo.Path_("playbooks", "examples", "kube2iam-cluster", "cluster-export.yaml");

        var result = await CliRun.RunAsync("scan", "--from", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("IDENTITY AGENTS", result.Out, StringComparison.Ordinal);
        Assert.Contains("WORKLOAD ROLES", result.Out, StringComparison.Ordinal);
        Golden.Verify("kube2iam.scan.txt", result.NormalizedOut);
    }
}
