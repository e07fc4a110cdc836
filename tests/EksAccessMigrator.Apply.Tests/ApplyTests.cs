using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

[Collection(MotoGroup.Name)]
public sealed class ApplyTests(MotoServer moto)
{
    [Fact]
    public async Task Apply_PerformsEveryKind_InStageOrder_AndASecondApplyDoesNothing()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True(plan.Plan.Changes.Length >= 20);
        Assert.Equal(11, plan.Plan.Changes.Select(c => c.GetType()).Distinct().Count());

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != StepStatus.Done).Select(s => $"{s.Address}: {s.Status} {s.Message}")));
        Assert.Equal(plan.Plan.Changes.Length, result.Done);
        Assert.Equal(PlanExecutor.ExecutionOrder(plan.Plan).Select(c => c.Address), result.Steps.Select(s => s.Address));
        Assert.Equal("API", world.Eks.State.AuthenticationModeOf(Seed.Cluster));
        var after = await world.SnapshotAsync(maskRestartTimes: true);
        Assert.Contains("pods.eks.amazonaws.com", after, StringComparison.Ordinal);

        var requestsBefore = world.Eks.Requests.Count("CreateAccessEntry");
        var again = await world.ApplyAsync(plan, world.Options());

        Assert.True(again.Succeeded);
        Assert.Equal(plan.Plan.Changes.Length, again.Skipped);
        Assert.All(again.Steps, s => Assert.Equal("done in an earlier run", s.Message));
        Assert.Equal(requestsBefore, world.Eks.Requests.Count("CreateAccessEntry"));
        Assert.Equal(after, await world.SnapshotAsync(maskRestartTimes: true));
    }

    [Fact]
    public async Task Progress_ReportsEveryStepStartedAndFinished_WithItsStatus()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var progress = new RecordingProgress();

        var result = await new PlanExecutor(world.Clients, world.Options(restart: false), progress).ApplyAsync(plan, CancellationToken.None);

        var events = progress.Events.ToList();
        Assert.Equal(plan.Plan.Changes.Length, events.Count(e => e.StartsWith("started ", StringComparison.Ordinal)));
        Assert.Equal(result.Done, events.Count(e => e.StartsWith("Done ", StringComparison.Ordinal)));
        Assert.Equal(3, events.Count(e => e.StartsWith("Skipped restart/", StringComparison.Ordinal)));
        Assert.All(result.Steps, s => Assert.True(s.Elapsed >= TimeSpan.Zero));
        Assert.True(events.IndexOf("Done cluster/authentication-mode-api") > events.IndexOf("Done access-entry/" + Seed.RoleArn("admin")));
    }

    [Fact]
    public async Task Restarts_AreSkipped_UnlessAsked()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();

        var result = await world.ApplyAsync(plan, world.Options(restart: false));

        Assert.True(result.Succeeded);
        var restarts = result.Steps.Where(s => s.Action == RestartWorkloadChange.ActionName).ToList();
        Assert.Equal(3, restarts.Count);
        Assert.All(restarts, s => Assert.Equal(StepStatus.Skipped, s.Status));
        Assert.DoesNotContain("restartedAt", world.Kubernetes.State.SnapshotJson(), StringComparison.Ordinal);
    }
}
