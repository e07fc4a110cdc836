using System.Collections.Immutable;
using EksAccessMigrator.Core.Fleet;

namespace EksAccessMigrator.Core.Tests.Fleet;

public sealed class FleetSelectionTests
{
    private static readonly FleetInventory Inventory = new(
    [
        Cluster("shop-eu", ("wave", "1"), ("env", "prod")),
        Cluster("shop-us", ("wave", "2"), ("env", "prod")),
        Cluster("tools", ("wave", "1"), ("env", "dev")),
        Cluster("sandbox"),
    ]);

    [Fact]
    public void WithoutOnlyOrExclude_EveryClusterIsSelected_InInventoryOrder()
    {
        var selection = FleetSelection.Of(Inventory, [], [], FleetShard.All);

        Assert.Equal(["shop-eu", "shop-us", "tools", "sandbox"], selection.Selected.Select(c => c.Name));
        Assert.Empty(selection.Skipped);
    }

    [Fact]
    public void Only_TakesClustersMatchingAnySelector_ByNameOrTag()
    {
        var selection = FleetSelection.Of(Inventory, [FleetSelector.Parse("wave=1"), FleetSelector.Parse("sandbox")], [], FleetShard.All);

        Assert.Equal(["shop-eu", "tools", "sandbox"], selection.Selected.Select(c => c.Name));
        Assert.Equal(["shop-us"], selection.Skipped.Select(c => c.Name));
    }

    [Fact]
    public void Exclude_WinsOverOnly()
    {
        var selection = FleetSelection.Of(Inventory, [FleetSelector.Parse("env=prod")], [FleetSelector.Parse("shop-us")], FleetShard.All);

        Assert.Equal(["shop-eu"], selection.Selected.Select(c => c.Name));
        Assert.Equal(["shop-us", "tools", "sandbox"], selection.Skipped.Select(c => c.Name));
    }

    [Fact]
    public void TagValues_MatchExactly_AndATagWithoutTheKeyDoesNotMatch()
    {
        var selection = FleetSelection.Of(Inventory, [FleetSelector.Parse("env=Prod"), FleetSelector.Parse("wave = 2")], [], FleetShard.All);

        Assert.Equal(["shop-us"], selection.Selected.Select(c => c.Name));
    }

    [Fact]
    public void ASelectorMatchingNoClusterOfTheInventory_IsReported_SoATypoIsNotASilentEmptyRun()
    {
        var selection = FleetSelection.Of(Inventory, [FleetSelector.Parse("shop-ue"), FleetSelector.Parse("wave=9")], [FleetSelector.Parse("tools")], FleetShard.All);

        Assert.Equal(["shop-ue", "wave=9"], selection.UnmatchedSelectors.ToArray());
    }

    [Fact]
    public void SelectionAppliesWithinTheShard_AndOthersShardsClustersAreNeitherSelectedNorSkipped()
    {
        var shards = Enumerable.Range(1, 3).Select(i => FleetSelection.Of(Inventory, [FleetSelector.Parse("env=prod")], [], new FleetShard(i, 3))).ToList();

        Assert.Equal(Inventory.Clusters.Length, shards.Sum(s => s.Selected.Length + s.Skipped.Length));
        Assert.Equal(["shop-eu", "shop-us"], shards.SelectMany(s => s.Selected).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(shards, s => Assert.Empty(s.UnmatchedSelectors));
    }

    [Fact]
    public void Inventory_RefusesDuplicateNames_InvalidNames_RoleArnsThatAreNotRoles_AndAnEmptyList()
    {
        FleetCluster[] clusters = [Cluster("a"), Cluster("a"), Cluster("b/../c"), Cluster("d") with { RoleArn = "arn:aws:iam::111122223333:user/x" }];

        var problems = FleetInventory.Problems(clusters);

        Assert.Equal(3, problems.Length);
        Assert.Contains(problems, p => p.Contains("'a' is listed more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'b/../c' is not a valid EKS cluster name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is not an IAM role ARN", StringComparison.Ordinal));
        Assert.Contains("lists no clusters", Assert.Single(FleetInventory.Problems([])), StringComparison.Ordinal);
    }

    internal static FleetCluster Cluster(string name, params (string Key, string Value)[] tags) => new()
    {
        Name = name,
        Region = "eu-west-1",
        Tags = tags.ToImmutableSortedDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
    };
}
