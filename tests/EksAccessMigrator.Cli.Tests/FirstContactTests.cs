using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>Issue 12: what a new user meets in the first hour. Every item: exit code, one line, nothing written.</summary>
public sealed class FirstContactTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-first-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_ExitsZero_ListsEveryCommand(string flag)
    {
        var result = await CliRun.RunAsync(flag);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: eks-access-migrator COMMAND [options]", result.Out, StringComparison.Ordinal);
        foreach (var command in new[] { "scan", "plan", "show", "apply", "verify", "rollback" })
        {
            Assert.Contains($"\n  {command} ", result.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("help", "plan")]
    [InlineData("plan", "--help")]
    [InlineData("plan", "--from", "x", "-h")]
    [InlineData("show", "--help")]
    [InlineData("apply", "-h")]
    [InlineData("verify", "--help")]
    [InlineData("rollback", "--help")]
    [InlineData("scan", "-h")]
    public async Task CommandHelp_ExitsZero_WithoutFrameworkInternals(params string[] args)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        var command = args[0] == "help" ? args[1] : args[0];
        Assert.StartsWith($"Usage: eks-access-migrator {command}", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("CoconaAppContext", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("app-context", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("System.String[]", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("(Default:", result.Out, StringComparison.Ordinal);
        Assert.Contains("-h, --help", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ShowsOptionalArgumentsOptional_AndVerifyListsOnlyWhatItTakes()
    {
        var verify = await CliRun.RunAsync("verify", "--help");
        var show = await CliRun.RunAsync("show", "--help");

        Assert.StartsWith("Usage: eks-access-migrator verify [PLAN] [options]", verify.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--authentication-mode", verify.Out, StringComparison.Ordinal);
        Assert.StartsWith("Usage: eks-access-migrator show FILE [options]", show.Out, StringComparison.Ordinal);
        Assert.Contains("-o, --format FORMAT", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_PrintsTheHelpOnStandardError_AndExitsOne()
    {
        var result = await CliRun.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("Usage: eks-access-migrator COMMAND", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "plan", "--frm", "x" }, "plan has no option '--frm'; did you mean --from?")]
    [InlineData(new[] { "plan", "--fromat", "json" }, "did you mean --format?")]
    [InlineData(new[] { "plna" }, "'plna' is not a command; did you mean 'plan'?")]
    [InlineData(new[] { "show" }, "show needs FILE")]
    [InlineData(new[] { "apply" }, "apply needs PLAN")]
    [InlineData(new[] { "rollback" }, "rollback needs JOURNAL")]
    [InlineData(new[] { "apply", "plan.json", "--parallel", "many" }, "--parallel takes a whole number (N), not 'many'.")]
    [InlineData(new[] { "plan", "--out" }, "--out needs a value (FILE)")]
    [InlineData(new[] { "show", "a.json", "b.json" }, "show takes at most 1 argument(s), but 'b.json' was given too.")]
    [InlineData(new[] { "--cluster", "x" }, "is not an option of eks-access-migrator itself")]
    public async Task CommandLineMistakes_AreOneLineWithExitOne(string[] args, string expected)
    {
        CliAssert.OneLineError(await CliRun.RunAsync(args), expected);
    }

    [Fact]
    public async Task ADirectoryWhereAFileBelongs_SaysSo_NotPermissionDenied()
    {
        CliAssert.OneLineError(await CliRun.RunAsync("show", _dir), $"{_dir} is a directory; FILE takes a file.");
        CliAssert.OneLineError(await CliRun.RunAsync("plan", "--from", _dir, "--iam-snapshot", _dir), "--iam-snapshot takes a file.");
    }

    [Fact]
    public async Task AnUnboundedValue_IsCutInTheMessage()
    {
        var result = await CliRun.RunAsync("plan", "--" + new string('x', 10_000));

        CliAssert.OneLineError(result, "plan has no option '--xxxx");
        Assert.True(result.Error.Length < 400, $"{result.Error.Length} characters");
    }

    [Fact]
    public async Task ShortOutputOption_IsTheFormat()
    {
        var longForm = await CliRun.RunAsync(Examples.EveryRule("--format", "json"));
        var shortForm = await CliRun.RunAsync(Examples.EveryRule("-o", "json"));
        var output = await CliRun.RunAsync(Examples.EveryRule("--output=json"));

        Assert.Equal(0, shortForm.ExitCode);
        Assert.Equal(longForm.Out, shortForm.Out);
        Assert.Equal(longForm.Out, output.Out);
    }

    [Theory]
    [InlineData("aws-auth-every-rule", "CONFIG_MAP", 18)]
    [InlineData("aws-auth-partly-migrated", "API_AND_CONFIG_MAP", 0)]
    [InlineData("kube2iam-cluster", "CONFIG_MAP", 14)]
    [InlineData("kiam-cluster", "CONFIG_MAP", 18)]
    public async Task ShippedExampleFolders_PlanWhenPassedAsFolders_AwsCliOutputRecognisedByShape(string example, string mode, int changes)
    {
        var result = await CliRun.RunAsync("plan", "--from", Repo.Path_("playbooks", "examples", example), "--cluster", "shop-prod", "--region", "eu-west-1", "--account", "111122223333", "--authentication-mode", mode, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        var plan = PlanJson.Deserialize(result.Out, example);
        Assert.Equal(changes, plan.Changes.Length);
        Assert.DoesNotContain(plan.Findings, f => f.Code is "access-entries-unknown" or "nothing-to-migrate");
    }

    [Fact]
    public async Task AFolderWithBothKindsOfAwsCliOutput_GivesTheSamePlanAsTheOptions()
    {
        var example = Repo.Path_("playbooks", "examples", "aws-auth-every-rule");
        var folder = Path.Combine(_dir, "export");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(example))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var fromFolder = await CliRun.RunAsync("plan", "--from", folder, "--cluster", "shop-prod", "--region", "eu-west-1", "--account", "111122223333", "--format", "json");
        var fromOptions = await CliRun.RunAsync(Examples.EveryRule("--format", "json"));

        Assert.True(fromFolder.ExitCode == 0, fromFolder.Error);
        Assert.Equal(Without(fromOptions.Out, example), Without(fromFolder.Out, folder));
    }

    [Fact]
    public async Task TwoAccessEntriesExports_AreRefused()
    {
        var entries = "{\"accessEntries\": []}";
        var folder = Path.Combine(_dir, "two");
        Write("two/a.json", entries);
        Write("two/b.json", entries);
        Write("two/aws-auth.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata: {}\n");

        CliAssert.OneLineError(await CliRun.RunAsync("plan", "--from", folder, "--cluster", "c", "--region", "eu-west-1", "--account", "111122223333", "--authentication-mode", "API_AND_CONFIG_MAP"), "more than one access-entries export");
    }

    [Theory]
    [InlineData("")]
    [InlineData("---\n---\n")]
    [InlineData("# only a comment\n")]
    public async Task AFileThatHoldsNoObject_IsAnErrorNamingIt(string content)
    {
        var file = Write("empty.yaml", content);

        CliAssert.OneLineError(await CliRun.RunAsync("plan", "--from", file, "--cluster", "c", "--region", "eu-west-1", "--account", "111122223333"), "empty.yaml: holds no Kubernetes object");
    }

    [Fact]
    public async Task NeitherAwsAuthNorWorkloadIdentity_IsAWarning_AndTheExitCodeStillTellsNothingFromChanges()
    {
        var file = Write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");

        var result = await CliRun.RunAsync("plan", "--from", file, "--cluster", "c", "--region", "eu-west-1", "--account", "111122223333", "--format", "json", "--detailed-exitcode");

        Assert.Equal(0, result.ExitCode);
        var finding = Assert.Single(PlanJson.Deserialize(result.Out, "x").Findings, f => f.Code == "nothing-to-migrate");
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public async Task SymlinkLoopsAndFifos_FinishQuickly_WithWarningsNamingThem()
    {
        var folder = Path.Combine(_dir, "tree");
        Write("tree/sub/aws-auth.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/a\n      username: a\n");
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub", "loop"), "..");
        var fifo = Path.Combine(folder, "pipe.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await CliRun.RunAsync("plan", "--from", folder, "--cluster", "c", "--region", "eu-west-1", "--account", "111122223333", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Single(PlanJson.Deserialize(result.Out, "x").Changes, c => c is CreateAccessEntryChange);
        Assert.Contains($"warning: skipped {Path.Combine(folder, "sub", "loop")}: a symbolic link to a directory", result.Error, StringComparison.Ordinal);
        Assert.Contains($"warning: skipped {fifo}: not a regular file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAliasBombNestedInAnchors_IsRefusedWithItsLine()
    {
        var bomb = new System.Text.StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: y}\nbomb:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level < 9; level++)
        {
            bomb.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(level == 1 ? "*a" : $"*l{level - 1}", 10))}]\n");
        }

        var file = Write("bomb.yaml", bomb.ToString());

        CliAssert.OneLineError(await CliRun.RunAsync("plan", "--from", file, "--cluster", "c", "--region", "eu-west-1", "--account", "111122223333"), "bomb.yaml:");
    }

    [Theory]
    [InlineData("--region", "eu-west", "--region 'eu-west' is not an AWS region name")]
    [InlineData("--account", "12345", "--account '12345' is not a 12-digit AWS account ID")]
    [InlineData("--cluster", "../etc", "--cluster '../etc' is not an EKS cluster name")]
    public async Task ClusterFacts_AreValidatedUpFront(string option, string value, string expected)
    {
        var args = new Dictionary<string, string> { ["--cluster"] = "c", ["--region"] = "eu-west-1", ["--account"] = "111122223333" };
        args[option] = value;
        var file = Write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");

        CliAssert.OneLineError(await CliRun.RunAsync(["plan", "--from", file, .. args.SelectMany(a => new[] { a.Key, a.Value })]), expected);
    }

    [Fact]
    public async Task CreatedAt_IsTheOnlyFieldThatChanges_AndTheOptionFixesIt()
    {
        var fixedTime = await CliRun.RunAsync(Examples.EveryRule("--format", "json", "--created-at", "2026-11-30T08:00:00Z"));
        var now = await CliRun.RunAsync(Examples.EveryRule("--format", "json"));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), PlanJson.Deserialize(fixedTime.Out, "x").CreatedAt);
        Assert.Equal(
            PlanJson.Serialize(PlanJson.Deserialize(now.Out, "x") with { CreatedAt = DateTimeOffset.UnixEpoch }),
            PlanJson.Serialize(PlanJson.Deserialize(fixedTime.Out, "x") with { CreatedAt = DateTimeOffset.UnixEpoch }));
        CliAssert.OneLineError(await CliRun.RunAsync(Examples.EveryRule("--created-at", "yesterday")), "--created-at 'yesterday' is not an RFC 3339 time");
    }

    [Fact]
    public void CreationTime_ComesFromTheOption_ThenSourceDateEpoch_ThenTheClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 9, 30, 15, 500, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 30, 15, TimeSpan.Zero), CreationTime.Resolve(null, null, clock));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), CreationTime.Resolve(null, "1700000000", clock));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 2, 4, 5, TimeSpan.Zero), CreationTime.Resolve("2026-01-02T03:04:05+01:00", "1700000000", clock));
        Assert.Throws<UsageException>(() => CreationTime.Resolve(null, "soon", clock));
    }

    [Fact]
    public void Tables_WrapToTheGivenWidth_WithoutCuttingAValue()
    {
        const string arn = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef";
        using var writer = new StringWriter { NewLine = "\n" };

        TextTable.Write(writer, ["#", "ACTION", "TARGET", "DETAILS"], [["1", "CreateAccessEntry", arn, "type STANDARD, username sso-admin:{{SessionName}}, groups (none)"]], width: 80);

        var lines = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length}: {l}"));
        Assert.True(lines.Length > 2, "the long cells wrap onto more lines");
        var start = lines[0].IndexOf("TARGET", StringComparison.Ordinal);
        var end = lines[0].IndexOf("DETAILS", StringComparison.Ordinal);
        var column = lines.Skip(1).Select(l => l.Length <= start ? string.Empty : l[start..Math.Min(end, l.Length)].Trim());
        Assert.Equal(arn, string.Concat(column));
    }

    private static string Without(string json, string path) => json.Replace(path, "<dir>", StringComparison.Ordinal);
}
