using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Cli.Fleet;
using EksAccessMigrator.Core.Fleet;

namespace EksAccessMigrator.Cli.Tests;

/// <summary>Plan options apply to all clusters from the command line, or per cluster from the inventory's <c>plan:</c>.</summary>
public sealed class FleetPlanOptionsTests
{
    [Fact]
    public void TheInventorysValues_WinForTheirCluster_AndTheCommandLinesStayForTheRest()
    {
        var plan = new PlanOptions { Phase = "migrate", BreakGlassArn = ["arn:aws:iam::111122223333:role/break-glass"], RewriteSessionNameRaw = true };
        var workloads = new WorkloadOptions { Kube2iamBaseRoleArn = "arn:aws:iam::111122223333:role/", IncludeIrsa = false, NamespaceRestrictions = true, KiamRoleBaseArn = "arn:aws:iam::111122223333:role/kiam/" };
        var cluster = new FleetPlanSettings { Phase = "cutover", Kube2iamBaseRoleArn = "arn:aws:iam::444455556666:role/", IncludeIrsa = true, IamRoleKey = "example.com/role" };

        var mergedPlan = FleetPlanStep.PlanOptionsFor(plan, cluster);
        var mergedWorkloads = FleetPlanStep.WorkloadOptionsFor(workloads, cluster);

        Assert.Equal("cutover", mergedPlan.Phase);
        Assert.Equal(["arn:aws:iam::111122223333:role/break-glass"], mergedPlan.BreakGlassArn);
        Assert.True(mergedPlan.RewriteSessionNameRaw);
        Assert.Equal("arn:aws:iam::444455556666:role/", mergedWorkloads.Kube2iamBaseRoleArn);
        Assert.True(mergedWorkloads.IncludeIrsa);
        Assert.Equal("example.com/role", mergedWorkloads.IamRoleKey);
        Assert.True(mergedWorkloads.NamespaceRestrictions);
        Assert.Equal("arn:aws:iam::111122223333:role/kiam/", mergedWorkloads.KiamRoleBaseArn);
    }

    [Fact]
    public void WithoutPlanSettings_TheCommandLineAppliesAsGiven()
    {
        var plan = new PlanOptions { Phase = "finalize", TargetMode = "API" };
        var workloads = new WorkloadOptions { IncludeIrsa = true };

        Assert.Equal("finalize", FleetPlanStep.PlanOptionsFor(plan, FleetPlanSettings.None).Phase);
        Assert.Equal("API", FleetPlanStep.PlanOptionsFor(plan, FleetPlanSettings.None).TargetMode);
        Assert.True(FleetPlanStep.WorkloadOptionsFor(workloads, FleetPlanSettings.None).IncludeIrsa);
    }
}
