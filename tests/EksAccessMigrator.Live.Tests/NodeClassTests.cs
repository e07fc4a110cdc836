using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

/// <summary>Rules N1-N3, live: Karpenter EC2NodeClasses are listed where the CRD is installed, and their roles' policies read.</summary>
[Collection(WorkloadGroup.Name)]
public sealed class NodeClassTests(WorkloadMoto moto)
{
    private const string ReadBuckets = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::shop-*/*"}]}""";
    private const string NodeClassesPath = "/apis/karpenter.k8s.aws/v1/ec2nodeclasses";

    [Fact]
    public async Task N1_Ec2NodeClassRole_WithExtraPolicies_IsReadFromIam_AndNamedAsEc2NodeClassInItsUseAndTheFinding()
    {
        await using var world = await WorkloadWorld.StartAsync(moto, "karpenter", [SeedRole.Named("karpenter-nodes"), SeedRole.Named("unrelated")], new FakeKubernetesOptions { KarpenterInstalled = true });
        var account = WorkloadMoto.Account;
        await moto.IamAsync("CreatePolicy", ("PolicyName", "karpenter-extra"), ("PolicyDocument", ReadBuckets));
        await moto.IamAsync("AttachRolePolicy", ("RoleName", "karpenter-nodes"), ("PolicyArn", $"arn:aws:iam::{account}:policy/karpenter-extra"));
        await moto.IamAsync("PutRolePolicy", ("RoleName", "karpenter-nodes"), ("PolicyName", "logs"), ("PolicyDocument", ReadBuckets));
        world.Kubernetes.State.Add("""{"apiVersion":"karpenter.k8s.aws/v1","kind":"EC2NodeClass","metadata":{"name":"default"},"spec":{"role":"karpenter-nodes","amiSelectorTerms":[{"alias":"al2023@latest"}]}}""");

        var result = await world.Scanner().ScanAsync(CancellationToken.None);

        var nodeClass = Assert.Single(result.Inventory.Workloads.NodeClassRoles);
        Assert.Equal(("default", "karpenter-nodes"), (nodeClass.NodeClass, nodeClass.Role));
        var role = Assert.Single(result.Inventory.NodeRoles!.Roles);
        Assert.Equal(SeedRole.Named("karpenter-nodes").Arn, role.RoleArn);
        Assert.Equal([$"arn:aws:iam::{account}:policy/karpenter-extra"], role.AttachedPolicyArns.AsEnumerable());
        Assert.Equal(["logs"], role.InlinePolicies.Select(p => p.Name));

        var plan = MigrationPlanner.Plan(result.Inventory, new PlannerOptions());
        var planned = Assert.Single(plan.NodeRoles!.Value);
        Assert.Equal(["EC2NodeClass/default"], planned.UsedBy.AsEnumerable());
        var extra = plan.Findings.Where(f => f.Code == FindingCodes.NodeRoleExtraPolicy).ToList();
        Assert.Equal(2, extra.Count);
        Assert.All(extra, f => Assert.Contains("(used by EC2NodeClass/default)", f.Message, StringComparison.Ordinal));
        Assert.Contains(extra, f => f.Message.Contains("karpenter-extra", StringComparison.Ordinal));
        Assert.Contains(extra, f => f.Message.Contains("logs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task N1_ClusterWithoutTheKarpenterCrd_ScansFine_WithNoNodeClasses()
    {
        await using var world = await WorkloadWorld.StartAsync(moto, "no-karpenter", [SeedRole.Named("unrelated")]);
        var progress = new RecordingProgress();

        var result = await world.Scanner(progress: progress).ScanAsync(CancellationToken.None);

        Assert.Empty(result.Inventory.Workloads.NodeClassRoles);
        Assert.Empty(result.Inventory.NodeRoles!.Roles);
        var list = Assert.Single(world.Kubernetes.Requests.Entries, r => r.Path == NodeClassesPath);
        Assert.Equal(404, list.StatusCode);
        Assert.Contains("finished NodeClasses 0", progress.Events);
    }

    [Fact]
    public async Task N1_NodeClassesForbidden_FailTheScanAsAccessDenied_NotAsNoNodeClasses()
    {
        await using var world = await WorkloadWorld.StartAsync(moto, "karpenter-denied", [], new FakeKubernetesOptions { KarpenterInstalled = true });
        world.Kubernetes.Faults.FailNext(403, times: 5, when: r => r.Path == NodeClassesPath);

        var error = await Assert.ThrowsAsync<Errors.ScanAccessDeniedException>(() => world.Scanner().ScanAsync(CancellationToken.None));

        Assert.Equal(ScanStep.NodeClasses, error.Step);
        Assert.Contains("'list' on ec2nodeclasses", error.Message, StringComparison.Ordinal);
    }
}
