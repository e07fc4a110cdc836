using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.GivenWorkloads;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Project rules (W) for workload identity where the reference is silent; see docs/mapping-rules-workloads.md.</summary>
public sealed class WorkloadProjectRulesTests
{
    [Fact]
    public void W2_RestrictionsOnAndTheNamespaceMissing_BlocksTheWorkload_NothingIsMigrated()
    {
        var plan = Plan(Kube2iamCluster([W("gone", "api", "api", "api")], [Ns("apps")], null, "--namespace-restrictions"));
        var unrestricted = Plan(Kube2iamCluster([W("gone", "api", "api", "api")], [Ns("apps")]));

        var finding = plan.FindingFor(FindingCodes.NamespaceNotFound, "gone/Deployment/api");
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Contains("the Namespace gone is not in the inputs", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Associations());
        Assert.False(unrestricted.Has(FindingCodes.NamespaceNotFound));
        unrestricted.Association("gone", "api");
    }

    [Fact]
    public void W3_AnAnnotatedReplicaSetWhoseDeploymentIsMissing_IsReported_NothingIsPlanned()
    {
        var plan = Plan(Kube2iamCluster([W("apps", "web-5d8f", "web", "web", kind: "ReplicaSet", owner: "Deployment/web")]));

        var finding = plan.FindingFor(FindingCodes.WorkloadOwnerMissing, "apps/ReplicaSet/web-5d8f");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("controlled by Deployment web", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void W5_AJobThatWouldNeedADedicatedServiceAccount_KeepsItsAnnotation()
    {
        var plan = Plan(Kube2iamCluster([W("batch", "once", "loader", kind: "Job")]));

        var finding = plan.FindingFor(FindingCodes.JobTemplateImmutable, "batch/Job/once");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Empty(plan.Associations());
        Assert.Empty(plan.Changes<PatchWorkloadChange>());
    }

    [Fact]
    public void W7_Kube2iamAndKiamBoth_TheWarningNamesBoth_AndKube2iamsRulesAreUsed()
    {
        var plan = Plan(new WorkloadInventory
        {
            Agents = [Kube2iam("--base-role-arn=" + Base), KiamServer("--role-base-arn=arn:aws:iam::111122223333:role/kiam/")],
            Workloads = [W("apps", "web", "web", "web")],
        });

        var finding = plan.FindingFor(FindingCodes.IdentityAgentsBoth, "identity-agents");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal<string>(["kube-system/DaemonSet/kube2iam", "kube-system/Deployment/kiam-server"], [.. finding.Sources]);
        Assert.Equal(Base + "web", plan.Association("apps", "web").RoleArn);
    }

    [Fact]
    public void W8_FinalizeWithoutTheAgentsRoles_RemovesNoAgentTrust_AndSaysSo()
    {
        const string document = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/nodes\"},\"Action\":\"sts:AssumeRole\"}]}";
        var cluster = Kube2iamCluster([W("apps", "web", "web", "web")]) with { TrustPolicies = [Trust("arn:aws:iam::111122223333:role/web", document)] };

        var plan = Plan(cluster, phase: PlanPhase.Finalize);

        var finding = plan.FindingFor(FindingCodes.NodeTrustUnknown, "arn:aws:iam::111122223333:role/web");
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("kube2iam on the nodes", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes<UpdateAssumeRolePolicyChange>());
    }
}
