using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Tests.Support;

namespace EksAccessMigrator.Apply.Tests;

[Collection(MotoGroup.Name)]
public sealed class JournalTests(MotoServer moto)
{
    [Fact]
    public async Task Journal_HasAHeaderIntentsWithTheStateBefore_AndOutcomes_AndNoSecrets()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);
        Assert.True((await world.RollbackAsync()).Succeeded);

        var text = await File.ReadAllTextAsync(world.JournalPath);
        foreach (var secret in new[] { moto.OperatorCredentials.AccessKeyId, moto.OperatorCredentials.SecretAccessKey, moto.OperatorCredentials.SessionToken!, World.BearerToken, "Authorization", "X-Amz-Security-Token" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        var records = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var header = records[0];
        Assert.Equal("header", header["type"]!.GetValue<string>());
        Assert.Equal(plan.Hash, header["planHash"]!.GetValue<string>());
        Assert.Equal(Seed.Cluster, header["cluster"]!["name"]!.GetValue<string>());
        Assert.NotNull(header["toolVersion"]);
        Assert.NotNull(header["startedAt"]);
        Assert.Equal(plan.Plan.Changes.Length, records.Count(r => r["type"]!.GetValue<string>() == "intent"));
        Assert.Equal(plan.Plan.Changes.Length, records.Count(r => r["type"]!.GetValue<string>() == "done"));
        var trust = records.Single(r => r["type"]!.GetValue<string>() == "intent" && r["address"]!.GetValue<string>() == "trust-policy/" + Seed.RoleArn("app-cart"));
        Assert.Contains("ec2.amazonaws.com", trust["before"]!["document"]!.GetValue<string>(), StringComparison.Ordinal);
        var patch = records.Single(r => r["type"]!.GetValue<string>() == "intent" && r["address"]!.GetValue<string>() == "workload/shop/Deployment/web");
        Assert.True(patch["before"]!.AsObject().ContainsKey("serviceAccountName"));
        Assert.Null(patch["before"]!["serviceAccountName"]);
        var created = records.Single(r => r["type"]!.GetValue<string>() == "done" && r["address"]!.GetValue<string>() == "service-account/shop/web");
        Assert.False(string.IsNullOrEmpty(created["after"]!["uid"]!.GetValue<string>()));
        Assert.Contains(records, r => r["type"]!.GetValue<string>() == "rollback-started");
        Assert.Equal(plan.Plan.Changes.Length, records.Count(r => r["type"]!.GetValue<string>() == "undo-done"));

        var again = await world.ApplyAsync(plan, world.Options());
        Assert.Equal(RefusalReason.AlreadyRolledBack, again.Refusal?.Reason);
    }
}
