using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>
/// Issue 11, apply at the API's limit: the entries a plan creates are listed once when the checks begin, and a
/// CreateAccessEntry not listed then is written without a DescribeAccessEntry before it; the create itself is the
/// check right before the call, so an entry that appears meanwhile is compared, never overwritten.
/// </summary>
[Collection(MotoGroup.Name)]
public sealed class AccessEntryListingTests(MotoServer moto)
{
    [Fact]
    public async Task CreateAccessEntry_NotListedWhenTheChecksBegan_IsCreatedWithoutBeingDescribedFirst()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var creates = plan.Plan.Changes.OfType<CreateAccessEntryChange>().ToList();
        Assert.NotEmpty(creates);
        var before = world.Eks.Requests.Operations.Count;

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != StepStatus.Done).Select(s => $"{s.Address}: {s.Status} {s.Message}")));
        var operations = world.Eks.Requests.Operations.Skip(before).ToList();
        Assert.Equal(creates.Count, operations.Count(o => o == "CreateAccessEntry"));
        var firstCreate = operations.IndexOf("CreateAccessEntry");
        Assert.Equal(1, operations.Take(firstCreate).Count(o => o == "ListAccessEntries"));

        // Before the listing, every create cost a describe in the checks and another in its step.
        Assert.True(
            operations.Count(o => o == "DescribeAccessEntry") < creates.Count,
            $"{operations.Count(o => o == "DescribeAccessEntry")} DescribeAccessEntry calls for {creates.Count} created entries: the creates were described");
    }

    [Theory]
    [InlineData("CONFIG_MAP", 1)]
    [InlineData("API_AND_CONFIG_MAP", 0)]
    public async Task Preflight_DescribesTheClusterOnce_ForTheClusterChecks_TheIdentityCheck_AndTheListingsFallback(string mode, int modeChanges)
    {
        await using var world = await World.StartAsync(moto, mode);
        var plan = await world.SavePlanAsync();
        Assert.Equal(modeChanges, plan.Plan.Changes.OfType<UpdateClusterConfigChange>().Count());
        var before = world.Eks.Requests.Operations.Count;

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.True(result.Succeeded);
        var operations = world.Eks.Requests.Operations.Skip(before).ToList();
        var firstWrite = operations.FindIndex(o => !o.StartsWith("Describe", StringComparison.Ordinal) && !o.StartsWith("List", StringComparison.Ordinal));
        var read = string.Join(", ", operations.Take(firstWrite));

        // One describe checks the cluster, its ARN (identity) and, when the listing is refused in CONFIG_MAP mode, the
        // mode; the mode change reads the cluster once in the checks and once more right before its call.
        Assert.True(operations.Take(firstWrite).Count(o => o == "DescribeCluster") == 1 + (2 * modeChanges), read);
        Assert.Equal(modeChanges == 1 ? "UpdateClusterConfig" : "CreateAccessEntry", operations[firstWrite]);
    }

    [Fact]
    public async Task CreateAccessEntry_AnIdenticalEntryAppearingAfterTheListing_IsAccepted_ADifferentOne_IsStaleAndKept()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var creates = plan.Plan.Changes.OfType<CreateAccessEntryChange>().Where(c => c.Type == Core.Planning.AccessEntryType.Standard).Take(2).ToList();
        Assert.Equal(2, creates.Count);
        var (same, other) = (creates[0], creates[1]);

        var result = await world.ApplyAsync(plan, world.Options(crash: (point, address) =>
        {
            // Someone else creates the two entries after apply listed the cluster's entries, right before the steps.
            if (point == CrashPoint.BeforeStep && address == same.Address)
            {
                world.Eks.State.AddAccessEntry(Seed.Cluster, same.PrincipalArn, "STANDARD", same.Username, same.KubernetesGroups);
            }
            else if (point == CrashPoint.BeforeStep && address == other.Address)
            {
                world.Eks.State.AddAccessEntry(Seed.Cluster, other.PrincipalArn, "STANDARD", "someone-else", ["other-group"]);
            }
        }));

        var sameStep = result.Steps.Single(s => s.Address == same.Address);
        Assert.Equal(StepStatus.Done, sameStep.Status);
        Assert.Contains("an identical access entry exists", sameStep.Message, StringComparison.Ordinal);
        var otherStep = result.Steps.Single(s => s.Address == other.Address);
        Assert.Equal(StepStatus.Stale, otherStep.Status);
        Assert.Contains("appeared meanwhile and differs", otherStep.Message, StringComparison.Ordinal);
        var kept = await world.EksClient.DescribeAccessEntryAsync(Seed.Cluster, other.PrincipalArn, CancellationToken.None);
        Assert.Equal("someone-else", kept.Username);
        Assert.Equal(["other-group"], kept.KubernetesGroups);
    }
}
