using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>One apply per cluster at a time (journal lock, cluster lease), the cluster's identity, and stopping on a signal.</summary>
[Collection(MotoGroup.Name)]
public sealed class CoordinationTests(MotoServer moto)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TwoConcurrentApplies_OnOneJournal_OneRuns_TheOtherIsRefused_AndTheJournalStaysValid()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        using var inside = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var first = Task.Run(() => world.ApplyAsync(plan, world.Options(crash: Pause(inside, release))));
        Assert.True(await inside.WaitAsync(Bound));

        var second = await world.ApplyAsync(plan, world.Options());
        release.Release();
        var result = await first.WaitAsync(Bound);

        Assert.Equal(RefusalReason.JournalInUse, second.Refusal?.Reason);
        Assert.True(result.Succeeded);
        var lines = (await File.ReadAllTextAsync(world.JournalPath)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("\"type\":\"header\"", StringComparison.Ordinal));
        Assert.True((await world.RollbackAsync()).Succeeded);
    }

    [Fact]
    public async Task TwoConcurrentApplies_WithTwoJournals_TheClusterLeaseRefusesTheSecond_NamingTheHolderAndTheExpiry()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        using var inside = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var first = Task.Run(() => world.ApplyAsync(plan, world.Options(crash: Pause(inside, release))));
        Assert.True(await inside.WaitAsync(Bound));
        var lease = world.Kubernetes.State.Get(ResourceKinds.Lease, "kube-system", "eks-access-migrator");
        var writes = Writes.Count(world);

        var second = await world.ApplyAsync(plan, world.Options() with { JournalPath = Path.Combine(world.Directory, "other-machine.jsonl") });
        release.Release();
        var result = await first.WaitAsync(Bound);

        Assert.NotNull(lease);
        Assert.Contains($"{Environment.UserName}@{Environment.MachineName} pid {Environment.ProcessId} apply of plan {plan.Hash[..12]}", lease["spec"]!["holderIdentity"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(plan.Hash, lease["metadata"]!["annotations"]!["eks-access-migrator.io/plan-hash"]!.GetValue<string>());
        Assert.Equal(RefusalReason.LeaseHeld, second.Refusal?.Reason);
        Assert.Contains(lease["spec"]!["holderIdentity"]!.GetValue<string>(), second.Refusal!.Message, StringComparison.Ordinal);
        Assert.Contains("expires at", second.Refusal.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(world.Directory, "other-machine.jsonl")));
        Assert.True(result.Succeeded);
        Assert.Null(world.Kubernetes.State.Get(ResourceKinds.Lease, "kube-system", "eks-access-migrator"));
        Assert.True(Writes.Count(world) > writes);
    }

    [Fact]
    public async Task ALeasePastItsExpiry_IsTakenOver_AndTheResultSaysSo()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var clock = new SettableClock(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        SeedLease(world, "ops@other-host pid 4242 apply of plan 0123456789ab (run cafe0001)", "other-host", "2026-12-01T09:58:00.000000Z", 60);

        var result = await world.ApplyAsync(plan, world.Options() with { TimeProvider = clock });

        Assert.True(result.Succeeded);
        Assert.Contains(result.Notices, n => n.Contains("took over the cluster lease", StringComparison.Ordinal) && n.Contains("ops@other-host", StringComparison.Ordinal) && n.Contains("expired at 2026-12-01T09:59:00Z", StringComparison.Ordinal));
        Assert.Null(world.Kubernetes.State.Get(ResourceKinds.Lease, "kube-system", "eks-access-migrator"));
    }

    [Fact]
    public async Task ALiveLeaseOfAnotherMachine_RefusesApplyAndRollback_BeforeAnyWrite()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True((await world.ApplyAsync(plan, world.Options())).Succeeded);
        var clock = new SettableClock(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        SeedLease(world, "ops@other-host pid 4242 rollback of plan 0123456789ab (run cafe0001)", "other-host", "2026-12-01T09:59:30.000000Z", 60);
        var journal = await File.ReadAllBytesAsync(world.JournalPath);
        var state = await world.SnapshotAsync();

        var rollback = await world.RollbackAsync(world.Options() with { TimeProvider = clock });
        clock.Advance(TimeSpan.FromSeconds(61));
        var later = await world.RollbackAsync(world.Options() with { TimeProvider = clock });

        Assert.Equal(RefusalReason.LeaseHeld, rollback.Refusal?.Reason);
        Assert.Contains("ops@other-host pid 4242", rollback.Refusal!.Message, StringComparison.Ordinal);
        Assert.Contains("expires at 2026-12-01T10:00:30Z", rollback.Refusal.Message, StringComparison.Ordinal);
        Assert.True(later.Succeeded);
        Assert.Contains(later.Notices, n => n.Contains("took over", StringComparison.Ordinal));
        Assert.NotEqual(state, await world.SnapshotAsync());
        Assert.NotEqual(journal, await File.ReadAllBytesAsync(world.JournalPath));
    }

    [Fact]
    public async Task TheLease_IsRenewedWhileTheRunGoesOn()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        using var inside = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var clock = new SettableClock(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = world.Options(crash: Pause(inside, release)) with { TimeProvider = clock, LeaseDuration = TimeSpan.FromSeconds(30), LeaseRenewInterval = TimeSpan.FromMilliseconds(20) };
        var first = Task.Run(() => world.ApplyAsync(plan, options));
        Assert.True(await inside.WaitAsync(Bound));
        clock.Advance(TimeSpan.FromSeconds(10));

        var expected = clock.GetUtcNow();
        DateTimeOffset? renewed = null;
        for (var i = 0; i < 500 && renewed != expected; i++)
        {
            await Task.Delay(10);
            var text = world.Kubernetes.State.Get(ResourceKinds.Lease, "kube-system", "eks-access-migrator")?["spec"]?["renewTime"]?.GetValue<string>();
            renewed = text is null ? null : DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }

        release.Release();
        Assert.True((await first.WaitAsync(Bound)).Succeeded);
        Assert.Equal(expected, renewed);
    }

    [Fact]
    public async Task ALeaseTakenByAnotherRun_StopsTheRunFromStartingNewSteps()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        using var inside = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var options = world.Options(parallel: 1, crash: Pause(inside, release)) with { LeaseRenewInterval = TimeSpan.FromMilliseconds(20) };
        var first = Task.Run(() => world.ApplyAsync(plan, options));
        Assert.True(await inside.WaitAsync(Bound));
        Assert.True(world.Kubernetes.State.Mutate(ResourceKinds.Lease, "kube-system", "eks-access-migrator", lease => lease["spec"]!["holderIdentity"] = "ops@other-host pid 1 apply of plan 0123456789ab (run beef0001)"));
        for (var i = 0; i < 500 && !world.Kubernetes.Requests.Entries.Any(e => e.Method == "PUT" && e.Path.EndsWith("/leases/eks-access-migrator", StringComparison.Ordinal) && e.StatusCode == 409); i++)
        {
            await Task.Delay(10);
        }

        release.Release();
        var result = await first.WaitAsync(Bound);

        Assert.True(result.LeaseLost);
        Assert.True(result.Interrupted);
        Assert.Equal(StepStatus.Done, result.Steps[0].Status);
        Assert.All(result.Steps.Skip(1), s => Assert.Equal(StepStatus.NotStarted, s.Status));
        Assert.Equal("ops@other-host pid 1 apply of plan 0123456789ab (run beef0001)", world.Kubernetes.State.Get(ResourceKinds.Lease, "kube-system", "eks-access-migrator")!["spec"]!["holderIdentity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rollback_WhileAnApplyHoldsTheJournal_IsRefused()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        using var inside = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var first = Task.Run(() => world.ApplyAsync(plan, world.Options(crash: Pause(inside, release))));
        Assert.True(await inside.WaitAsync(Bound));

        var rollback = await world.RollbackAsync();
        release.Release();

        Assert.Equal(RefusalReason.JournalInUse, rollback.Refusal?.Reason);
        Assert.True((await first.WaitAsync(Bound)).Succeeded);
    }

    [Fact]
    public async Task AnApiServerOfAnotherCluster_IsRefusedBeforeAnyWrite()
    {
        await using var world = await World.StartAsync(moto);
        var saved = await world.SavePlanAsync();
        var path = Path.Combine(world.Directory, "cluster-a.json");
        await File.WriteAllTextAsync(path, PlanJson.Serialize(saved.Plan with { Cluster = saved.Plan.Cluster with { KubeSystemUid = "uid-of-cluster-a" } }));
        var plan = SavedPlan.Load(path);
        var state = await world.SnapshotAsync();

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.Equal(RefusalReason.ClusterMismatch, result.Refusal?.Reason);
        Assert.Contains("uid-of-cluster-a", result.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(0, Writes.Count(world));
        Assert.False(File.Exists(world.JournalPath));
        Assert.Equal(state, await world.SnapshotAsync());
    }

    [Fact]
    public async Task APlanWithoutIdentity_OrForARecreatedCluster_IsRefused()
    {
        await using var world = await World.StartAsync(moto);
        var saved = await world.SavePlanAsync();
        var offline = Path.Combine(world.Directory, "offline.json");
        await File.WriteAllTextAsync(offline, PlanJson.Serialize(saved.Plan with { Cluster = saved.Plan.Cluster with { Arn = null, KubeSystemUid = null } }));
        var recreated = Path.Combine(world.Directory, "recreated.json");
        await File.WriteAllTextAsync(recreated, PlanJson.Serialize(saved.Plan with { Cluster = saved.Plan.Cluster with { Arn = saved.Plan.Cluster.Arn + "-old" } }));

        var unknown = await world.ApplyAsync(SavedPlan.Load(offline), world.Options());
        var other = await world.ApplyAsync(SavedPlan.Load(recreated), world.Options());

        Assert.Equal(RefusalReason.IdentityUnknown, unknown.Refusal?.Reason);
        Assert.Equal(RefusalReason.ClusterMismatch, other.Refusal?.Reason);
        Assert.Equal(0, Writes.Count(world));
    }

    [Fact]
    public async Task AStopRequestedMidApply_StartsNoNewStep_JournalsWhatRan_AndTheResumeFinishesTheRest()
    {
        await using var world = await World.StartAsync(moto);
        await using var reference = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        using var stop = new CancellationTokenSource();
        var steps = 0;
        var options = world.Options(parallel: 1, crash: (point, _) =>
        {
            if (point == CrashPoint.AfterCall && Interlocked.Increment(ref steps) == 5)
            {
                stop.Cancel();
            }
        }) with
        { StopToken = stop.Token };

        var interrupted = await world.ApplyAsync(plan, options);

        Assert.True(interrupted.Interrupted);
        Assert.False(interrupted.Succeeded);
        Assert.Equal(5, interrupted.Done);
        Assert.Equal(plan.Plan.Changes.Length - 5, interrupted.Steps.Count(s => s.Status == StepStatus.NotStarted));
        var journal = JournalHeader.Read(world.JournalPath);
        Assert.Equal(plan.Hash, journal.PlanHash);
        Assert.Null(world.Kubernetes.State.Get(ResourceKinds.Lease, "kube-system", "eks-access-migrator"));

        var resumed = await world.ApplyAsync(plan, world.Options());

        Assert.True(resumed.Succeeded);
        Assert.Equal(5, resumed.Steps.Count(s => s.Message == "done in an earlier run"));
        // The same reviewed plan, uninterrupted, on a second copy of the cluster (IAM is shared, so its trust edits
        // are already in effect there and count as done).
        Assert.True((await reference.ApplyAsync(plan, reference.Options() with { JournalPath = Path.Combine(reference.Directory, "reference.jsonl") })).Succeeded);
        Assert.Equal(Normalise(await reference.SnapshotAsync(maskRestartTimes: true)), Normalise(await world.SnapshotAsync(maskRestartTimes: true)));
    }

    private static string Normalise(string snapshot) => snapshot;

    private static Action<CrashPoint, string> Pause(SemaphoreSlim inside, SemaphoreSlim release)
    {
        var paused = 0;
        return (point, _) =>
        {
            if (point == CrashPoint.AfterIntent && Interlocked.Exchange(ref paused, 1) == 0)
            {
                inside.Release();
                if (!release.Wait(Bound))
                {
                    throw new TimeoutException("the test never released the paused apply");
                }
            }
        };
    }

    private static void SeedLease(World world, string holder, string host, string renewTime, int seconds) => world.Kubernetes.State.Add(new JsonObject
    {
        ["apiVersion"] = "coordination.k8s.io/v1",
        ["kind"] = "Lease",
        ["metadata"] = new JsonObject
        {
            ["name"] = "eks-access-migrator",
            ["namespace"] = "kube-system",
            ["annotations"] = new JsonObject { ["eks-access-migrator.io/holder-host"] = host, ["eks-access-migrator.io/holder-pid"] = "4242" },
        },
        ["spec"] = new JsonObject { ["holderIdentity"] = holder, ["leaseDurationSeconds"] = seconds, ["acquireTime"] = renewTime, ["renewTime"] = renewTime },
    });
}
