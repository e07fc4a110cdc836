using System.Text;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Rules A1-A11: aws-auth mappings to access entries.</summary>
public sealed class AccessEntryRulesTests
{
    private const string NodeGroups = "  groups:\n    - system:bootstrappers\n    - system:nodes\n";

    [Fact]
    public void A1_RealArnWithPathComesFromIam()
    {
        var plan = PlanRoles(
            "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n",
            Iam("arn:aws:iam::111122223333:role/teams/platform/admin"));

        plan.Entry("arn:aws:iam::111122223333:role/teams/platform/admin");
        Assert.False(plan.Has(FindingCodes.PrincipalPathUnverified));
    }

    [Fact]
    public void A1_WithoutIamDataForTheAccountThePathIsUnverified()
    {
        var plan = PlanRoles(
            "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n",
            Iam("arn:aws:iam::999988887777:role/admin"));

        plan.Entry("arn:aws:iam::111122223333:role/admin");
        Assert.Equal(Severity.Warning, plan.Single(FindingCodes.PrincipalPathUnverified).Severity);
    }

    [Fact]
    public void A1_NeverResolvesToARoleOfTheSameNameInAnotherAccount()
    {
        var plan = PlanRoles(
            "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n",
            Iam("arn:aws:iam::999988887777:role/teams/admin", "arn:aws:iam::111122223333:role/other"));

        Assert.Equal(Severity.Blocker, plan.Single(FindingCodes.PrincipalNotFound).Severity);
        Assert.Empty(plan.Changes);
    }

    [Theory]
    [InlineData("[system:bootstrappers, system:nodes]", AccessEntryType.Ec2Linux)]
    [InlineData("[system:nodes]", AccessEntryType.Ec2Linux)]
    [InlineData("[system:bootstrappers, system:nodes, eks:kube-proxy-windows]", AccessEntryType.Ec2Windows)]
    public void A2_Ec2NodeRolesBecomeNodeEntries(string groups, AccessEntryType type)
    {
        var plan = PlanRoles($"- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{{{EC2PrivateDNSName}}}}\n  groups: {groups}\n");

        var entry = plan.Entry("arn:aws:iam::111122223333:role/nodes");
        Assert.Equal(type, entry.Type);
        Assert.Null(entry.Username);
        Assert.Empty(entry.KubernetesGroups);
        Assert.Empty(plan.Changes<AssociateAccessPolicyChange>());
    }

    [Fact]
    public void A2_FargatePodExecutionRoleBecomesFargateEntry()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/fargate\n  username: system:node:{{SessionName}}\n  groups: [system:bootstrappers, system:nodes, system:node-proxier]\n");

        Assert.Equal(AccessEntryType.FargateLinux, plan.Entry("arn:aws:iam::111122223333:role/fargate").Type);
    }

    [Fact]
    public void A2_SessionNameNodeWithoutNodeProxierIsAHybridNodeEntry()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/hybrid\n  username: system:node:{{SessionName}}\n  groups: [system:bootstrappers, system:nodes]\n");

        var entry = plan.Entry("arn:aws:iam::111122223333:role/hybrid");
        Assert.Equal(AccessEntryType.HybridLinux, entry.Type);
        Assert.Null(entry.Username);
        Assert.False(plan.Has(FindingCodes.NodeMappingUnrecognized));
    }

    [Fact]
    public void A2_RoleMappedAsLinuxAndAsWindowsNodeIsSharedAcrossOs()
    {
        var plan = PlanRoles(
            "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n" + NodeGroups +
            "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes, eks:kube-proxy-windows]\n");

        var finding = plan.Single(FindingCodes.NodeRoleSharedOs);
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Equal<string>(["aws-auth/mapRoles[0]", "aws-auth/mapRoles[1]"], finding.Sources);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A2_WindowsNodeRowForARoleEksGaveALinuxEntryIsSharedAcrossOs()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes, eks:kube-proxy-windows]\n"),
            mode: AuthenticationMode.ApiAndConfigMap,
            existing: [Entry("arn:aws:iam::111122223333:role/nodes", "EC2_LINUX", null, [])]));

        Assert.Equal(Severity.Blocker, plan.Single(FindingCodes.NodeRoleSharedOs).Severity);
        Assert.False(plan.Has(FindingCodes.AccessEntryConflict));
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A2_NodeRoleOfAnotherAccountIsBlocked()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::444455556666:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n" + NodeGroups);

        Assert.Equal(Severity.Blocker, plan.Single(FindingCodes.NodeRoleCrossAccount).Severity);
        Assert.Empty(plan.Changes);
    }

    [Theory]
    [InlineData("system:node:{{EC2PrivateDNSName}}", "[system:nodes, gpu-operators]")]
    [InlineData("system:node:{{EC2PrivateDNSName}}", "[system:bootstrappers]")]
    [InlineData("system:node:custom", "[system:nodes]")]
    [InlineData("system:node:{{SessionName}}", "[system:bootstrappers]")]
    [InlineData("someone", "[system:nodes]")]
    public void A2_NodeLikeMappingOfAnotherShapeIsBlocked(string username, string groups)
    {
        var plan = PlanRoles($"- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: \"{username}\"\n  groups: {groups}\n");

        Assert.Equal(Severity.Blocker, plan.Single(FindingCodes.NodeMappingUnrecognized).Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A2_NodeUsernameInMapUsersIsNotANodeEntry()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(mapUsers: "- userarn: arn:aws:iam::111122223333:user/n\n  username: system:node:{{EC2PrivateDNSName}}\n" + NodeGroups)));

        Assert.True(plan.Has(FindingCodes.NodeMappingUnrecognized));
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A3_SystemMastersBecomesClusterAdminPolicy_KeepingTheOtherGroups()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters, platform-team, oncall]\n");

        var entry = plan.Entry("arn:aws:iam::111122223333:role/admin");
        Assert.Equal(AccessEntryType.Standard, entry.Type);
        Assert.Equal<string>(["platform-team", "oncall"], entry.KubernetesGroups);
        var policy = Assert.Single(plan.Changes<AssociateAccessPolicyChange>());
        Assert.Equal("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", policy.PolicyArn);
        Assert.Equal(AccessScopeType.Cluster, policy.AccessScope.Type);
        Assert.Equal(entry.PrincipalArn, policy.PrincipalArn);
    }

    [Fact]
    public void A4_OtherSystemGroupsBlockThePrincipal()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/mon\n  username: prometheus\n  groups: [monitoring, system:monitoring]\n");

        var finding = plan.Single(FindingCodes.GroupNotMigratable);
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Contains("system:monitoring", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A4_SystemMastersWithAnotherSystemGroupIsBlockedToo()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/a\n  username: a\n  groups: [system:masters, system:authenticated]\n");

        Assert.True(plan.Has(FindingCodes.GroupNotMigratable));
        Assert.Empty(plan.Changes);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("dev:{{SessionName}}")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/dev/{{SessionName}}")]
    public void A5_UsernamesAreCopiedAsWritten(string username)
    {
        var plan = PlanRoles($"- rolearn: arn:aws:iam::111122223333:role/dev\n  username: \"{username}\"\n  groups: [dev]\n");

        Assert.Equal(username, plan.Entry("arn:aws:iam::111122223333:role/dev").Username);
    }

    [Theory]
    [InlineData("{{SessionName}}")]
    [InlineData("dev-{{SessionName}}")]
    [InlineData("dev:{{SessionNameRaw}}")]
    [InlineData("user:{{AccessKeyID}}")]
    [InlineData("acct:{{AccountID}}")]
    [InlineData("node:{{EC2PrivateDNSName}}")]
    [InlineData("x:{{Unknown}}")]
    public void A5_UnsupportedUsernameTemplatesBlock(string username)
    {
        var plan = PlanRoles($"- rolearn: arn:aws:iam::111122223333:role/dev\n  username: \"{username}\"\n");

        Assert.Equal(Severity.Blocker, plan.Single(FindingCodes.UsernameTemplateUnsupported).Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A5_TemplatesInGroupsBlock()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/dev\n  username: dev\n  groups: [\"team-{{SessionName}}\"]\n");

        Assert.True(plan.Has(FindingCodes.UsernameTemplateUnsupported));
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A5_SessionNameRawIsRewrittenOnlyWhenAsked()
    {
        const string roles = "- rolearn: arn:aws:iam::111122223333:role/dev\n  username: \"dev:{{SessionNameRaw}}\"\n";

        var plan = PlanRoles(roles, options: new PlannerOptions { RewriteSessionNameRaw = true });

        Assert.Equal("dev:{{SessionName}}", plan.Entry("arn:aws:iam::111122223333:role/dev").Username);
        Assert.Equal(Severity.Warning, plan.Single(FindingCodes.SessionNameRawRewritten).Severity);
    }

    [Theory]
    [InlineData("system:admin")]
    [InlineData("eks:thing")]
    [InlineData("aws:user")]
    [InlineData("amazon:x")]
    [InlineData("iam:x")]
    public void A5_ReservedUsernamePrefixesBlock(string username)
    {
        var plan = PlanRoles($"- rolearn: arn:aws:iam::111122223333:role/dev\n  username: \"{username}\"\n  groups: [dev]\n");

        Assert.Equal(Severity.Blocker, plan.Single(FindingCodes.UsernameReservedPrefix).Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A5_NoUsernameMeansEksGeneratesOne()
    {
        var plan = PlanRoles("- rolearn: arn:aws:iam::111122223333:role/readers\n  groups: [viewers]\n");

        Assert.Null(plan.Entry("arn:aws:iam::111122223333:role/readers").Username);
        Assert.Equal(Severity.Warning, plan.Single(FindingCodes.UsernameGenerated).Severity);
    }

    [Fact]
    public void A6_MapAccountsIsUnsupported_OneBlockerPerAccount()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(mapAccounts: "- \"555555555555\"\n- \"666666666666\"\n")));

        var findings = plan.Findings.Where(f => f.Code == FindingCodes.MapAccountsUnsupported).ToList();
        Assert.Equal<string>(["account:555555555555", "account:666666666666"], findings.Select(f => f.Subject));
        Assert.All(findings, f => Assert.Equal(Severity.Blocker, f.Severity));
        Assert.Empty(plan.Changes);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/AWSServiceRoleForAmazonEKS", null)]
    [InlineData("arn:aws:iam::111122223333:role/eks-slr", "arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/eks-slr")]
    public void A7_ServiceLinkedRolesCannotHaveEntries(string arn, string? real)
    {
        var plan = PlanRoles($"- rolearn: {arn}\n  username: svc\n", real is null ? null : Iam(real));

        Assert.Equal(Severity.Blocker, plan.Single(FindingCodes.ServiceLinkedRole).Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A8_SsoMatcherExpandsToEveryRoleOfThePermissionSet()
    {
        var plan = PlanRoles(
            "- sso:\n    permissionSetName: Admin\n    accountID: \"111122223333\"\n  username: \"sso:{{SessionName}}\"\n  groups: [system:masters]\n",
            Iam(
                "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_1111",
                "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_2222",
                "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdminLegacy_3333",
                "arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_notreserved"));

        var entries = plan.Changes<CreateAccessEntryChange>();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("sso:{{SessionName}}", e.Username));
        Assert.Equal(2, plan.Changes<AssociateAccessPolicyChange>().Count);
    }

    [Fact]
    public void A8_MatcherThatAlsoMatchesOtherPermissionSetsKeepsThemButSaysSo()
    {
        var plan = PlanRoles(
            "- sso:\n    permissionSetName: EKSAdmin\n    accountID: \"111122223333\"\n  username: \"sso:{{SessionName}}\"\n",
            Iam(
                "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_EKSAdmin_0123456789abcdef",
                "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_EKSAdmin_Audit_fedcba9876543210"));

        Assert.Equal(2, plan.Changes<CreateAccessEntryChange>().Count);
        var finding = plan.Single(FindingCodes.SsoMatcherOverlap);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("AWSReservedSSO_EKSAdmin_Audit_fedcba9876543210", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AWSReservedSSO_EKSAdmin_0123456789abcdef", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A8_SsoMatcherWithoutIamDataIsUnresolved()
    {
        var plan = PlanRoles("- sso:\n    permissionSetName: Admin\n    accountID: \"111122223333\"\n  username: \"sso:{{SessionName}}\"\n");

        Assert.Equal(Severity.Blocker, plan.Single(FindingCodes.SsoMatcherUnresolved).Severity);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A8_ExplicitRoleMappingWinsOverTheSsoMatcherForTheSameRole()
    {
        const string role = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1111";
        var plan = PlanRoles(
            "- rolearn: arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_1111\n  username: explicit\n" +
            "- sso:\n    permissionSetName: Admin\n    accountID: \"111122223333\"\n  username: \"sso:{{SessionName}}\"\n",
            Iam(role));

        Assert.Equal("explicit", plan.Entry(role).Username);
        Assert.True(plan.Has(FindingCodes.AwsAuthDuplicate));
    }

    [Fact]
    public void A9_SameEntryIsANoOp()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/dev\n  username: dev\n  groups: [b, a]\n"),
            mode: AuthenticationMode.ApiAndConfigMap,
            existing: [Entry("arn:aws:iam::111122223333:role/dev", "STANDARD", "dev", ["a", "b"])]));

        Assert.Empty(plan.Changes);
        Assert.Equal("access-entry/arn:aws:iam::111122223333:role/dev", Assert.Single(plan.NoOps).Address);
    }

    [Theory]
    [InlineData("old", "a")]
    [InlineData("dev", "a")]
    [InlineData("old", "a,c")]
    public void A9_AnExistingEntryWithAnotherIdentityIsNeverChanged_TheRowIsReportedAsOverridden(string username, string groups)
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/dev\n  username: dev\n  groups: [a, c]\n"),
            mode: AuthenticationMode.ApiAndConfigMap,
            existing: [Entry("arn:aws:iam::111122223333:role/dev", "STANDARD", username, groups.Split(','))]));

        Assert.Empty(plan.Changes);
        var finding = plan.Single(FindingCodes.AwsAuthRowOverridden);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("Row: username dev, groups [a, c]", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"Entry: username {username}, groups [{string.Join(", ", groups.Split(','))}]", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A9_ClusterAdminIsNotAddedToAnEntryThatHasItOnlyInANamespace()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n"),
            mode: AuthenticationMode.ApiAndConfigMap,
            existing: [Entry("arn:aws:iam::111122223333:role/admin", "STANDARD", "admin", [], (Admin, new AccessScope(AccessScopeType.Namespace, ["team-a"])))]));

        Assert.Empty(plan.Changes);
        var finding = plan.Single(FindingCodes.AwsAuthRowOverridden);
        Assert.Contains("AmazonEKSClusterAdminPolicy (namespace:team-a)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A9_DifferentTypeIsAConflictWarning_TheEntryIsWhatWorks()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/dev\n  username: dev\n"),
            mode: AuthenticationMode.ApiAndConfigMap,
            existing: [Entry("arn:aws:iam::111122223333:role/dev", "EC2_LINUX", null, [])]));

        Assert.Equal(Severity.Warning, plan.Single(FindingCodes.AccessEntryConflict).Severity);
        Assert.Empty(plan.Changes);
        Assert.False(plan.Has(FindingCodes.AwsAuthRowOverridden));
    }

    [Fact]
    public void A9_MissingPoliciesAreNotAdded_ExtraOnesAreReportedAndLeftAlone()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n"),
            mode: AuthenticationMode.ApiAndConfigMap,
            existing: [Entry("arn:aws:iam::111122223333:role/admin", "STANDARD", "admin", [], ("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", AccessScope.Cluster))]));

        Assert.Empty(plan.Changes);
        Assert.True(plan.Has(FindingCodes.AwsAuthRowOverridden));
        Assert.DoesNotContain(plan.Changes, c => c.Action.StartsWith("Disassociate", StringComparison.Ordinal));
    }

    [Fact]
    public void A9_SameIdentityWithExtraPoliciesIsANoOpAndTheExtrasAreReported()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters, ops]\n"),
            mode: AuthenticationMode.ApiAndConfigMap,
            existing: [Entry("arn:aws:iam::111122223333:role/admin", "STANDARD", "admin", ["ops"], (Admin, AccessScope.Cluster), ("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", AccessScope.Cluster))]));

        Assert.Empty(plan.Changes);
        Assert.Equal(Severity.Info, plan.Single(FindingCodes.ExtraAccessPolicy).Severity);
        Assert.False(plan.Has(FindingCodes.AwsAuthRowOverridden));
        Assert.Equal(2, plan.NoOps.Length);
    }

    [Fact]
    public void A10_CreatorAdminEntryThatAwsAuthNeverShowedIsReported()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/dev\n  username: dev\n"),
            mode: AuthenticationMode.ApiAndConfigMap,
            existing: [Entry("arn:aws:iam::111122223333:role/creator", "STANDARD", "creator", [], (Admin, AccessScope.Cluster))]));

        var finding = plan.Single(FindingCodes.ClusterCreatorAdmin);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("arn:aws:iam::111122223333:role/creator", finding.Subject);
    }

    [Fact]
    public void A10_NodeEntryEksCreatedItselfCountsAsDone()
    {
        var plan = Plan(ClusterOf(
            AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n" + NodeGroups),
            mode: AuthenticationMode.ApiAndConfigMap,
            existing: [Entry("arn:aws:iam::111122223333:role/nodes", "EC2_LINUX", "system:node:{{EC2PrivateDNSName}}", ["system:nodes"])]));

        Assert.Empty(plan.Changes);
        Assert.Single(plan.NoOps);
    }

    [Fact]
    public void A11_MoreThan3000EntriesIsBlocked_ThePrincipalsPastTheQuotaStayInAwsAuth()
    {
        var roles = new StringBuilder();
        for (var i = 0; i < 3005; i++)
        {
            roles.Append($"- rolearn: arn:aws:iam::111122223333:role/r{i:D5}\n  username: u{i}\n");
        }

        var plan = PlanRoles(roles.ToString());

        var finding = plan.Single(FindingCodes.AccessEntryQuota);
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Equal(5, finding.Sources.Length);
        Assert.Equal(3000, plan.Changes<CreateAccessEntryChange>().Count);
    }
}
