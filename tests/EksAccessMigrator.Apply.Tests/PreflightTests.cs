using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Apply.Tests;

[Collection(MotoGroup.Name)]
public sealed class PreflightTests(MotoServer moto)
{
    [Fact]
    public async Task StalePlan_IsRefusedNamingTheChangedObject_AndNothingIsWritten()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        world.Eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("viewer"), "STANDARD", "someone-else", ["viewers"]);
        var before = await world.SnapshotAsync();

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.True(result.Refused);
        Assert.Equal(RefusalReason.StalePlan, result.Refusal!.Reason);
        var stale = Assert.Single(result.Refusal.Stale);
        Assert.Equal("access-entry/" + Seed.RoleArn("viewer"), stale.Address);
        Assert.Equal(CreateAccessEntryChange.ActionName, stale.Action);
        Assert.Contains("username someone-else", stale.Message, StringComparison.Ordinal);
        Assert.Contains("the plan expected none", stale.Message, StringComparison.Ordinal);
        Assert.Equal(before, await world.SnapshotAsync());
        Assert.False(File.Exists(world.JournalPath));
        Assert.Equal(0, world.Eks.Requests.Count("CreateAccessEntry"));
    }

    [Fact]
    public async Task AnAwsAuthSectionEditedAfterReview_MakesTheChangesMadeFromIt_Stale_AndNothingIsWritten()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        world.Kubernetes.State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", cm =>
            cm["data"]!["mapRoles"] = Seed.AwsAuthMapRoles.Replace("username: viewer", "username: viewer-revoked", StringComparison.Ordinal));
        var before = await world.SnapshotAsync();

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.Equal(RefusalReason.StalePlan, result.Refusal?.Reason);
        var fromMapRoles = plan.Plan.Changes.Where(c => c.Sources.Any(s => s.StartsWith("aws-auth/mapRoles", StringComparison.Ordinal))).Select(c => c.Address).Order(StringComparer.Ordinal);
        Assert.Equal(fromMapRoles, result.Refusal!.Stale.Select(s => s.Address).Order(StringComparer.Ordinal));
        var viewer = result.Refusal.Stale.Single(s => s.Address == "access-entry/" + Seed.RoleArn("viewer"));
        Assert.Contains("aws-auth mapRoles changed since the plan was made, and this change was made from aws-auth/mapRoles[3]", viewer.Message, StringComparison.Ordinal);
        Assert.Equal(before, await world.SnapshotAsync());
        Assert.False(File.Exists(world.JournalPath));
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
