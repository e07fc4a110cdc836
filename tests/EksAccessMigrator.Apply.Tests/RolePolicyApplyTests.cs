using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>Rule N2 applied (moto): finalize deletes the node role's assume-only inline policy and rewrites the mixed one, idempotently, and rolls back.</summary>
[Collection(MotoGroup.Name)]
public sealed class RolePolicyApplyTests(MotoServer moto)
{
    [Fact]
    public async Task N2_FinalizeDeletesAndRewritesTheInlinePolicies_OnceOnly_AndRollbackPutsThemBack()
    {
        await using var world = await World.StartAsync(moto);
        await world.ReachAsync(PlanPhase.Finalize);
        var plan = await world.SavePlanAsync(PlanPhase.Finalize, "n2-finalize.json");
        Assert.Single(plan.Plan.Changes.OfType<DeleteRolePolicyChange>());
        Assert.Single(plan.Plan.Changes.OfType<PutRolePolicyChange>());

        var result = await world.ApplyAsync(plan, world.Options());
        var again = await world.ApplyAsync(plan, world.Options() with { JournalPath = Path.Combine(world.Directory, "again.jsonl") });

        Assert.True(result.Succeeded, string.Join("\n", result.Steps));
        await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => world.IamClient.GetRolePolicyAsync("node", "kube2iam", CancellationToken.None));
        var extras = JsonNode.Parse(await world.IamClient.GetRolePolicyAsync("node", "node-extras", CancellationToken.None))!["Statement"]!.AsArray();
        Assert.Equal("Logs", Assert.Single(extras)!["Sid"]!.GetValue<string>());
        Assert.True(again.Succeeded, string.Join("\n", again.Steps));
        Assert.Contains(again.Steps, s => s.Message.Contains("already deleted", StringComparison.Ordinal));
        Assert.Contains(again.Steps, s => s.Message.Contains("already without the statement", StringComparison.Ordinal));

        var rollback = await world.RollbackAsync();

        Assert.True(rollback.Succeeded);
        Assert.Contains("sts:AssumeRole", await world.IamClient.GetRolePolicyAsync("node", "kube2iam", CancellationToken.None), StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(await world.IamClient.GetRolePolicyAsync("node", "node-extras", CancellationToken.None))!["Statement"]!.AsArray().Count);
    }
}
