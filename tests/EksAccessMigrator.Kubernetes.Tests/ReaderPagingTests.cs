using EksAccessMigrator.FakeKubernetes;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class ReaderPagingTests
{
    private static readonly KubernetesAdapterOptions SmallPages = TestCluster.FastOptions with { PageSize = 5 };

    [Fact]
    public async Task Pods_are_read_exactly_once_across_pages_and_every_request_carries_the_limit()
    {
        await using var cluster = await TestCluster.StartAsync(SmallPages);
        var expected = SeedPods(cluster, 23);

        var names = new List<string>();
        await foreach (var pod in cluster.Connection.CreateReader().ListPodsAsync(CancellationToken.None))
        {
            names.Add(pod.Metadata.NamespaceProperty + "/" + pod.Metadata.Name);
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        var lists = cluster.Server.Requests.Entries.Where(r => r.Path == "/api/v1/pods").ToList();
        Assert.Equal(5, lists.Count);
        Assert.All(lists, r => Assert.Equal("5", r.Query["limit"]));
        Assert.Single(lists, r => !r.Query.ContainsKey("continue"));
    }

    [Fact]
    public async Task An_expired_continue_token_restarts_the_list_once_without_duplicates()
    {
        await using var cluster = await TestCluster.StartAsync(SmallPages);
        var expected = SeedPods(cluster, 12);
        cluster.Server.Faults.ExpireNextContinue();

        var names = new List<string>();
        await foreach (var pod in cluster.Connection.CreateReader().ListPodsAsync(CancellationToken.None))
        {
            names.Add(pod.Metadata.NamespaceProperty + "/" + pod.Metadata.Name);
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        var lists = cluster.Server.Requests.Entries.Where(r => r.Path == "/api/v1/pods").ToList();
        Assert.Single(lists, r => r.StatusCode == 410);
        Assert.Equal(2, lists.Count(r => !r.Query.ContainsKey("continue")));
    }

    [Fact]
    public async Task A_second_expired_continue_token_fails_with_a_clear_error()
    {
        await using var cluster = await TestCluster.StartAsync(SmallPages);
        SeedPods(cluster, 12);
        cluster.Server.Faults.ExpireNextContinue(times: 2);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var unused in cluster.Connection.CreateReader().ListPodsAsync(CancellationToken.None))
            {
                Assert.NotNull(unused);
            }
        });

        Assert.Equal(410, error.StatusCode);
        Assert.Equal("Expired", error.Reason);
        Assert.Contains("expired twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_kind_is_listed_cluster_wide_with_paging()
    {
        await using var cluster = await TestCluster.StartAsync(SmallPages);
        SeedPods(cluster, 7);
        for (var i = 0; i < 6; i++)
        {
            cluster.SeedDeployment("team-a", $"web-{i}");
            cluster.State.Add(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = $"sa-{i}", NamespaceProperty = "team-b" } });
        }

        cluster.State.Add(new V1StatefulSet { Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "team-a" } });
        cluster.State.Add(new V1DaemonSet { Metadata = new V1ObjectMeta { Name = "agent", NamespaceProperty = "kube-system" } });
        cluster.State.Add(new V1ReplicaSet { Metadata = new V1ObjectMeta { Name = "web-0-abc", NamespaceProperty = "team-a" } });
        cluster.State.Add(new V1Job { Metadata = new V1ObjectMeta { Name = "migrate", NamespaceProperty = "team-b" } });
        cluster.State.Add(new V1CronJob { Metadata = new V1ObjectMeta { Name = "nightly", NamespaceProperty = "team-b" } });

        var reader = cluster.Connection.CreateReader();

        Assert.Equal(3, (await ToListAsync(reader.ListNamespacesAsync(CancellationToken.None))).Count);
        Assert.Equal(7, (await ToListAsync(reader.ListPodsAsync(CancellationToken.None))).Count);
        Assert.Equal(6, (await ToListAsync(reader.ListDeploymentsAsync(CancellationToken.None))).Count);
        Assert.Equal(6, (await ToListAsync(reader.ListServiceAccountsAsync(CancellationToken.None))).Count);
        Assert.Single(await ToListAsync(reader.ListStatefulSetsAsync(CancellationToken.None)));
        Assert.Single(await ToListAsync(reader.ListDaemonSetsAsync(CancellationToken.None)));
        Assert.Single(await ToListAsync(reader.ListReplicaSetsAsync(CancellationToken.None)));
        Assert.Single(await ToListAsync(reader.ListJobsAsync(CancellationToken.None)));
        Assert.Single(await ToListAsync(reader.ListCronJobsAsync(CancellationToken.None)));
        Assert.Null(await reader.GetAwsAuthConfigMapAsync(CancellationToken.None));
        var lists = cluster.Server.Requests.Entries.Where(r => r.IsList).ToList();
        Assert.All(lists, r => Assert.Equal("5", r.Query["limit"]));
        Assert.Contains(lists, r => r.Path == "/apis/apps/v1/deployments" && r.Query.ContainsKey("continue"));
        Assert.Contains(lists, r => r.Path == "/apis/batch/v1/cronjobs");
    }

    private static List<string> SeedPods(TestCluster cluster, int count)
    {
        string[] namespaces = ["default", "team-a", "team-b"];
        foreach (var ns in namespaces)
        {
            cluster.SeedNamespace(ns);
        }

        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var ns = namespaces[i % namespaces.Length];
            var name = $"pod-{i:D3}";
            cluster.State.Add(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] },
            });
            names.Add(ns + "/" + name);
        }

        return names;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
