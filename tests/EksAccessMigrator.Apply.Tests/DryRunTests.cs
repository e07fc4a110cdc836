using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

[Collection(MotoGroup.Name)]
public sealed class DryRunTests(MotoServer moto)
{
    [Fact]
    public async Task DryRun_WritesNothing_NotEvenTheJournal_AndListsTheExactCalls()
    {
        await using var world = await World.StartAsync(moto, "CONFIG_MAP");
        var plan = await world.SavePlanAsync();
        var before = await world.SnapshotAsync();

        var result = await world.ApplyAsync(plan, world.Options(dryRun: true));

        Assert.True(result.DryRun);
        Assert.Null(result.JournalPath);
        Assert.False(File.Exists(world.JournalPath));
        Assert.Equal(before, await world.SnapshotAsync());
        Assert.Equal("CONFIG_MAP", world.Eks.State.AuthenticationModeOf(Seed.Cluster));
        Assert.Equal(0, world.Eks.Requests.Count("UpdateClusterConfig") + world.Eks.Requests.Count("CreateAccessEntry") + world.Eks.Requests.Count("CreateAddon"));
        Assert.True(result.Steps.All(s => s.Status == StepStatus.WouldRun), string.Join("\n", result.Steps.Where(s => s.Status != StepStatus.WouldRun)));

        var calls = result.PlannedCalls;
        Assert.Equal(plan.Plan.Changes.Length, calls.Length);
        Assert.Equal("UpdateClusterConfig", calls[0].Operation);
        Assert.Equal("{\"accessConfig\":{\"authenticationMode\":\"API_AND_CONFIG_MAP\"}}", calls[0].Body);
        Assert.Contains(calls, c => c.Operation == "CreateAccessEntry" && c.Target == $"{Seed.Cluster}/{Seed.RoleArn("admin")}" && c.Body.Contains("\"username\":\"admin\"", StringComparison.Ordinal));
        var trust = Assert.Single(calls, c => c.Operation == "UpdateAssumeRolePolicy" && c.Target == Seed.RoleArn("app-cart"));
        Assert.Contains("ec2.amazonaws.com", trust.Body, StringComparison.Ordinal);
        var sid = plan.Plan.Changes.OfType<UpdateAssumeRolePolicyChange>().Single(c => c.RoleArn == Seed.RoleArn("app-cart")).StatementsAdded.Single().GetProperty("Sid").GetString()!;
        Assert.Contains(sid, trust.Body, StringComparison.Ordinal);
        Assert.Contains(calls, c => c.Operation == "PatchWorkload" && c.Target == "Deployment shop/web" && c.Body == "{\"serviceAccountName\":\"web\"}");
    }

    [Fact]
    public async Task ModeChange_FromConfigMap_IsAppliedFirstAndWaitedOn()
    {
        await using var world = await World.StartAsync(moto, "CONFIG_MAP");
        var plan = await world.SavePlanAsync();

        var result = await world.ApplyAsync(plan, world.Options(restart: false));

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status == StepStatus.Failed)));
        Assert.Equal("UpdateClusterConfig", result.Steps[0].Action);
        Assert.True(world.Eks.Requests.Count("DescribeUpdate") >= 2);
        Assert.Equal("API_AND_CONFIG_MAP", world.Eks.State.AuthenticationModeOf(Seed.Cluster));
        var journal = await File.ReadAllTextAsync(world.JournalPath);
        Assert.Contains("\"awsAuth\":{\"resourceVersion\"", journal, StringComparison.Ordinal);
        Assert.Contains("system:node:{{EC2PrivateDNSName}}", journal, StringComparison.Ordinal);
    }
}
