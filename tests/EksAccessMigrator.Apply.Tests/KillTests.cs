using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>
/// The process killed before and inside every step of the three phases' plans, made by the real scanner and planner
/// from the state the previous phase left; together they touch every change kind (workload and finalize changes
/// included). Applying again equals an uninterrupted apply (EKS, IAM and every Kubernetes object compared); rollback
/// then equals the phase's starting state, absent fields included (but the authentication mode, which only moves
/// forward; restart timestamps are masked, their presence is compared).
/// </summary>
[Collection(MotoGroup.Name)]
public sealed class KillTests(MotoServer moto)
{
    private static readonly CrashPoint[] Points = [CrashPoint.BeforeStep, CrashPoint.AfterIntent, CrashPoint.AfterCall];

    [Fact]
    public async Task ThePhasesTogether_TouchEveryChangeKind()
    {
        await using var world = await World.StartAsync(moto);
        var kinds = new HashSet<Type>();
        foreach (var phase in new[] { PlanPhase.Migrate, PlanPhase.Cutover, PlanPhase.Finalize })
        {
            var plan = await world.SavePlanAsync(phase);
            kinds.UnionWith(plan.Plan.Changes.Select(c => c.GetType()));
            Assert.True((await world.ApplyAsync(plan, world.Options() with { JournalPath = Path.Combine(world.Directory, phase.Wire() + ".jsonl") })).Succeeded);
        }

        Assert.Equal(typeof(PlanChange).Assembly.GetTypes().Where(t => t.IsSealed && t.IsSubclassOf(typeof(PlanChange))).ToHashSet(), kinds);
    }

    [Theory]
    [InlineData(PlanPhase.Migrate)]
    [InlineData(PlanPhase.Cutover)]
    [InlineData(PlanPhase.Finalize)]
    public async Task KillBeforeAndInsideEveryStep_ApplyAgainEqualsAnUninterruptedApply_AndRollbackThenRestoresTheStart(PlanPhase phase)
    {
        var (expected, start, order) = await BaselineAsync(phase);
        foreach (var address in order)
        {
            foreach (var point in Points)
            {
                await KillCaseAsync(phase, address, point, order, expected, start);
            }
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

        foreach (var (point, index) in new[] { (CrashPoint.AfterIntent, order.Length - 1), (CrashPoint.AfterCall, order.Length / 2), (CrashPoint.BeforeStep, 3) })
        {
            await Assert.ThrowsAsync<SimulatedKill>(() => world.RollbackAsync(world.Options(crash: KillAt(order[index].Address, point))));
        }

        var result = await world.RollbackAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.NeedsAttention));
        Assert.Equal(before, await world.SnapshotAsync(maskMode: true));
        Assert.Contains(result.Steps, s => s.Status == UndoStatus.Restored && s.Action == "CreateAddon");
    }

    private async Task<(string Expected, string Start, string[] Order)> BaselineAsync(PlanPhase phase)
    {
        await using var world = await World.StartAsync(moto);
        await world.ReachAsync(phase);
        var start = await world.SnapshotAsync(maskRestartTimes: true, maskMode: true);
        var plan = await world.SavePlanAsync(phase);
        var result = await world.ApplyAsync(plan, world.Options(parallel: 1));
        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != StepStatus.Done)));
        Assert.Equal(plan.Plan.Changes.Length, result.Done);
        Assert.True(plan.Plan.Changes.Length >= 2);
        return (await world.SnapshotAsync(maskRestartTimes: true), start, [.. PlanExecutor.ExecutionOrder(plan.Plan).Select(c => c.Address)]);
    }

    private static Action<CrashPoint, string> KillAt(string address, CrashPoint point) => (p, a) =>
    {
        if (p == point && a == address)
        {
            throw new SimulatedKill();
        }
    };

    private async Task KillCaseAsync(PlanPhase phase, string address, CrashPoint point, string[] order, string expected, string start)
    {
        await using var world = await World.StartAsync(moto);
        await world.ReachAsync(phase);
        var plan = await world.SavePlanAsync(phase);
        Assert.Equal(order, PlanExecutor.ExecutionOrder(plan.Plan).Select(c => c.Address));
        await Assert.ThrowsAsync<SimulatedKill>(() => world.ApplyAsync(plan, world.Options(parallel: 1, crash: KillAt(address, point))));

        var resumed = await world.ApplyAsync(plan, world.Options(parallel: 1));

        var where = $"{phase.Wire()}, killed {point} {address}";
        Assert.True(resumed.Succeeded, $"{where}: {resumed.Refusal}{string.Join("\n", resumed.Refusal?.Stale ?? [])}{string.Join("\n", resumed.Steps.Where(s => s.Status is StepStatus.Failed or StepStatus.Stale))}");
        Assert.Equal(expected, await world.SnapshotAsync(maskRestartTimes: true));

        var rolledBack = await world.RollbackAsync();

        Assert.True(rolledBack.Succeeded, $"{where}: " + string.Join("\n", rolledBack.NeedsAttention));
        Assert.Equal(start, await world.SnapshotAsync(maskRestartTimes: true, maskMode: true));
    }
}
