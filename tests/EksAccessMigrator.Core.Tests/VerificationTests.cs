using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Reports;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests;

public sealed class VerificationTests
{
    private const string Roles = "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n- rolearn: arn:aws:iam::111122223333:role/dev\n  username: dev\n";

    [Fact]
    public void NothingAppliedYet_EverySubjectIsMissing()
    {
        var saved = PlanRoles(Roles);

        var report = VerificationReport.ForPlan(saved, PlanRoles(Roles));

        Assert.False(report.AllOk);
        Assert.All(report.Subjects, s => Assert.Equal(VerifiedSubject.Missing, s.Status));
        Assert.Equal(4, report.Subjects.Length);
    }

    [Fact]
    public void EverythingApplied_EverySubjectIsOk()
    {
        var saved = PlanRoles(Roles);
        var now = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap, existing:
        [
            Entry("arn:aws:iam::111122223333:role/admin", "STANDARD", "admin", [], (Admin, AccessScope.Cluster)),
            Entry("arn:aws:iam::111122223333:role/dev", "STANDARD", "dev", []),
        ]));

        var report = VerificationReport.ForPlan(saved, now);

        Assert.True(report.AllOk, string.Join("\n", report.Subjects));
    }

    [Fact]
    public void SomeoneChangedAnEntry_ItIsDifferent()
    {
        var saved = PlanRoles(Roles);
        var now = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap, existing:
        [
            Entry("arn:aws:iam::111122223333:role/admin", "STANDARD", "admin", [], (Admin, AccessScope.Cluster)),
            Entry("arn:aws:iam::111122223333:role/dev", "STANDARD", "someone-else", []),
        ]));

        var report = VerificationReport.ForPlan(saved, now);

        Assert.Equal(VerifiedSubject.Different, Assert.Single(report.Subjects, s => s.Address.EndsWith("role/dev", StringComparison.Ordinal)).Status);
        Assert.False(report.AllOk);
    }

    [Fact]
    public void WithoutAPlan_BlockersAndMissingEntriesAreNotOk()
    {
        var now = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles, mapAccounts: "- \"555555555555\"\n"), mode: AuthenticationMode.ApiAndConfigMap, existing:
        [
            Entry("arn:aws:iam::111122223333:role/admin", "STANDARD", "admin", [], (Admin, AccessScope.Cluster)),
        ]));

        var report = VerificationReport.ForCluster(now);

        Assert.Contains(report.Subjects, s => s.Status == VerifiedSubject.Blocked);
        Assert.Contains(report.Subjects, s => s is { Status: VerifiedSubject.Missing, Address: "access-entry/arn:aws:iam::111122223333:role/dev" });
        Assert.Contains(report.Subjects, s => s is { Status: VerifiedSubject.Ok, Address: "access-entry/arn:aws:iam::111122223333:role/admin" });
    }
}
