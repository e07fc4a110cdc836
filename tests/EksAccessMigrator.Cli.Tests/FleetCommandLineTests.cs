using EksAccessMigrator.Cli.Tests.Support;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>The fleet commands' command line and inventory checks: exit 1 with one clear line, nothing read or written.</summary>
public sealed class FleetCommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("eam-fleet-cli-").FullName;

    private string Out => Path.Combine(_directory, "run");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("clusters:\n  - name: a\n    region: eu-west-1\n    rolearn: arn:aws:iam::1:role/x\n", "unknown key 'rolearn' in a cluster")]
    [InlineData("clusters:\n  - name: a\n    region: [eu-west-1]\n", "'region' must be a non-empty string")]
    [InlineData("clusters:\n  - name: a\n    region: eu-west-1\n  - name: a\n    region: us-east-1\n", "cluster 'a' is listed more than once")]
    public async Task ABadInventory_ExitsOne_WithOneLine_AndWritesNothing(string inventory, string expected)
    {
        var path = Path.Combine(_directory, "fleet.yaml");
        await File.WriteAllTextAsync(path, inventory);

        var result = await CliRun.RunAsync("fleet", "plan", "--inventory", path, "--out", Out);

        CliAssert.OneLineError(result, expected);
        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("--only", "shop-ue", "'shop-ue' matches no cluster")]
    [InlineData("--exclude", "wave=9", "'wave=9' matches no cluster")]
    [InlineData("--shard", "3/2", "--shard '3/2' is not of the form i/n")]
    [InlineData("--parallel", "0", "--parallel 0 is out of range")]
    public async Task ABadSelection_ExitsOne_AndWritesNothing(string option, string value, string expected)
    {
        var path = Path.Combine(_directory, "fleet.yaml");
        await File.WriteAllTextAsync(path, "clusters:\n  - name: shop-eu\n    region: eu-west-1\n    tags: {wave: \"1\"}\n");

        var result = await CliRun.RunAsync("fleet", "plan", "--inventory", path, "--out", Out, option, value);

        CliAssert.OneLineError(result, expected);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task ApplyWithoutAPlannedFolder_ExitsOne_SayingToRunFleetPlanFirst()
    {
        var path = Path.Combine(_directory, "fleet.yaml");
        await File.WriteAllTextAsync(path, "clusters:\n  - name: shop-eu\n    region: eu-west-1\n");

        var result = await CliRun.RunAsync("fleet", "apply", "--inventory", path, "--out", Out, "--yes");

        CliAssert.OneLineError(result, "run 'fleet plan");
    }

    [Theory]
    [InlineData(new[] { "fleet" }, "fleet needs a sub-command: plan, apply, verify")]
    [InlineData(new[] { "fleet", "aply" }, "did you mean 'fleet apply'?")]
    [InlineData(new[] { "fleet", "plan", "--inventroy", "x" }, "did you mean --inventory?")]
    public async Task AMissingOrMistypedSubCommandOrOption_NamesTheRightOne(string[] args, string expected)
    {
        var result = await CliRun.RunAsync(args);

        CliAssert.OneLineError(result, expected);
    }

    [Theory]
    [InlineData("fleet", "plan", "--help")]
    [InlineData("help", "fleet", "apply")]
    public async Task Help_ShowsTheSubCommandsUsageAndOptions(params string[] args)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage: eks-access-migrator fleet ", result.Out, StringComparison.Ordinal);
        Assert.Contains("--inventory", result.Out, StringComparison.Ordinal);
        Assert.Contains("--shard", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheToolsHelp_ListsTheFleetCommands()
    {
        var result = await CliRun.RunAsync("--help");

        Assert.Contains("fleet plan", result.Out, StringComparison.Ordinal);
        Assert.Contains("fleet apply", result.Out, StringComparison.Ordinal);
        Assert.Contains("fleet verify", result.Out, StringComparison.Ordinal);
    }
}
