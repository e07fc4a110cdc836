using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>
/// Issue 11: the steps share aws-auth reads (<c>FreshRead</c>), yet each step still checks aws-auth as it is right
/// before its call: an edit made after the preflight, while the run is going, makes every later change made from the
/// edited section stale, and none of them is written.
/// </summary>
[Collection(MotoGroup.Name)]
public sealed class AwsAuthEditedDuringApplyTests(MotoServer moto)
{
    [Fact]
    public async Task AnAwsAuthSectionEditedAfterThePreflight_MakesTheStepsMadeFromIt_Stale_AndNoneIsWritten()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var fromMapRoles = plan.Plan.Changes.Where(c => c.Sources.Any(s => s.StartsWith("aws-auth/mapRoles", StringComparison.Ordinal))).Select(c => c.Address).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(fromMapRoles);
        var progress = new EditOnFirstStep(() => world.Kubernetes.State.Mutate(ResourceKinds.ConfigMap, "kube-system", "aws-auth", cm =>
            cm["data"]!["mapRoles"] = Seed.AwsAuthMapRoles.Replace("username: viewer", "username: viewer-revoked", StringComparison.Ordinal)));

        var result = await new PlanExecutor(world.Clients, world.Options(parallel: 1), progress).ApplyAsync(plan, CancellationToken.None);

        Assert.Null(result.Refusal);
        Assert.True(progress.Edited);
        Assert.False(result.Succeeded);
        var started = result.Steps.Where(s => fromMapRoles.Contains(s.Address) && s.Status != StepStatus.Skipped).ToList();
        Assert.NotEmpty(started);
        Assert.All(started, s => Assert.Equal(StepStatus.Stale, s.Status));
        Assert.All(started, s => Assert.Contains("aws-auth mapRoles changed since the plan was made", s.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Steps, s => fromMapRoles.Contains(s.Address) && s.Status == StepStatus.Done);
    }

    [Fact]
    public async Task EachCheckReadsAwsAuthsVersion_AndItsDataOnlyAfterTheVersionMoved()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var fromAwsAuth = plan.Plan.Changes.Count(c => c.Sources.Any(s => s.StartsWith("aws-auth/", StringComparison.Ordinal)) && c is not ReplaceConfigMapChange);
        Assert.True(fromAwsAuth >= 2, $"{fromAwsAuth} changes made from aws-auth");
        world.Kubernetes.Requests.Clear();

        var result = await new PlanExecutor(world.Clients, world.Options(parallel: 1), new EditOnFirstStep(() => { })).ApplyAsync(plan, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != StepStatus.Done).Select(s => $"{s.Address}: {s.Status} {s.Message}")));
        var reads = world.Kubernetes.Requests.Entries.Where(r => r.Method == "GET" && r.Path.EndsWith("/configmaps/aws-auth", StringComparison.Ordinal)).ToList();

        // One check per change in the preflight and one more right before each call (serial here: none shared), each a
        // metadata read; aws-auth did not change, so its data was read once, by the first check.
        Assert.True(reads.Count(r => r.MetadataOnly) >= 2 * fromAwsAuth, $"{reads.Count(r => r.MetadataOnly)} metadata reads for {fromAwsAuth} changes");
        Assert.Equal(1, reads.Count(r => !r.MetadataOnly));
    }

    private sealed class EditOnFirstStep(Action edit) : IApplyProgress
    {
        public bool Edited { get; private set; }

        public void StepStarted(int index, PlanChange change)
        {
            if (!Edited)
            {
                Edited = true;
                edit();
            }
        }

        public void StepFinished(StepOutcome outcome)
        {
        }

        public void UndoFinished(UndoOutcome outcome)
        {
        }
    }
}
