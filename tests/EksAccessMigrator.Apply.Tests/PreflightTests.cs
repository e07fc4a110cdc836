using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

[Collection(MotoGroup.Name)]
public sealed class PreflightTests(MotoServer moto)
{
    [Fact]
    public async Task StalePlan_IsRefusedWithTheDifferences_AndNothingIsWritten()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        world.Eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("viewer"), "STANDARD", "someone-else", ["viewers"]);
        var before = await world.SnapshotAsync();

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.True(result.Refused);
        Assert.Equal(RefusalReason.StalePlan, result.Refusal!.Reason);
        var difference = Assert.Single(result.Refusal.Differences);
        Assert.Equal("access-entry/" + Seed.RoleArn("viewer"), difference.Address);
        Assert.Equal("changed", difference.Kind);
        Assert.Equal(before, await world.SnapshotAsync());
        Assert.False(File.Exists(world.JournalPath));
        Assert.Equal(0, world.Eks.Requests.Count("CreateAccessEntry"));
    }

    [Fact]
    public async Task PlanForAnotherAccountOrRegionOrCluster_IsRefused_BeforeAnyWrite()
    {
        await using var world = await World.StartAsync(moto);
        var plan = (await world.SavePlanAsync()).Plan;

        async Task<ApplyResult> ApplyWith(PlanCluster cluster, string name)
        {
            var path = Path.Combine(world.Directory, name);
            await File.WriteAllTextAsync(path, PlanJson.Serialize(plan with { Cluster = cluster }));
            return await world.ApplyAsync(SavedPlan.Load(path), world.Options());
        }

        Assert.Equal(RefusalReason.AccountMismatch, (await ApplyWith(plan.Cluster with { AccountId = "999999999999" }, "account.json")).Refusal?.Reason);
        Assert.Equal(RefusalReason.RegionMismatch, (await ApplyWith(plan.Cluster with { Region = "eu-west-1" }, "region.json")).Refusal?.Reason);
        Assert.Equal(RefusalReason.ClusterMismatch, (await ApplyWith(plan.Cluster with { Name = "other" }, "cluster.json")).Refusal?.Reason);
        Assert.False(File.Exists(world.JournalPath));
        Assert.Equal(0, world.Eks.Requests.Count("CreateAccessEntry"));
    }

    [Fact]
    public async Task JournalOfAnotherPlan_IsRefused()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        await File.WriteAllTextAsync(world.JournalPath, "{\"type\":\"header\",\"planHash\":\"0000\",\"prev\":\"0000\",\"cluster\":{\"name\":\"shop-prod\"}}\n");

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.Equal(RefusalReason.JournalMismatch, result.Refusal?.Reason);
    }

    [Fact]
    public async Task UnknownFormatVersion_IsRefusedWhenTheFileIsRead()
    {
        await using var world = await World.StartAsync(moto);
        var path = Path.Combine(world.Directory, "future.json");
        await File.WriteAllTextAsync(path, PlanJson.Serialize((await world.SavePlanAsync()).Plan).Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal));

        Assert.Throws<PlanFormatException>(() => SavedPlan.Load(path));
    }
}
