using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Rules N1-N3: what every pod inherits from the node role (and the kiam server role).</summary>
public sealed class NodeRolePostureTests
{
    private const string NodeRole = "arn:aws:iam::111122223333:role/shop-nodes";
    private const string AssumeAny = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";
    private const string AssumeAndLogs = """{"Version":"2012-10-17","Statement":[{"Sid":"Logs","Effect":"Allow","Action":"logs:PutLogEvents","Resource":"*"},{"Effect":"Allow","Action":["sts:AssumeRole"],"Resource":"*"}]}""";
    private static readonly AwsAuthConfigMap NodeRow = Given.AwsAuthOf(mapRoles:
        $"- rolearn: {NodeRole}\n  username: system:node:{{{{EC2PrivateDNSName}}}}\n  groups: [system:bootstrappers, system:nodes]\n");

    private static NodeRolePermissions Role(string arn, string[] attached, params (string Name, string Document)[] inline) =>
        new(arn, [.. attached], [.. inline.Select(i => new RolePolicyDocument(i.Name, i.Document))], "iam.json:RoleDetailList[0]") { UsedBy = ["nodegroup/general"] };

    private static MigrationPlan PlanWith(NodeRolePolicies posture, WorkloadInventory? workloads = null, PlanPhase phase = PlanPhase.Migrate, IamSnapshot? iam = null) =>
        MigrationPlanner.Plan(
            GivenWorkloads.Inventory(workloads ?? Kube2iamCluster([W("apps", "web", "web", "web")]), iam, NodeRow) with { NodeRoles = posture },
            new PlannerOptions { Phase = phase });

    private static NodeRolePolicies Posture(params NodeRolePermissions[] roles) => new([.. roles], []);

    [Fact]
    public void N1_EveryPolicyBeyondWhatNodesNeed_IsAWarningPerPolicy_NamingTheNodeGroups()
    {
        var plan = PlanWith(Posture(Role(NodeRole,
            ["arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/AmazonS3FullAccess"],
            ("logs", """{"Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}"""))));

        var extra = plan.Findings.Where(f => f.Code == FindingCodes.NodeRoleExtraPolicy).ToList();
        Assert.Equal(2, extra.Count);
        Assert.All(extra, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.All(extra, f => Assert.Equal(NodeRole, f.Subject));
        Assert.Contains(extra, f => f.Message.StartsWith("The managed policy arn:aws:iam::aws:policy/AmazonS3FullAccess on node role", StringComparison.Ordinal));
        Assert.Contains(extra, f => f.Message.StartsWith("The inline policy logs on node role", StringComparison.Ordinal));
        Assert.All(extra, f => Assert.Contains("used by aws-auth/mapRoles[0], nodegroup/general", f.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(extra, f => f.Message.Contains("AmazonEKSWorkerNodePolicy on", StringComparison.Ordinal));
        var posture = Assert.Single(plan.NodeRoles!.Value);
        Assert.Contains("arn:aws:iam::aws:policy/AmazonS3FullAccess (extra, N1)", posture.Today);
        Assert.Contains("AmazonEKSWorkerNodePolicy (what nodes need)", posture.Today);
    }

    [Fact]
    public void N1_AfterCutover_SaysNoMigratedWorkloadNeededIt_AndNamesTheWorkloadsWithoutARole()
    {
        var workloads = Kube2iamCluster([W("apps", "web", "web", "web"), W("apps", "batch", null, "batch")]);

        var plan = PlanWith(Posture(Role(NodeRole, ["arn:aws:iam::aws:policy/AmazonS3FullAccess"])), workloads, PlanPhase.Cutover);

        var finding = Assert.Single(plan.Findings, f => f.Code == FindingCodes.NodeRoleExtraPolicy);
        Assert.Contains("No migrated workload needed it through the node: the 1 workload(s)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("may still use it through instance metadata: apps/Deployment/batch", finding.Message, StringComparison.Ordinal);
        Assert.Contains("aws iam detach-role-policy --role-name shop-nodes --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void N1_AKarpenterNodeClassRole_IsANodeRoleToo_NamedByItsNodeClass()
    {
        const string Karpenter = "arn:aws:iam::111122223333:role/KarpenterNodeRole-prod";
        var workloads = Kube2iamCluster([W("apps", "web", "web", "web")]) with { NodeClassRoles = [new NodeClassRole("default", "KarpenterNodeRole-prod", new SourceLocation("karpenter.yaml", 1))] };

        var plan = PlanWith(Posture(Role(NodeRole, []), Role(Karpenter, ["arn:aws:iam::aws:policy/AmazonS3FullAccess"])), workloads);

        var finding = plan.FindingFor(FindingCodes.NodeRoleExtraPolicy, Karpenter);
        Assert.Contains("(used by EC2NodeClass/default, nodegroup/general)", finding.Message, StringComparison.Ordinal);
        Assert.Equal([Karpenter, NodeRole], plan.NodeRoles!.Value.Select(r => r.RoleArn));
    }

    [Fact]
    public void N1_WithoutIamDataAboutTheNodeRole_NothingIsSaid()
    {
        var plan = MigrationPlanner.Plan(GivenWorkloads.Inventory(Kube2iamCluster([W("apps", "web", "web", "web")]), null, NodeRow), new PlannerOptions());

        Assert.DoesNotContain(plan.Findings, f => f.Code is FindingCodes.NodeRoleExtraPolicy or FindingCodes.NodeRoleAssumeAny or FindingCodes.CniPolicyOnNodeRole);
        Assert.Null(plan.NodeRoles);
    }

    [Theory]
    [InlineData(PlanPhase.Migrate)]
    [InlineData(PlanPhase.Cutover)]
    public void N2_AssumeAnythingOnTheNodeRole_IsAWarningBeforeFinalize_SayingWhetherThePolicyGrantsMore(PlanPhase phase)
    {
        var plan = PlanWith(Posture(Role(NodeRole, [], ("kube2iam", AssumeAny), ("mixed", AssumeAndLogs))), phase: phase);

        var findings = plan.Findings.Where(f => f.Code == FindingCodes.NodeRoleAssumeAny).ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        var only = Assert.Single(findings, f => f.Message.Contains("inline policy kube2iam", StringComparison.Ordinal));
        Assert.Contains("sts:AssumeRole on *", only.Message, StringComparison.Ordinal);
        Assert.Contains("1 role(s) kube2iam or kiam hand out (arn:aws:iam::111122223333:role/web)", only.Message, StringComparison.Ordinal);
        Assert.Contains("delete the inline policy, which grants nothing else", only.Message, StringComparison.Ordinal);
        Assert.Contains("remove that statement from the inline policy, keeping its other statements", Assert.Single(findings, f => f.Message.Contains("inline policy mixed", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        var posture = Assert.Single(plan.NodeRoles!.Value);
        Assert.Contains("inline kube2iam: sts:AssumeRole on * (N2)", posture.Today);
        Assert.Contains("inline kube2iam: sts:AssumeRole on * (N2); the migrated roles no longer trust the node, every other role that does stays reachable", posture.AfterFinalize);
    }

    [Fact]
    public void N2_WithAWorkloadLeftOnTheAgent_AfterFinalizeSaysItsRolesKeepTrustingTheNode()
    {
        var workloads = Kube2iamCluster([W("apps", "web", "web", "web"), W("apps", "remote", "arn:aws:iam::999988887777:role/remote", "remote")]);

        var plan = PlanWith(Posture(Role(NodeRole, [], ("kube2iam", AssumeAny))), workloads, PlanPhase.Finalize);

        Assert.Contains("inline kube2iam: sts:AssumeRole on * (N2); workloads stay on kube2iam or kiam, so the roles they use keep trusting the node", Assert.Single(plan.NodeRoles!.Value).AfterFinalize);
    }

    [Fact]
    public void N2_AtFinalize_WithNoWorkloadLeftOnTheAgent_TheInlinePolicyIsDeletedOrRewritten_Reversibly()
    {
        var plan = PlanWith(Posture(Role(NodeRole, [], ("kube2iam", AssumeAny), ("mixed", AssumeAndLogs))), phase: PlanPhase.Finalize);

        var delete = Assert.Single(plan.Changes.OfType<DeleteRolePolicyChange>());
        Assert.Equal(("role-policy/" + NodeRole + "/kube2iam", "kube2iam", true), (delete.Address, delete.PolicyName, delete.Reversible));
        Assert.Equal(AssumeAny, delete.DocumentBefore.GetRawText());
        var put = Assert.Single(plan.Changes.OfType<PutRolePolicyChange>());
        Assert.Equal("mixed", put.PolicyName);
        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Sid":"Logs","Effect":"Allow","Action":"logs:PutLogEvents","Resource":"*"}]}""", put.DocumentAfter.GetRawText());
        Assert.Single(put.StatementsRemoved);
        Assert.All(plan.Findings.Where(f => f.Code == FindingCodes.NodeRoleAssumeAny), f => Assert.Contains("No workload is left on kube2iam or kiam, so this plan", f.Message, StringComparison.Ordinal));
        var posture = Assert.Single(plan.NodeRoles!.Value);
        Assert.DoesNotContain(posture.AfterFinalize, l => l.StartsWith("inline kube2iam", StringComparison.Ordinal));
        Assert.Contains("inline mixed without its sts:AssumeRole statement (N2, removed by this plan)", posture.AfterFinalize);
    }

    [Fact]
    public void N2_AtFinalize_WithAWorkloadLeftOnTheAgent_NothingIsRemoved()
    {
        var workloads = Kube2iamCluster([W("apps", "web", "web", "web"), W("apps", "remote", "arn:aws:iam::999988887777:role/remote", "remote")]);

        var plan = PlanWith(Posture(Role(NodeRole, [], ("kube2iam", AssumeAny))), workloads, PlanPhase.Finalize);

        Assert.DoesNotContain(plan.Changes, c => c is DeleteRolePolicyChange or PutRolePolicyChange);
    }

    [Fact]
    public void N2_AWildcardNoWiderThanTheMigratedRoles_IsNotReported_OneMatchingAnotherRoleIs()
    {
        const string Narrow = """{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/we*"}]}""";
        const string Wider = """{"Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"arn:aws:iam::111122223333:role/*"}]}""";
        var iam = Given.Iam(NodeRole, "arn:aws:iam::111122223333:role/web", "arn:aws:iam::111122223333:role/admin");

        var narrow = PlanWith(Posture(Role(NodeRole, [], ("narrow", Narrow))), iam: iam);
        var wider = PlanWith(Posture(Role(NodeRole, [], ("wider", Wider))), iam: iam);

        Assert.DoesNotContain(narrow.Findings, f => f.Code == FindingCodes.NodeRoleAssumeAny);
        Assert.Contains("sts:AssumeRole on arn:aws:iam::111122223333:role/*", wider.FindingFor(FindingCodes.NodeRoleAssumeAny, NodeRole).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void N2_OnTheKiamServerRole_InAManagedPolicy_SaysWhatToDetach()
    {
        const string Server = "arn:aws:iam::111122223333:role/kiam-server";
        const string Policy = "arn:aws:iam::111122223333:policy/kiam-assume";
        var workloads = new WorkloadInventory
        {
            Agents = [KiamServer("--role-base-arn=" + Base, "--assume-role-arn=" + Server)],
            Workloads = [W("apps", "web", "web", "web")],
        };
        var posture = new NodeRolePolicies([Role(Server, [Policy])], [new RolePolicyDocument(Policy, AssumeAny)]);

        var plan = PlanWith(posture, workloads);

        var finding = plan.FindingFor(FindingCodes.NodeRoleAssumeAny, Server);
        Assert.StartsWith("The kiam server role arn:aws:iam::111122223333:role/kiam-server allows sts:AssumeRole on * through the managed policy " + Policy, finding.Message, StringComparison.Ordinal);
        Assert.Contains("aws iam detach-role-policy --role-name kiam-server --policy-arn " + Policy, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void N3_TheCniPolicyOnTheNodeRole_IsInfo_WithTheAwsNodeAssociationThatWouldReplaceIt()
    {
        var plan = PlanWith(Posture(Role(NodeRole, ["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"])));

        var finding = plan.FindingFor(FindingCodes.CniPolicyOnNodeRole, NodeRole);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("CreatePodIdentityAssociation for namespace kube-system, service account aws-node, with a role such as arn:aws:iam::111122223333:role/prod-aws-node", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Findings, f => f.Code == FindingCodes.NodeRoleExtraPolicy);
        Assert.Contains("AmazonEKS_CNI_Policy (network interfaces: belongs on aws-node, N3)", Assert.Single(plan.NodeRoles!.Value).Today);
    }
}
