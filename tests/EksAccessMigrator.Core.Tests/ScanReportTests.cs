using EksAccessMigrator.Core.Reports;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests;

/// <summary>Issue 12: "roles workloads get today" lists only roles the agent really gives (rules K4, K10).</summary>
public sealed class ScanReportTests
{
    [Fact]
    public void RolesGivenToday_LeaveOutHostNetworkPodsAndRolesANamespaceRestrictionRefuses()
    {
        var workloads = Kube2iamCluster(
            [W("apps", "web", "web", "web"), W("apps", "agent", "web", hostNetwork: true), W("locked", "batch", "batch")],
            [Ns("apps", "[\"web\"]"), Ns("locked")],
            null,
            "--namespace-restrictions");

        var report = ScanReport.From("test", null, workloads);

        Assert.Equal(["apps/Deployment/web"], report.Workloads.Select(w => w.Key));
    }
}
