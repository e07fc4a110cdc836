using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Project rules (X) for cases the reference leaves open; see docs/mapping-rules.md.</summary>
public sealed class ProjectRulesTests
{
    [Fact]
    public void X3_NoAwsAuthSaysThereIsNothingToMigrate()
    {
        var plan = Plan(ClusterOf(null));

        Assert.Equal(Severity.Info, plan.Single(FindingCodes.AwsAuthNotFound).Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void X5_UserIdIsReportedBecauseEntriesBindToTheArnOnly()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/a\n  userid: AROAEXAMPLE1234\n  username: a\n");

        var finding = plan.Single(FindingCodes.UserIdNotMigratable);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("AROAEXAMPLE1234", finding.Message, StringComparison.Ordinal);
        plan.Entry("arn:aws:iam::111122223333:role/a");
    }
}
