using EksAccessMigrator.FakeKubernetes;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class ServiceAccountWriteTests
{
    private const string RoleArnAnnotation = "eks.amazonaws.com/role-arn";

    [Fact]
    public async Task Creating_copies_the_given_fields_and_drops_server_fields()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.SeedNamespace("team-a");
        var source = new V1ServiceAccount
        {
            Metadata = new V1ObjectMeta
            {
                Name = "billing",
                NamespaceProperty = "team-a",
                Uid = "0b5e0c3e-copied-from-elsewhere",
                ResourceVersion = "12345",
                Labels = new Dictionary<string, string> { ["app"] = "billing" },
                Annotations = new Dictionary<string, string> { ["owner"] = "payments" },
            },
            AutomountServiceAccountToken = false,
        };

        var result = await cluster.Connection.CreateWriter().CreateServiceAccountAsync(source, CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, result.Outcome);
        var stored = cluster.State.Get<V1ServiceAccount>("team-a", "billing")!;
        Assert.Equal("billing", stored.Metadata.Labels["app"]);
        Assert.Equal("payments", stored.Metadata.Annotations["owner"]);
        Assert.False(stored.AutomountServiceAccountToken);
        Assert.NotEqual("0b5e0c3e-copied-from-elsewhere", stored.Metadata.Uid);
        Assert.Equal(stored.Metadata.ResourceVersion, result.Value!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Creating_an_existing_name_reports_already_exists()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.SeedNamespace("team-a");
        var sa = new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "billing", NamespaceProperty = "team-a" } };
        cluster.State.Add(sa);

        var result = await cluster.Connection.CreateWriter().CreateServiceAccountAsync(sa, CancellationToken.None);

        Assert.Equal(WriteOutcome.AlreadyExists, result.Outcome);
        Assert.Equal("serviceaccounts \"billing\" already exists", result.Message);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_reports_not_found()
    {
        await using var cluster = await TestCluster.StartAsync();
        var sa = new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "billing", NamespaceProperty = "nowhere" } };

        var result = await cluster.Connection.CreateWriter().CreateServiceAccountAsync(sa, CancellationToken.None);

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        Assert.Equal(0, cluster.State.Count);
    }

    [Fact]
    public async Task Removing_an_annotation_keeps_the_others_and_can_be_undone()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.State.Add(new V1ServiceAccount
        {
            Metadata = new V1ObjectMeta
            {
                Name = "billing",
                NamespaceProperty = "team-a",
                Annotations = new Dictionary<string, string> { [RoleArnAnnotation] = "arn:aws:iam::111122223333:role/billing", ["owner"] = "payments" },
            },
        });
        var before = cluster.State.SnapshotJson();
        var writer = cluster.Connection.CreateWriter();

        var removed = await RemoveAnnotationAsync(writer, "team-a", "billing", RoleArnAnnotation, null);

        Assert.Equal(WriteOutcome.Succeeded, removed.Outcome);
        var stored = cluster.State.Get<V1ServiceAccount>("team-a", "billing")!;
        Assert.False(stored.Metadata.Annotations.ContainsKey(RoleArnAnnotation));
        Assert.Equal("payments", stored.Metadata.Annotations["owner"]);
        Assert.Contains(cluster.Server.Requests.Entries, r => r.Method == "PATCH" && r.ContentType!.StartsWith("application/merge-patch+json", StringComparison.Ordinal));

        var restored = await writer.SetServiceAccountAnnotationsAsync(
            "team-a",
            "billing",
            new Dictionary<string, string?> { [RoleArnAnnotation] = "arn:aws:iam::111122223333:role/billing" },
            removed.Value!.Metadata.ResourceVersion,
            CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, restored.Outcome);
        Assert.Equal(before, cluster.State.SnapshotJson());
    }

    [Fact]
    public async Task Annotation_patch_with_a_stale_resource_version_is_a_conflict()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.State.Add(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "billing", NamespaceProperty = "team-a" } });
        var observed = cluster.State.Get<V1ServiceAccount>("team-a", "billing")!;
        cluster.State.Mutate(ResourceKinds.ServiceAccount, "team-a", "billing", o => o["automountServiceAccountToken"] = false);

        var result = await RemoveAnnotationAsync(cluster.Connection.CreateWriter(), "team-a", "billing", RoleArnAnnotation, observed.Metadata.ResourceVersion);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
    }

    [Fact]
    public async Task Deleting_with_a_wrong_uid_is_a_conflict_and_with_the_right_one_succeeds()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.State.Add(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "billing", NamespaceProperty = "team-a" } });
        var uid = cluster.State.Get<V1ServiceAccount>("team-a", "billing")!.Metadata.Uid;
        var writer = cluster.Connection.CreateWriter();

        var wrong = await writer.DeleteServiceAccountAsync("team-a", "billing", "not-the-uid", CancellationToken.None);
        var right = await writer.DeleteServiceAccountAsync("team-a", "billing", uid, CancellationToken.None);
        var again = await writer.DeleteServiceAccountAsync("team-a", "billing", null, CancellationToken.None);

        Assert.Equal(WriteOutcome.Conflict, wrong.Outcome);
        Assert.Equal(WriteOutcome.Succeeded, right.Outcome);
        Assert.Equal(WriteOutcome.NotFound, again.Outcome);
        Assert.Equal(0, cluster.State.Count);
    }

    /// <summary>Removes one annotation (absent is fine): the set-annotations patch with a null value, as the executor sends it.</summary>
    private static Task<WriteResult<V1ServiceAccount>> RemoveAnnotationAsync(KubernetesClusterWriter writer, string ns, string name, string annotation, string? expectedResourceVersion) =>
        writer.SetServiceAccountAnnotationsAsync(ns, name, new Dictionary<string, string?> { [annotation] = null }, expectedResourceVersion, CancellationToken.None);
}
