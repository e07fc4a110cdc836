using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

/// <summary>Workload lists are paged (limit/continue), every object is read once, and objects are streamed one by one.</summary>
[Collection(WorkloadGroup.Name)]
public sealed class StreamingTests(WorkloadMoto moto)
{
    private const int PageSize = 25;
    private const int Deployments = 110;
    private const int Pods = 60;

    [Fact]
    public async Task MoreWorkloadsThanThePageSize_AreAllReadExactlyOnce_PageByPage()
    {
        await using var world = await SeedAsync();
        var progress = new RecordingProgress();

        var result = await world.Scanner(world.Settings(PageSize), progress).ScanAsync(CancellationToken.None);

        var workloads = result.Inventory.Workloads.Workloads;
        Assert.Equal(Deployments + Pods, workloads.Length);
        Assert.Equal(workloads.Length, workloads.Select(w => w.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Deployments, workloads.Count(w => w.Kind == "Deployment" && w.PodAnnotations.ContainsKey("iam.amazonaws.com/role")));

        // 110 Deployments in pages of 25 are five list requests, each with the limit, all but the first with continue.
        var lists = world.Kubernetes.Requests.Entries.Where(r => r.IsList && r.Path.EndsWith("/deployments", StringComparison.Ordinal)).ToList();
        Assert.Equal((Deployments + PageSize - 1) / PageSize, lists.Count);
        Assert.All(lists, r => Assert.Equal(PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Query["limit"]));
        Assert.Equal(lists.Count - 1, lists.Count(r => r.Query.ContainsKey("continue")));
        Assert.DoesNotContain(world.Kubernetes.Requests.Entries, r => r.IsList && !r.Query.ContainsKey("limit"));
        Assert.Equal(["advanced Deployments 25", "advanced Deployments 50", "advanced Deployments 75", "advanced Deployments 100"], progress.Events.Where(e => e.StartsWith("advanced Deployments", StringComparison.Ordinal)));
        Assert.Contains($"finished Deployments {Deployments}", progress.Events);
        Assert.Contains($"finished Pods {Pods}", progress.Events);
    }

    [Fact]
    public async Task ObjectsAreStreamedThroughTheCollectorsOneByOne_AndNoObjectTreeIsKept()
    {
        await using var world = await SeedAsync();
        var probe = new RetentionProbe();

        var result = await world.Scanner(world.Settings(PageSize)).ScanAsync(probe, CancellationToken.None);

        // Every object was shown to the collectors; at any time only the few in flight (at most one per kind listed
        // at once) were alive, and once the scan is over none is, while the inventory built from them still is.
        var served = FakeKubernetes.ResourceKinds.All.Where(k => k != FakeKubernetes.ResourceKinds.ConfigMap).Sum(k => world.Kubernetes.State.List(k).Count);
        Assert.Equal(served, probe.Visits);
        Assert.True(probe.Visits >= Deployments + Pods + 5);
        Assert.NotEmpty(probe.AliveAtChecks);
        Assert.True(probe.AliveAtChecks.All(alive => alive <= LiveWorld.FastKubernetes.MaxConcurrency), $"object trees alive at the checks: {string.Join(", ", probe.AliveAtChecks)}");
        Assert.Equal(0, probe.Alive());
        Assert.Equal(Deployments + Pods, result.Inventory.Workloads.Workloads.Length);
        GC.KeepAlive(result);
    }

    [Fact]
    public async Task RbacBindingsAndEc2NodeClasses_AreListedPaged_WithLimitAndContinue_LikeTheOtherKinds()
    {
        const int Count = 30;
        await using var world = await WorkloadWorld.StartAsync(moto, "bulk-rbac", [], new FakeKubernetes.FakeKubernetesOptions { KarpenterInstalled = true });
        var state = world.Kubernetes.State;
        for (var i = 0; i < Count; i++)
        {
            state.Add($$$"""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"crb-{{{i:000}}}"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},"subjects":[{"kind":"Group","name":"g{{{i}}}"}]}""");
            state.Add($$$"""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"rb-{{{i:000}}}","namespace":"{{{new[] { "a", "b" }[i % 2]}}}"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"edit"},"subjects":[{"kind":"Group","name":"g{{{i}}}"}]}""");
            state.Add($$$"""{"apiVersion":"karpenter.k8s.aws/v1","kind":"EC2NodeClass","metadata":{"name":"nc-{{{i:000}}}"},"spec":{"role":"nodes-{{{i}}}"}}""");
        }

        var progress = new RecordingProgress();
        var result = await world.Scanner(world.Settings(PageSize), progress).ScanAsync(CancellationToken.None);

        var workloads = result.Inventory.Workloads;
        Assert.Equal(2 * Count, workloads.RbacBindings!.Value.Length);
        Assert.Equal(2 * Count, workloads.RbacBindings!.Value.Select(b => b.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Count, workloads.NodeClassRoles.Select(n => n.NodeClass).Distinct(StringComparer.Ordinal).Count());
        foreach (var path in new[] { "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", "/apis/rbac.authorization.k8s.io/v1/rolebindings", "/apis/karpenter.k8s.aws/v1/ec2nodeclasses" })
        {
            // 30 objects in pages of 25 are two list requests, both with the limit, the second with continue.
            var lists = world.Kubernetes.Requests.Entries.Where(r => r.IsList && r.Path == path).ToList();
            Assert.Equal(2, lists.Count);
            Assert.All(lists, r => Assert.Equal(PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Query["limit"]));
            Assert.Equal(1, lists.Count(r => r.Query.ContainsKey("continue")));
        }

        Assert.Contains($"finished ClusterRoleBindings {Count}", progress.Events);
        Assert.Contains($"finished RoleBindings {Count}", progress.Events);
        Assert.Contains($"finished NodeClasses {Count}", progress.Events);
        Assert.Contains("advanced NodeClasses 25", progress.Events);
    }

    /// <summary>Deployments in three namespaces, bare Pods, the kube2iam agent; 4 Namespaces, 1 DaemonSet (the agent, not a workload).</summary>
    private async Task<WorkloadWorld> SeedAsync()
    {
        var world = await WorkloadWorld.StartAsync(moto, "bulk", [SeedRole.Named("bulk-app")]);
        var state = world.Kubernetes.State;
        SmallCluster.AddAgent(state);
        foreach (var ns in new[] { "kube-system", "a", "b", "c" })
        {
            state.Add($$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}}""");
        }

        for (var i = 0; i < Deployments; i++)
        {
            state.Add(SmallCluster.Deployment(new[] { "a", "b", "c" }[i % 3], $"app-{i:000}", "bulk-app", "default"));
        }

        for (var i = 0; i < Pods; i++)
        {
            state.Add($$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"pod-{{{i:000}}}","namespace":"b"},"spec":{"containers":[{"name":"c","image":"x:{{{new string('1', 2000)}}}"}]}}""");
        }

        return world;
    }
}
