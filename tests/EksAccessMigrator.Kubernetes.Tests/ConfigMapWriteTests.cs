using EksAccessMigrator.FakeKubernetes;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class ConfigMapWriteTests
{
    private static readonly Dictionary<string, string> NewData = new() { ["mapRoles"] = "[]\n", ["mapUsers"] = "[]\n" };

    [Fact]
    public async Task Replacing_with_the_current_resource_version_succeeds_and_bumps_it()
    {
        await using var cluster = await TestCluster.StartAsync();
        var observed = AwsAuth.Seed(cluster);

        var result = await cluster.Connection.CreateWriter().ReplaceConfigMapDataAsync(observed, NewData, CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, result.Outcome);
        Assert.NotEqual(observed.Metadata.ResourceVersion, result.Value!.Metadata.ResourceVersion);
        Assert.Equal(NewData, cluster.State.Get<V1ConfigMap>("kube-system", "aws-auth")!.Data);
        var put = Assert.Single(cluster.Server.Requests.Entries, r => r.Method == "PUT");
        Assert.Contains($"\"resourceVersion\":\"{observed.Metadata.ResourceVersion}\"", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_resource_version_is_a_conflict_and_nothing_is_written()
    {
        await using var cluster = await TestCluster.StartAsync();
        var observed = AwsAuth.Seed(cluster);
        cluster.State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", o => o["data"]!["mapUsers"] = "- userarn: someone\n");
        var before = cluster.State.SnapshotJson(includeServerFields: true);

        var result = await cluster.Connection.CreateWriter().ReplaceConfigMapDataAsync(observed, NewData, CancellationToken.None);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Null(result.Value);
        Assert.Contains("the object has been modified", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, cluster.State.SnapshotJson(includeServerFields: true));
    }

    [Fact]
    public async Task A_concurrent_edit_just_before_the_write_is_a_conflict_and_the_other_edit_survives()
    {
        await using var cluster = await TestCluster.StartAsync();
        var observed = AwsAuth.Seed(cluster);
        cluster.Server.Faults.ConcurrentEditBeforeNextWrite(
            ResourceKinds.ConfigMap,
            "kube-system",
            "aws-auth",
            o => o["data"]!["mapAccounts"] = "- \"444455556666\"\n");

        var result = await cluster.Connection.CreateWriter().ReplaceConfigMapDataAsync(observed, NewData, CancellationToken.None);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        var stored = cluster.State.Get<V1ConfigMap>("kube-system", "aws-auth")!;
        Assert.Equal("- \"444455556666\"\n", stored.Data["mapAccounts"]);
        Assert.Equal(AwsAuth.MapRoles, stored.Data["mapRoles"]);
        Assert.Equal(0, cluster.Server.Faults.Pending);
    }

    [Fact]
    public async Task An_observed_config_map_without_resource_version_is_refused_before_any_request()
    {
        await using var cluster = await TestCluster.StartAsync();
        var unversioned = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "aws-auth", NamespaceProperty = "kube-system" } };

        await Assert.ThrowsAsync<ArgumentException>(() =>
            cluster.Connection.CreateWriter().ReplaceConfigMapDataAsync(unversioned, NewData, CancellationToken.None));
        Assert.Empty(cluster.Server.Requests.Entries);
    }
}
