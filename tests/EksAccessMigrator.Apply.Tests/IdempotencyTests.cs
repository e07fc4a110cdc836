using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>
/// Objects that appeared after planning: identical to what a change leaves (postcondition holds) they count as done;
/// different (neither condition holds) they make the change stale, before the first write or right before its call.
/// </summary>
[Collection(MotoGroup.Name)]
public sealed class IdempotencyTests(MotoServer moto)
{
    [Fact]
    public async Task IdenticalResourcesCountAsDone_AndATrustStatementIsNeverAddedTwice()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        world.Eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("viewer"), "STANDARD", "viewer", ["viewers"]);
        world.Kubernetes.State.Add(Seed.ServiceAccountJson("shop", "web"));
        var statement = TrustStatementOf(plan, "app-web");
        await AddStatementAsync(world, "app-web", statement.ToJsonString());

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != StepStatus.Done)));
        Assert.Contains("identical access entry exists", Step(result, "access-entry/" + Seed.RoleArn("viewer")).Message, StringComparison.Ordinal);
        Assert.Contains("identical ServiceAccount exists", Step(result, "service-account/shop/web").Message, StringComparison.Ordinal);
        Assert.Contains("already has these statements", Step(result, "trust-policy/" + Seed.RoleArn("app-web")).Message, StringComparison.Ordinal);
        var web = JsonNode.Parse((await world.IamClient.GetRoleAsync("app-web", CancellationToken.None)).AssumeRolePolicyDocument!)!;
        Assert.Single(web["Statement"]!.AsArray(), s => JsonNode.DeepEquals(s, statement));
        Assert.Equal(2, world.Eks.Requests.Count("CreateAccessEntry"));
    }

    [Fact]
    public async Task DifferentExistingResources_MakeThePlanStale_TheRefusalNamesEachObject_AndNothingIsWritten()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        world.Eks.State.AddAccessEntry(Seed.Cluster, Seed.RoleArn("viewer"), "STANDARD", "somebody", ["viewers"]);
        var deny = TrustStatementOf(plan, "app-web");
        deny["Effect"] = "Deny";
        await AddStatementAsync(world, "app-web", deny.ToJsonString());
        var before = await world.SnapshotAsync();

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.Equal(RefusalReason.StalePlan, result.Refusal?.Reason);
        Assert.Equal(["access-entry/" + Seed.RoleArn("viewer"), "trust-policy/" + Seed.RoleArn("app-web")], result.Refusal!.Stale.Select(s => s.Address));
        Assert.Contains("username somebody", result.Refusal.Stale[0].Message, StringComparison.Ordinal);
        Assert.Contains($"different statement with Sid {deny["Sid"]!.GetValue<string>()}", result.Refusal.Stale[1].Message, StringComparison.Ordinal);
        Assert.Equal(before, await world.SnapshotAsync());
        Assert.False(File.Exists(world.JournalPath));

        // Someone removes what conflicts; the same plan then applies.
        await world.EksClient.DeleteAccessEntryAsync(Seed.Cluster, Seed.RoleArn("viewer"), CancellationToken.None);
        await world.IamClient.UpdateAssumeRolePolicyAsync("app-web", Seed.InitialTrustOf("app-web"), CancellationToken.None);
        var second = await world.ApplyAsync(plan, world.Options());

        Assert.True(second.Succeeded, string.Join("\n", second.Steps.Where(s => s.Status != StepStatus.Done)));
    }

    [Fact]
    public async Task AnObjectChangedDuringTheRun_StopsItsChangeBeforeTheWrite_AndLaterStages_ThenResumes()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var trust = "trust-policy/" + Seed.RoleArn("app-web");
        var deny = TrustStatementOf(plan, "app-web");
        deny["Effect"] = "Deny";
        var options = world.Options(parallel: 1, crash: (point, address) =>
        {
            if (point == CrashPoint.BeforeStep && address == trust)
            {
                AddStatementAsync(world, "app-web", deny.ToJsonString()).GetAwaiter().GetResult();
            }
        });

        var result = await world.ApplyAsync(plan, options);

        Assert.False(result.Succeeded);
        var stale = Step(result, trust);
        Assert.Equal(StepStatus.Stale, stale.Status);
        Assert.Contains("different statement with Sid", stale.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Stale);
        Assert.All(result.Steps.Where(s => s.Address.StartsWith("service-account/", StringComparison.Ordinal) || s.Address.StartsWith("workload/", StringComparison.Ordinal)), s => Assert.Equal(StepStatus.Skipped, s.Status));
        Assert.Equal(0, world.Kubernetes.Requests.Entries.Count(r => r.Method == "POST" && r.Path.Contains("/serviceaccounts", StringComparison.Ordinal)));
        Assert.Contains("\"Deny\"", (await world.IamClient.GetRoleAsync("app-web", CancellationToken.None)).AssumeRolePolicyDocument!, StringComparison.Ordinal);

        await world.IamClient.UpdateAssumeRolePolicyAsync("app-web", Seed.InitialTrustOf("app-web"), CancellationToken.None);
        var resumed = await world.ApplyAsync(plan, world.Options());

        Assert.True(resumed.Succeeded, string.Join("\n", resumed.Steps.Where(s => s.Status is StepStatus.Failed or StepStatus.Stale)));
        Assert.Equal(StepStatus.Done, Step(resumed, trust).Status);
    }

    private static JsonObject TrustStatementOf(SavedPlan plan, string role) =>
        JsonNode.Parse(plan.Plan.Changes.OfType<UpdateAssumeRolePolicyChange>().Single(c => c.RoleArn == Seed.RoleArn(role)).StatementsAdded.Single().GetRawText())!.AsObject();

    private static StepOutcome Step(ApplyResult result, string address) => result.Steps.Single(s => s.Address == address);

    private static async Task AddStatementAsync(World world, string role, string statement)
    {
        var document = JsonNode.Parse((await world.IamClient.GetRoleAsync(role, CancellationToken.None)).AssumeRolePolicyDocument!)!;
        document["Statement"]!.AsArray().Add(JsonNode.Parse(statement));
        await world.IamClient.UpdateAssumeRolePolicyAsync(role, document.ToJsonString(), CancellationToken.None);
    }
}
