using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Rules P1-P5: reading aws-auth as aws-iam-authenticator reads it.</summary>
public sealed class ReadingAwsAuthTests
{
    [Fact]
    public void P1_SectionKeysAreCaseSensitive_AnotherKeyWarnsAndIsNotMigrated()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(extra: ("mapusers", "- userarn: arn:aws:iam::111122223333:user/carol\n  username: carol\n"))));

        var finding = plan.Single(FindingCodes.AwsAuthUnknownKey);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("mapUsers", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void P1_EntryKeysAreCaseInsensitive()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(
            mapRoles: "- RoleArn: arn:aws:iam::111122223333:role/a\n  UserName: a\n  GROUPS: [dev]\n",
            mapUsers: "- userARN: arn:aws:iam::111122223333:user/b\n  username: b\n")));

        Assert.Equal<string>(["dev"], plan.Entry("arn:aws:iam::111122223333:role/a").KubernetesGroups);
        Assert.Equal("a", plan.Entry("arn:aws:iam::111122223333:role/a").Username);
        Assert.Equal("b", plan.Entry("arn:aws:iam::111122223333:user/b").Username);
    }

    [Fact]
    public void P1_UnknownFieldInAnEntryWarnsAndTheEntryStillCounts()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/a\n  username: a\n  gropus: [dev]\n");

        Assert.Equal(Severity.Warning, plan.Single(FindingCodes.AwsAuthUnknownField).Severity);
        Assert.Empty(plan.Entry("arn:aws:iam::111122223333:role/a").KubernetesGroups);
    }

    [Fact]
    public void P1_NumbersAndBooleansAreReadAsTheirText()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(
            mapRoles: "- rolearn: arn:aws:iam::111122223333:role/a\n  username: 12345\n  groups: [true]\n",
            mapAccounts: "- 555555555555\n")));

        var entry = plan.Entry("arn:aws:iam::111122223333:role/a");
        Assert.Equal("12345", entry.Username);
        Assert.Equal<string>(["true"], entry.KubernetesGroups);
        Assert.Equal("account:555555555555", plan.Single(FindingCodes.MapAccountsUnsupported).Subject);
    }

    [Fact]
    public void P2_SectionThatDoesNotParseIsDroppedWhole_WithItsLine()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(
            mapRoles: "- rolearn: arn:aws:iam::111122223333:role/a\n  username: a\n- rolearn: [unclosed\n",
            mapUsers: "- userarn: arn:aws:iam::111122223333:user/b\n  username: b\n")));

        var finding = plan.Single(FindingCodes.AwsAuthSectionInvalid);
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Equal("aws-auth/mapRoles", finding.Subject);
        Assert.Matches(@"aws-auth\.yaml:\d+", finding.Message);
        Assert.False(plan.HasEntryFor("role/a"));
        Assert.True(plan.HasEntryFor("user/b"));
    }

    [Fact]
    public void P2_SectionWrittenAsAYamlListInsteadOfAStringIsInvalid()
    {
        var awsAuth = AwsAuthOf() with
        {
            Data = [new Inventory.AwsAuthDataValue("mapRoles", null, false, new Inventory.SourceLocation("cm.yaml", 8), 0)],
        };

        var plan = Plan(ClusterOf(awsAuth));

        Assert.Contains("not a string", plan.Single(FindingCodes.AwsAuthSectionInvalid).Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Theory]
    [InlineData("- rolearn: arn:aws:iam::111122223333:role/a\n  groups: system:masters\n")]
    [InlineData("- rolearn: arn:aws:iam::111122223333:role/a\n  username: [a, b]\n")]
    [InlineData("- rolearn: arn:aws:iam::111122223333:role/a\n- just-a-string\n")]
    [InlineData("rolearn: arn:aws:iam::111122223333:role/a\n")]
    public void P2_WrongTypeAnywhereDropsTheWholeSection(string mapRoles)
    {
        var plan = PlanRoles(mapRoles + "- rolearn: arn:aws:iam::111122223333:role/good\n  username: good\n");

        Assert.Equal(Severity.Blocker, plan.Single(FindingCodes.AwsAuthSectionInvalid).Severity);
        Assert.Empty(plan.Changes);
    }

    [Theory]
    [InlineData("- username: nobody\n  groups: [dev]\n", "neither rolearn nor sso")]
    [InlineData("- rolearn: arn:aws:iam::111122223333:role/a\n  sso:\n    permissionSetName: Admin\n    accountID: \"111122223333\"\n", "both rolearn and sso")]
    [InlineData("- sso:\n    permissionSetName: Admin\n", "without accountID")]
    public void P3_InvalidRoleEntryIsIgnoredWithAWarning(string mapRoles, string reason)
    {
        var plan = PlanRoles(mapRoles);

        var finding = plan.Single(FindingCodes.AwsAuthEntryInvalid);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains(reason, finding.Message, StringComparison.Ordinal);
        Assert.Equal<string>(["aws-auth/mapRoles[0]"], finding.Sources);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void P3_UserEntryWithoutUserArnIsIgnored()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(mapUsers: "- username: bob\n  groups: [dev]\n")));

        Assert.Equal("aws-auth/mapUsers[0]", plan.Single(FindingCodes.AwsAuthEntryInvalid).Subject);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void P4_RoleDuplicatesCompareCaseInsensitively_AndTheLastWins()
    {
        var plan = PlanRoles(
            "- rolearn: arn:aws:iam::111122223333:role/Dev\n  username: first\n" +
            "- rolearn: arn:aws:iam::111122223333:role/other\n  username: other\n" +
            "- rolearn: arn:aws:iam::111122223333:role/dev\n  username: last\n");

        var duplicate = plan.Single(FindingCodes.AwsAuthDuplicate);
        Assert.Equal(Severity.Warning, duplicate.Severity);
        Assert.Equal<string>(["aws-auth/mapRoles[0]", "aws-auth/mapRoles[2]"], duplicate.Sources);
        var entry = Assert.Single(plan.Changes<Plans.CreateAccessEntryChange>(), c => c.PrincipalArn.EndsWith("role/dev", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("last", entry.Username);
    }

    [Fact]
    public void P4_P7_UserArnsCompareCaseInsensitively_AsTheAuthenticatorKeysBothMaps_AndTheLastWins()
    {
        // aws-iam-authenticator keys mapUsers by the lower-cased userarn, as it keys mapRoles: two rows that differ
        // only in case are one caller's, and the later one is in effect.
        var plan = Plan(ClusterOf(AwsAuthOf(mapUsers:
            "- userarn: arn:aws:iam::111122223333:user/Bob\n  username: upper\n  groups: [system:masters]\n" +
            "- userarn: arn:aws:iam::111122223333:user/bob\n  username: lower\n")));

        Assert.True(plan.Has(FindingCodes.AwsAuthDuplicate));
        Assert.Equal("lower", Assert.Single(plan.Changes<Plans.CreateAccessEntryChange>()).Username);
        Assert.Empty(plan.Changes<Plans.AssociateAccessPolicyChange>());
    }

    [Theory]
    [InlineData("arn:aws:iam::11111111111:role/eleven-digits")]
    [InlineData("arn:aws:iam:eu-west-1:111122223333:role/with-region")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("not-an-arn")]
    [InlineData("arn:aws:iam::111122223333:group/admins")]
    [InlineData("arn:aws:iam::111122223333:user/in-maproles")]
    public void P5_UnparsableArnIsABlocker_AndNothingCrashes(string arn)
    {
        var plan = PlanRoles($"- rolearn: \"{arn}\"\n  username: x\n");

        var finding = plan.Single(FindingCodes.PrincipalArnInvalid);
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Equal(arn, finding.Subject);
        Assert.Empty(plan.Changes);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1111", "arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_1111")]
    [InlineData("arn:aws:iam::111122223333:role/team/x", "arn:aws:iam::111122223333:role/x")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/x/session", "arn:aws:iam::111122223333:role/x")]
    public void P6_RowThatNoCallerMatchesIsInert_AndNamesTheArnItWouldHaveNeeded(string written, string canonical)
    {
        var plan = PlanRoles(
            $"- rolearn: \"{written}\"\n  username: admin\n  groups: [system:masters]\n",
            Iam("arn:aws:iam::111122223333:role/team/x", "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1111"));

        var finding = plan.Single(FindingCodes.AwsAuthRowNeverMatched);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains(canonical, finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void P6_PathfulRowNeitherShadowsNorWins_ThePathlessRowIsMigrated()
    {
        // The Identity Center scenario of issue 8: a read-only role mapped path-less to viewers, and a later
        // path-ful row for system:masters that never matched. Today the role is a viewer, never an admin.
        const string real = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnly_1111";
        var plan = PlanRoles(
            "- rolearn: arn:aws:iam::111122223333:role/AWSReservedSSO_ReadOnly_1111\n  username: viewer\n  groups: [viewers]\n" +
            $"- rolearn: {real}\n  username: admin\n  groups: [system:masters]\n",
            Iam(real));

        var entry = plan.Entry(real);
        Assert.Equal("viewer", entry.Username);
        Assert.Equal<string>(["viewers"], entry.KubernetesGroups);
        Assert.Empty(plan.Changes<Plans.AssociateAccessPolicyChange>());
        Assert.False(plan.Has(FindingCodes.AwsAuthDuplicate));
        Assert.Equal("aws-auth/mapRoles[1]", Assert.Single(plan.Single(FindingCodes.AwsAuthRowNeverMatched).Sources));
    }

    [Fact]
    public void P6_UserRowWithoutTheUsersRealPathNeverMatched()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapUsers: "- userarn: arn:aws:iam::111122223333:user/bob\n  username: bob\n  groups: [system:masters]\n"),
            Iam("arn:aws:iam::111122223333:user/staff/bob")));

        var finding = plan.Single(FindingCodes.AwsAuthRowNeverMatched);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("arn:aws:iam::111122223333:user/staff/bob", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void P7_RoleArnInMapUsersMatchesLikeARoleRow()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapUsers: "- userarn: arn:aws:iam::111122223333:role/ops\n  username: ops\n  groups: [ops]\n"),
            Iam("arn:aws:iam::111122223333:role/team/ops")));

        var entry = plan.Entry("arn:aws:iam::111122223333:role/team/ops");
        Assert.Equal("ops", entry.Username);
        Assert.False(plan.Has(FindingCodes.PrincipalArnInvalid));
    }

    [Fact]
    public void P7_MapRolesIsTriedBeforeMapUsers_WhateverTheOrder()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(
                mapRoles: "- rolearn: arn:aws:iam::111122223333:role/ops\n  username: from-roles\n  groups: [viewers]\n",
                mapUsers: "- userarn: arn:aws:iam::111122223333:role/OPS\n  username: from-users\n  groups: [system:masters]\n"),
            Iam("arn:aws:iam::111122223333:role/ops")));

        Assert.Equal("from-roles", plan.Entry("arn:aws:iam::111122223333:role/ops").Username);
        Assert.Empty(plan.Changes<Plans.AssociateAccessPolicyChange>());
        var duplicate = plan.Single(FindingCodes.AwsAuthDuplicate);
        Assert.Contains("mapRoles before mapUsers", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("aws-auth/mapUsers[0]", duplicate.Sources);
    }

    [Theory]
    [InlineData("mapUsers")]
    [InlineData("mapRoles")]
    public void P7_AccountRootIsUnsupported_WithAnAccurateMessage(string section)
    {
        var row = section == "mapUsers"
            ? "- userarn: arn:aws:iam::111122223333:root\n  username: root\n  groups: [system:masters]\n"
            : "- rolearn: arn:aws:iam::111122223333:root\n  username: root\n  groups: [system:masters]\n";
        var plan = Plan(ClusterOf(section == "mapUsers" ? AwsAuthOf(mapUsers: row) : AwsAuthOf(mapRoles: row)));

        var finding = plan.Single(FindingCodes.RootPrincipalUnsupported);
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Contains("accepts an access entry for a root principal and then ignores it", finding.Message, StringComparison.Ordinal);
        Assert.False(plan.Has(FindingCodes.PrincipalArnInvalid));
        Assert.Empty(plan.Changes);
    }
}
