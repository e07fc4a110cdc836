using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
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

    [Fact]
    public void X1_FieldsTheAuthenticatorDoesNotKnow_OrThatBelongToTheOtherSection_AreReportedAndIgnored()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(
            mapRoles: "- rolearn: arn:aws:iam::111122223333:role/a\n  username: a\n  gropus: [dev]\n",
            mapUsers: "- userarn: arn:aws:iam::111122223333:user/b\n  username: b\n  rolearn: arn:aws:iam::111122223333:role/b\n")));

        var unknown = plan.Findings.Where(f => f.Code == FindingCodes.AwsAuthUnknownField).ToList();
        Assert.Equal(2, unknown.Count);
        Assert.All(unknown, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(unknown, f => f.Subject == "aws-auth/mapRoles[0]" && f.Message.Contains("'gropus' is not a field the authenticator knows", StringComparison.Ordinal));
        Assert.Contains(unknown, f => f.Subject == "aws-auth/mapUsers[0]" && f.Message.Contains("'rolearn' does not belong in mapUsers", StringComparison.Ordinal));
        Assert.Empty(plan.Entry("arn:aws:iam::111122223333:role/a").KubernetesGroups);
        Assert.Equal("b", plan.Entry("arn:aws:iam::111122223333:user/b").Username);
    }

    [Fact]
    public void X8_InputsWithoutAnyIdentity_MigrateNothing_AndSaySo()
    {
        var empty = Plan(ClusterOf(null));
        var withAwsAuth = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/a\n  username: a\n");

        Assert.Equal(Severity.Warning, empty.Single(FindingCodes.NothingToMigrate).Severity);
        Assert.Equal("inputs", empty.Single(FindingCodes.NothingToMigrate).Subject);
        Assert.False(withAwsAuth.Has(FindingCodes.NothingToMigrate));
    }

    [Fact]
    public void X9_AnOfflinePlanInApiAndConfigMapWithoutTheExistingEntries_SaysTheyAreUnknown()
    {
        var awsAuth = AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/a\n  username: a\n");

        var unknown = Plan(ClusterOf(awsAuth, mode: AuthenticationMode.ApiAndConfigMap));
        var known = Plan(ClusterOf(awsAuth, mode: AuthenticationMode.ApiAndConfigMap, existing: []));
        var configMap = Plan(ClusterOf(awsAuth));

        var finding = unknown.Single(FindingCodes.AccessEntriesUnknown);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("cluster/access-entries", finding.Subject);
        Assert.False(known.Has(FindingCodes.AccessEntriesUnknown));
        Assert.False(configMap.Has(FindingCodes.AccessEntriesUnknown));
        unknown.Entry("arn:aws:iam::111122223333:role/a");
    }
}
