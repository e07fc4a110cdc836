using System.Text.Json.Nodes;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Kubernetes.Ports;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Tests;

/// <summary>The IClusterObjects and IClusterLease adapters: Core records in and out, nothing overwritten blindly.</summary>
public sealed class ClusterObjectsPortTests
{
    private static readonly Dictionary<string, string> NewData = new() { ["mapRoles"] = "[]\n" };

    [Fact]
    public async Task Replacing_configmap_data_keeps_every_other_field_as_live_and_carries_the_observed_resource_version()
    {
        await using var cluster = await TestCluster.StartAsync();
        AwsAuth.Seed(cluster);
        cluster.State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", o =>
        {
            o["metadata"]!["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "terraform" };
            o["metadata"]!["annotations"] = new JsonObject { ["owner"] = "platform" };
        });
        var objects = new KubernetesClusterObjects(cluster.Connection);
        var observed = (await objects.GetConfigMapAsync("kube-system", "aws-auth", CancellationToken.None))!;

        var result = await objects.ReplaceConfigMapDataAsync(observed, NewData, CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, result.Outcome);
        var stored = cluster.State.Get<V1ConfigMap>("kube-system", "aws-auth")!;
        Assert.Equal(NewData, stored.Data);
        Assert.Equal("terraform", stored.Metadata.Labels["app.kubernetes.io/managed-by"]);
        Assert.Equal("platform", stored.Metadata.Annotations["owner"]);
        var put = Assert.Single(cluster.Server.Requests.Entries, r => r.Method == "PUT");
        Assert.Contains($"\"resourceVersion\":\"{observed.ResourceVersion}\"", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_configmap_data_read_before_another_edit_is_a_conflict_and_nothing_is_sent()
    {
        await using var cluster = await TestCluster.StartAsync();
        AwsAuth.Seed(cluster);
        var objects = new KubernetesClusterObjects(cluster.Connection);
        var observed = (await objects.GetConfigMapAsync("kube-system", "aws-auth", CancellationToken.None))!;
        cluster.State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", o => o["data"]!["mapUsers"] = "- userarn: someone\n");
        var before = cluster.State.SnapshotJson(includeServerFields: true);

        var result = await objects.ReplaceConfigMapDataAsync(observed, NewData, CancellationToken.None);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.DoesNotContain(cluster.Server.Requests.Entries, r => r.Method == "PUT");
        Assert.Equal(before, cluster.State.SnapshotJson(includeServerFields: true));
    }

    [Fact]
    public async Task A_configmaps_version_is_read_as_its_metadata_alone_and_moves_with_every_write()
    {
        await using var cluster = await TestCluster.StartAsync();
        AwsAuth.Seed(cluster);
        var objects = new KubernetesClusterObjects(cluster.Connection);
        var full = (await objects.GetConfigMapAsync("kube-system", "aws-auth", CancellationToken.None))!;

        var version = await objects.GetConfigMapVersionAsync("kube-system", "aws-auth", CancellationToken.None);
        cluster.State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", o => o["data"]!["mapUsers"] = "- userarn: someone\n");
        var edited = await objects.GetConfigMapVersionAsync("kube-system", "aws-auth", CancellationToken.None);
        var absent = await objects.GetConfigMapVersionAsync("kube-system", "no-such-map", CancellationToken.None);

        Assert.Equal(full.ResourceVersion, version);
        Assert.NotEqual(version, edited);
        Assert.Null(absent);
        var gets = cluster.Server.Requests.Entries.Where(r => r.Method == "GET" && r.Path.EndsWith("/configmaps/aws-auth", StringComparison.Ordinal)).ToList();
        Assert.Equal([false, true, true], gets.Select(r => r.MetadataOnly));
    }

    [Fact]
    public async Task A_lease_round_trips_through_the_port_and_a_stale_replace_is_a_conflict()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.SeedNamespace("kube-system");
        var leases = new KubernetesClusterLease(cluster.Connection);
        var renewed = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var wanted = new LeaseObject("kube-system", "eks-access-migrator", null, new Dictionary<string, string>(), new Dictionary<string, string> { ["note"] = "x" }, "me", 30, renewed, renewed, 0);

        var created = await leases.CreateAsync(wanted, CancellationToken.None);
        var read = await leases.GetAsync("kube-system", "eks-access-migrator", CancellationToken.None);
        var again = await leases.CreateAsync(wanted, CancellationToken.None);
        var replaced = await leases.ReplaceAsync(read! with { HolderIdentity = "next" }, CancellationToken.None);
        var stale = await leases.ReplaceAsync(read! with { HolderIdentity = "late" }, CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, created.Outcome);
        Assert.Equal(("me", 30, renewed, "x"), (read!.HolderIdentity, read.LeaseDurationSeconds, read.RenewTime, read.Annotations["note"]));
        Assert.Equal(WriteOutcome.AlreadyExists, again.Outcome);
        Assert.Equal("next", replaced.Value!.HolderIdentity);
        Assert.Equal(WriteOutcome.Conflict, stale.Outcome);
        Assert.Equal(WriteOutcome.Succeeded, (await leases.DeleteAsync("kube-system", "eks-access-migrator", replaced.Value.ResourceVersion!, CancellationToken.None)).Outcome);
        Assert.Null(await leases.GetAsync("kube-system", "eks-access-migrator", CancellationToken.None));
    }
}
