using System.Collections.Immutable;
using EksAccessMigrator.Core.Fleet;

namespace EksAccessMigrator.Core.Tests.Fleet;

public sealed class FleetShardTests
{
    private static readonly ImmutableArray<FleetCluster> Clusters = [.. Enumerable.Range(0, 500).Select(i => FleetSelectionTests.Cluster($"cluster-{i:000}"))];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(16)]
    public void EveryClusterIsInExactlyOneShard(int count)
    {
        var shards = Enumerable.Range(1, count).Select(i => new FleetShard(i, count)).ToList();

        Assert.All(Clusters, c => Assert.Single(shards, s => s.Contains(c)));
    }

    [Fact]
    public void AClustersShard_DependsOnItsNameAndTheCountOnly_NotOnTheInventorysOrderOrItsOtherClusters()
    {
        var before = Clusters.ToDictionary(c => c.Name, c => FleetShard.Of(c.Name, 8));
        var grown = Clusters.Reverse().Concat(Enumerable.Range(0, 100).Select(i => FleetSelectionTests.Cluster($"new-{i}"))).ToList();

        Assert.All(grown.Where(c => before.ContainsKey(c.Name)), c => Assert.Equal(before[c.Name], FleetShard.Of(c.Name, 8)));
    }

    [Fact]
    public void TheAssignmentIsFixed_SoPlanAndApplyOnOtherMachinesAgree()
    {
        // Pinned values (SHA-256 of the name, first 8 bytes big-endian, mod n, plus 1): a change of the function
        // would move clusters between shards under plans already reviewed.
        Assert.Equal(2, FleetShard.Of("shop", 4));
        Assert.Equal([3, 1, 4], new[] { "cluster-000", "cluster-001", "cluster-002" }.Select(n => FleetShard.Of(n, 4)));
    }

    [Fact]
    public void ShardsAreRoughlyEven()
    {
        var sizes = Enumerable.Range(1, 4).Select(i => Clusters.Count(new FleetShard(i, 4).Contains)).ToList();

        Assert.All(sizes, s => Assert.InRange(s, 90, 160));
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/8", 3, 8)]
    public void Parse_TakesIOfN(string text, int index, int count)
    {
        var shard = FleetShard.TryParse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(new FleetShard(index, count), shard);
        Assert.Equal(text, shard!.ToString());
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("-1/4")]
    [InlineData("1/4/2")]
    public void Parse_RefusesWhatIsNotAShard_WithTheFormToUse(string text)
    {
        Assert.Null(FleetShard.TryParse(text, out var problem));
        Assert.Contains("i/n with 1 <= i <= n", problem, StringComparison.Ordinal);
    }
}
