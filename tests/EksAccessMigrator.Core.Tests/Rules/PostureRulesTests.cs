using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Rules K15 (agent preflight) and N4 (instance metadata reachable from pods).</summary>
public sealed class PostureRulesTests
{
    [Fact]
    public void K15_AWorkloadHoldingTheAgentsPort_BlocksCreateAddon_NamingIt()
    {
        var workloads = Kube2iamCluster([
            W("apps", "web", "web", "web"),
            W("edge", "ingress", null, hostNetwork: true) with { HostPorts = [80, 443] },
            W("ops", "metrics", null) with { HostPorts = [2703] },
            W("ops", "other", null) with { HostPorts = [8080] },
        ]) with
        { PodIdentityAgentInstalled = false };

        var plan = Plan(workloads);

        Assert.DoesNotContain(plan.Changes, c => c is CreateAddonChange);
        var finding = plan.FindingFor(FindingCodes.AgentPortConflict, "cluster/addons");
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Equal(["edge/Deployment/ingress", "ops/Deployment/metrics"], finding.Sources.AsEnumerable());
        Assert.Contains("edge/Deployment/ingress (hostNetwork, port 80)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ops/Deployment/other", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void K15_WithoutAConflict_OrWithTheAgentRunning_NothingIsBlocked()
    {
        var missing = Kube2iamCluster([W("apps", "web", "web", "web"), W("ops", "other", null) with { HostPorts = [8080] }]) with { PodIdentityAgentInstalled = false };
        var running = Kube2iamCluster([W("apps", "web", "web", "web"), W("edge", "ingress", null) with { HostPorts = [80] }]) with { PodIdentityAgentInstalled = true };

        Assert.Single(Plan(missing).Changes<CreateAddonChange>());
        Assert.DoesNotContain(Plan(running).Findings, f => f.Code == FindingCodes.AgentPortConflict);
    }

    [Fact]
    public void N4_InstanceMetadataReachableFromPods_IsSaidOncePerCluster()
    {
        var plan = Plan(Kube2iamCluster([W("apps", "web", "web", "web"), W("apps", "cart", "cart", "cart")]));

        var finding = Assert.Single(plan.Findings, f => f.Code == FindingCodes.ImdsReachableFromPods);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("HttpPutResponseHopLimit 1", finding.Message, StringComparison.Ordinal);
        Assert.Contains("only after cutover", finding.Message, StringComparison.Ordinal);
    }

    private static RbacBinding Binding(string kind, string? ns, string name, string role, params string[] groups) =>
        new(kind, ns, name, "ClusterRole", role, [.. groups], new SourceLocation("rbac.yaml", 1));

    private static MigrationPlan PlanWithRbac(ImmutableArray<RbacBinding>? bindings) =>
        Plan(WorkloadInventory.Empty with { RbacBindings = bindings }, awsAuth: Given.AwsAuthOf(mapRoles:
            "- rolearn: arn:aws:iam::111122223333:role/viewers\n  username: viewer\n  groups: [readers, support]\n" +
            "- rolearn: arn:aws:iam::111122223333:role/ops\n  username: ops\n  groups: [ops]\n"));

    [Fact]
    public void S1_AGroupBoundOnlyToBuiltInRoles_GetsASuggestion_WithTheExactAssociationAndTheBindings()
    {
        var plan = PlanWithRbac([
            Binding("ClusterRoleBinding", null, "readers-view", "view", "readers"),
            Binding("RoleBinding", "shop", "support-edit", "edit", "support"),
            Binding("RoleBinding", "pay", "support-edit", "edit", "support"),
            Binding("ClusterRoleBinding", null, "ops-custom", "ops-role", "ops"),
        ]);

        var finding = plan.FindingFor(FindingCodes.AccessPolicySuggested, "arn:aws:iam::111122223333:role/viewers");
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("group readers: AssociateAccessPolicy AmazonEKSViewPolicy at cluster scope, after which ClusterRoleBinding/readers-view would be unused", finding.Message, StringComparison.Ordinal);
        Assert.Contains("group support: AssociateAccessPolicy AmazonEKSEditPolicy at namespace scope (pay, shop)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("nothing is planned from it", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Changes, c => c is AssociateAccessPolicyChange);
        Assert.DoesNotContain(plan.Findings, f => f.Code == FindingCodes.AccessPolicySuggested && f.Subject.EndsWith("role/ops", StringComparison.Ordinal));
    }

    [Fact]
    public void S1_WithoutRbacInTheInputs_NothingIsSuggested()
    {
        Assert.DoesNotContain(PlanWithRbac(null).Findings, f => f.Code == FindingCodes.AccessPolicySuggested);
    }
}
