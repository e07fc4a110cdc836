using EksAccessMigrator.Apply.Tests.Support;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>
/// The process killed at every step boundary of a 24-step plan touching every change kind: applying again gives
/// the state of an uninterrupted apply, and rollback gives the state before the first apply (but the mode).
/// </summary>
[Collection(MotoGroup.Name)]
public sealed class KillTests(MotoServer moto)
{
    [Fact]
    public async Task KillBeforeEachStep_ThenApplyAgain_EqualsUninterruptedApply_AndRollbackRestoresTheStart()
    {
        var (expected, before, steps) = await BaselineAsync();
        for (var k = 0; k < steps; k++)
        {
            await ResumeCaseAsync(k, CrashPoint.BeforeStep, expected);
            await RollbackCaseAsync(k, CrashPoint.BeforeStep, before);
        }
    }

    [Fact]
    public async Task KillBetweenIntentAndCall_ThenApplyAgain_EqualsUninterruptedApply_AndRollbackRestoresTheStart()
    {
        var (expected, before, steps) = await BaselineAsync();
        for (var k = 0; k < steps; k++)
        {
            await ResumeCaseAsync(k, CrashPoint.AfterIntent, expected);
            await RollbackCaseAsync(k, CrashPoint.AfterIntent, before);
        }
    }

    [Fact]
    public async Task KillBetweenCallAndOutcome_ThenApplyAgain_EqualsUninterruptedApply_AndRollbackRestoresTheStart()
    {
        var (expected, before, steps) = await BaselineAsync();
        for (var k = 0; k < steps; k++)
        {
            await ResumeCaseAsync(k, CrashPoint.AfterCall, expected);
            await RollbackCaseAsync(k, CrashPoint.AfterCall, before);
        }
    }

    [Fact]
    public async Task InterruptedRollback_Resumes()
    {
        await using var world = await World.StartAsync(moto);
        var before = await world.SnapshotAsync(maskMode: true);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);
        var order = PlanExecutor.ExecutionOrder(plan.Plan);

        foreach (var point in new[] { CrashPoint.AfterIntent, CrashPoint.AfterCall, CrashPoint.BeforeStep })
        {
            var victim = order[point == CrashPoint.AfterIntent ? 20 : point == CrashPoint.AfterCall ? 12 : 3].Address;
            var killed = world.Options(crash: (p, address) =>
            {
                if (p == point && address == victim)
                {
                    throw new SimulatedKill();
                }
            });
            await Assert.ThrowsAsync<SimulatedKill>(() => world.RollbackAsync(killed));
        }

        var result = await world.RollbackAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.NeedsAttention));
        Assert.Equal(before, await world.SnapshotAsync(maskMode: true));
        Assert.Contains(result.Steps, s => s.Status == UndoStatus.Irreversible && s.Message.Contains("cannot be undone", StringComparison.Ordinal));
        Assert.Contains(result.Steps, s => s.Status == UndoStatus.Restored && s.Action == "CreateAddon");
    }

    private async Task<(string Expected, string Before, int Steps)> BaselineAsync()
    {
        await using var world = await World.StartAsync(moto);
        var before = await world.SnapshotAsync(maskMode: true);
        var plan = await world.SavePlanAsync();
        var result = await world.ApplyAsync(plan, world.Options(parallel: 1));
        Assert.True(result.Succeeded);
        Assert.True(plan.Plan.Changes.Length >= 20);
        return (await world.SnapshotAsync(maskRestartTimes: true), before, plan.Plan.Changes.Length);
    }

    private static Action<CrashPoint, string> KillAt(string address, CrashPoint point) => (p, a) =>
    {
        if (p == point && a == address)
        {
            throw new SimulatedKill();
        }
    };

    private async Task ResumeCaseAsync(int k, CrashPoint point, string expected)
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var address = PlanExecutor.ExecutionOrder(plan.Plan)[k].Address;
        await Assert.ThrowsAsync<SimulatedKill>(() => world.ApplyAsync(plan, world.Options(parallel: 1, crash: KillAt(address, point))));

        var resumed = await world.ApplyAsync(plan, world.Options(parallel: 1));

        Assert.True(resumed.Succeeded, $"k={k} {point} {address}: " + (resumed.Refusal?.ToString() ?? string.Join("\n", resumed.Steps.Where(s => s.Status == StepStatus.Failed))) + string.Join("\n", resumed.Refusal?.Differences ?? []));
        Assert.Equal(expected, await world.SnapshotAsync(maskRestartTimes: true));
    }

    private async Task RollbackCaseAsync(int k, CrashPoint point, string before)
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var address = PlanExecutor.ExecutionOrder(plan.Plan)[k].Address;
        await Assert.ThrowsAsync<SimulatedKill>(() => world.ApplyAsync(plan, world.Options(parallel: 1, crash: KillAt(address, point))));

        var result = await world.RollbackAsync();

        Assert.True(result.Succeeded, $"k={k} {point} {address}: " + string.Join("\n", result.NeedsAttention));
        Assert.Equal(before, await world.SnapshotAsync(maskMode: true));
    }
}
