using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>Handlers against resources that appeared after planning (the stale-plan check is bypassed to reach them).</summary>
[Collection(MotoGroup.Name)]
public sealed class IdempotencyTests(MotoServer moto)
{
    [Fact]
    public async Task IdenticalResourcesCountAsDone_AndATrustStatementIsNeverAddedTwice()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        world.Eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("viewer"), "STANDARD", "viewer", ["viewers"]);
        world.Kubernetes.State.Add(Seed.ServiceAccountJson("shop", "cart", withPullSecret: true));
        await AddStatementAsync(world, "app-web", Seed.TrustStatement("shop", "web"));

        var result = await ApplyUncheckedAsync(world, plan);

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status == StepStatus.Failed)));
        Assert.Contains("identical access entry exists", Step(result, "access-entry/" + Seed.RoleArn("viewer")).Message, StringComparison.Ordinal);
        Assert.Contains("identical ServiceAccount exists", Step(result, "service-account/shop/cart").Message, StringComparison.Ordinal);
        Assert.Contains("already has these statements", Step(result, "trust-policy/" + Seed.RoleArn("app-web")).Message, StringComparison.Ordinal);
        var web = JsonNode.Parse((await world.IamClient.GetRoleAsync("app-web", CancellationToken.None)).AssumeRolePolicyDocument!)!;
        Assert.Single(web["Statement"]!.AsArray(), s => s?["Sid"]?.GetValue<string>() == "EksPodIdentityShopWeb");
        Assert.Equal(0, world.Eks.Requests.Count("CreateAccessEntry") - 2);
    }

    [Fact]
    public async Task DifferentExistingResources_FailWithAClearMessage_AndAreNotTouched()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        world.Eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("viewer"), "STANDARD", "somebody", ["viewers"]);
        var statement = JsonNode.Parse(Seed.TrustStatement("shop", "web"))!;
        statement["Effect"] = "Deny";
        await AddStatementAsync(world, "app-web", statement.ToJsonString());

        var result = await ApplyUncheckedAsync(world, plan);

        Assert.False(result.Succeeded);
        var entry = Step(result, "access-entry/" + Seed.RoleArn("viewer"));
        Assert.Equal(StepStatus.Failed, entry.Status);
        Assert.Contains("exists and differs", entry.Message, StringComparison.Ordinal);
        Assert.Contains("username somebody", entry.Message, StringComparison.Ordinal);
        var trust = Step(result, "trust-policy/" + Seed.RoleArn("app-web"));
        Assert.Equal(StepStatus.Skipped, trust.Status);
        Assert.Contains("earlier stage failed", trust.Message, StringComparison.Ordinal);

        // Someone removes the conflicting entry; the next run retries what failed and stops at the trust policy.
        await world.EksClient.DeleteAccessEntryAsync(Seed.Cluster, Seed.RoleArn("viewer"), CancellationToken.None);
        var second = await ApplyUncheckedAsync(world, plan);

        Assert.Equal(StepStatus.Done, Step(second, "access-entry/" + Seed.RoleArn("viewer")).Status);
        trust = Step(second, "trust-policy/" + Seed.RoleArn("app-web"));
        Assert.Equal(StepStatus.Failed, trust.Status);
        Assert.Contains("different statement with Sid EksPodIdentityShopWeb", trust.Message, StringComparison.Ordinal);
        Assert.Contains("\"Deny\"", (await world.IamClient.GetRoleAsync("app-web", CancellationToken.None)).AssumeRolePolicyDocument!, StringComparison.Ordinal);
        Assert.All(second.Steps.Where(s => s.Address.StartsWith("restart/", StringComparison.Ordinal)), s => Assert.Equal(StepStatus.Skipped, s.Status));
    }

    private static Task<ApplyResult> ApplyUncheckedAsync(World world, SavedPlan plan) =>
        new PlanExecutor(world.Clients, world.Options()).ApplyAsync(plan, _ => Task.FromResult(plan.Plan), CancellationToken.None);

    private static StepOutcome Step(ApplyResult result, string address) => result.Steps.Single(s => s.Address == address);

    private static async Task AddStatementAsync(World world, string role, string statement)
    {
        var document = JsonNode.Parse((await world.IamClient.GetRoleAsync(role, CancellationToken.None)).AssumeRolePolicyDocument!)!;
        document["Statement"]!.AsArray().Add(JsonNode.Parse(statement));
        await world.IamClient.UpdateAssumeRolePolicyAsync(role, document.ToJsonString(), CancellationToken.None);
    }
}
