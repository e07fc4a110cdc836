using EksAccessMigrator.Cli.Tests.Support;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>
/// Rules N1-N3 offline, from a get-account-authorization-details file beside the kube2iam example: the findings and
/// the posture section of the plan and the scan, against checked-in golden files.
/// </summary>
public sealed class PostureGoldenTests
{
    [Theory]
    [InlineData("markdown", "migrate", "posture.plan.md")]
    [InlineData("table", "finalize", "posture.finalize.plan.txt")]
    public async Task Kube2iamWithNodeRolePolicies(string format, string phase, string golden)
    {
        var result = await CliRun.RunAsync(WorkloadExamples.Kube2iamPosture("--format", format, "--phase", phase));

        Assert.True(result.ExitCode == 0, result.Error);
        Golden.Verify(golden, result.NormalizedOut);
    }

    [Fact]
    public async Task ScanShowsThePostureOfTheNodeRoles()
    {
        var dir = Repo.Path_("playbooks", "examples", "kube2iam-cluster");
        var result = await CliRun.RunAsync(["scan", "--from", Path.Combine(dir, "cluster-export.yaml"), "--iam-snapshot", Path.Combine(dir, "node-role-details.json")]);

        Assert.True(result.ExitCode == 0, result.Error);
        Golden.Verify("posture.scan.txt", result.NormalizedOut);
    }

    [Fact]
    public async Task N1_N2_N3_FromAnAuthorizationDetailsFile_EndUpInThePlanFile()
    {
        var result = await CliRun.RunAsync(WorkloadExamples.Kube2iamPosture("--format", "json"));
        var plan = PlanJson.Deserialize(result.Out, "posture");

        var role = Assert.Single(plan.NodeRoles!.Value);
        Assert.Equal("arn:aws:iam::111122223333:role/shop-nodes", role.RoleArn);
        Assert.Contains("inline kube2iam-assume: sts:AssumeRole on * (N2)", role.Today);
        Assert.Equal(2, plan.Findings.Count(f => f.Code == FindingCodes.NodeRoleExtraPolicy));
        Assert.Single(plan.Findings, f => f.Code == FindingCodes.NodeRoleAssumeAny);
        Assert.Single(plan.Findings, f => f.Code == FindingCodes.CniPolicyOnNodeRole);
    }
}
