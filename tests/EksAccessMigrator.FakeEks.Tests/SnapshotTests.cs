using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccessMigrator.FakeEks.Tests.Support;

namespace EksAccessMigrator.FakeEks.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public async Task Snapshot_ignores_creation_order_and_generated_values()
    {
        await using var first = await FakeEksServer.StartAsync(new FakeEksOptions { Seed = 1 });
        await using var second = await FakeEksServer.StartAsync(new FakeEksOptions { Seed = 2 });
        first.State.AddCluster("b", Seed.Account, "us-east-1", "API").AddCluster("a", Seed.Account, "us-west-2");
        first.State.AddAccessEntry("b", Seed.Developer, kubernetesGroups: ["z", "y"]).AddAccessEntry("b", Seed.Creator);
        first.State.AddPodIdentityAssociation("a", "ns", "sa2", Seed.NodeRole);
        first.State.AddPodIdentityAssociation("a", "ns", "sa1", Seed.NodeRole);
        second.State.AddCluster("a", Seed.Account, "us-west-2").AddCluster("b", Seed.Account, "us-east-1", "API");
        second.State.AddAccessEntry("b", Seed.Creator).AddAccessEntry("b", Seed.Developer, kubernetesGroups: ["y", "z"]);
        second.State.AddPodIdentityAssociation("a", "ns", "sa1", Seed.NodeRole);
        second.State.AddPodIdentityAssociation("a", "ns", "sa2", Seed.NodeRole);

        var snapshot = first.State.SnapshotJson();

        Assert.Equal(snapshot, second.State.SnapshotJson());
        Assert.Equal(snapshot, first.State.SnapshotJson());
        var clusters = JsonNode.Parse(snapshot)!["clusters"]!.AsArray();
        Assert.Equal(["a", "b"], clusters.Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Snapshot_detects_changes_and_matches_again_after_undo()
    {
        await using var server = await Seed.StartAsync("API");
        using var client = new SignedEksClient(server.Endpoint);
        var before = server.State.SnapshotJson();

        await client.PostAsync("/clusters/prod/access-entries", new JsonObject { ["principalArn"] = Seed.Developer });
        var during = server.State.SnapshotJson();
        await client.DeleteAsync($"/clusters/prod/access-entries/{SignedEksClient.Arn(Seed.Developer)}");
        var after = server.State.SnapshotJson();

        Assert.NotEqual(before, during);
        Assert.Equal(before, after);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(before).RootElement.ValueKind);
    }
}
