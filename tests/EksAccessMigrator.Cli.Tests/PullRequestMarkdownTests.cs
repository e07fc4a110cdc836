using System.Text;
using System.Text.RegularExpressions;
using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// Issue 13, plan review in pull requests: the Markdown of a large plan fits a GitHub comment, keeps the summary and
/// every blocker, cuts detail whole blocks at a time, says what it cut, and carries a marker to update one comment.
/// </summary>
public sealed class PullRequestMarkdownTests : IDisposable
{
    private const int Roles = 2_500;
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-pr-").FullName;
    private readonly string _export;

    public PullRequestMarkdownTests()
    {
        // 2,500 admin roles (an entry and a policy each: 5,000 changes), and a few rows that are blockers.
        var rows = new StringBuilder();
        for (var i = 0; i < Roles; i++)
        {
            rows.Append($"    - rolearn: arn:aws:iam::111122223333:role/team-{i:0000}\n      username: team-{i:0000}:{{{{SessionName}}}}\n      groups: [system:masters, team-{i % 40}]\n");
        }

        for (var i = 0; i < 5; i++)
        {
            rows.Append($"    - rolearn: arn:aws:iam::111122223333:role/monitor-{i}\n      username: monitor-{i}\n      groups: [system:monitoring]\n");
        }

        _export = Path.Combine(_dir, "aws-auth.yaml");
        File.WriteAllText(_export, $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: aws-auth, namespace: kube-system}}\ndata:\n  mapRoles: |\n{rows}");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<CliRun.Result> PlanAsync(params string[] more) =>
        CliRun.RunAsync(["plan", "--from", _export, "--cluster", "big", "--region", "eu-west-1", "--account", "111122223333", .. more]);

    [Fact]
    public async Task AFiveThousandChangePlan_FitsAComment_KeepsEveryBlocker_AndSaysWhatItCut()
    {
        var planFile = Path.Combine(_dir, "plan.json");
        var result = await PlanAsync("--format", "markdown", "--out", planFile);

        Assert.Equal(0, result.ExitCode);
        var markdown = result.Out;
        var plan = PlanJson.Deserialize(await File.ReadAllTextAsync(planFile), planFile);
        Assert.Equal(2 * Roles + 1, plan.Changes.Length);
        Assert.True(markdown.Length <= 65_000, $"{markdown.Length} characters");
        Assert.StartsWith($"<!-- eks-access-migrator: cluster=big, region=eu-west-1, account=111122223333, phase=migrate, plan={SavedHash(planFile)} -->", markdown, StringComparison.Ordinal);
        Assert.Contains("| 5001 | 1 | 0 | 5 |", markdown, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Contains($"arn:aws:iam::111122223333:role/monitor-{i}", markdown, StringComparison.Ordinal));
        var note = Regex.Match(markdown, @"\(65,000 characters\), (\d+) change\(s\)");
        Assert.True(note.Success, "the end says how many changes were cut");
        var shownRows = Regex.Count(markdown, @"^\| `arn:aws:iam::111122223333:role/team-\d{4}` \|", RegexOptions.Multiline);
        Assert.Equal(plan.Changes.Length - 1, shownRows + int.Parse(note.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("show PLAN --format markdown --full", markdown, StringComparison.Ordinal);
        AssertWellFormed(markdown);
    }

    [Fact]
    public async Task WithoutOut_TheMarkerCarriesTheHashOfTheFileThatPlanWrites()
    {
        var planFile = Path.Combine(_dir, "plan.json");
        await PlanAsync("--out", planFile);

        var result = await PlanAsync("--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"plan={SavedHash(planFile)} -->", result.Out.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_RendersEverything_AndSmallPlansAreNeverCut()
    {
        var planFile = Path.Combine(_dir, "plan.json");
        await PlanAsync("--out", planFile);

        var full = await CliRun.RunAsync("show", planFile, "--format", "markdown", "--full");
        var small = await CliRun.RunAsync(Examples.EveryRule("--format", "markdown"));

        Assert.True(full.Out.Length > 65_000);
        Assert.DoesNotContain("not shown here", full.Out, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, Roles).Where(i => i % 97 == 0), i => Assert.Contains($"role/team-{i:0000}`", full.Out, StringComparison.Ordinal));
        Assert.Contains("<details><summary>2500 CreateAccessEntry change(s)</summary>", full.Out, StringComparison.Ordinal);
        AssertWellFormed(full.Out);
        Assert.DoesNotContain("not shown here", small.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitCodeOnBlockers_FailsTheCheck_WhateverElseThePlanHas()
    {
        var planFile = Path.Combine(_dir, "plan.json");
        var plan = await PlanAsync("--out", planFile, "--exit-code-on-blockers", "--detailed-exitcode");
        var show = await CliRun.RunAsync("show", planFile, "--exit-code-on-blockers");
        var clean = await CliRun.RunAsync(Examples.PartlyMigrated("--exit-code-on-blockers"));

        Assert.Equal(4, plan.ExitCode);
        Assert.Equal(4, show.ExitCode);
        Assert.Equal(0, clean.ExitCode);
    }

    /// <summary>Every code fence and every details element that opens also closes.</summary>
    private static void AssertWellFormed(string markdown)
    {
        var fences = Regex.Count(markdown, "^```", RegexOptions.Multiline);
        Assert.True(fences % 2 == 0, $"{fences} fence lines");
        Assert.Equal(Regex.Count(markdown, "<details"), Regex.Count(markdown, "</details>"));
    }

    private static string SavedHash(string file) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
}
