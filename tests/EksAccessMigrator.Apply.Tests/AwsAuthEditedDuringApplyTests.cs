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
