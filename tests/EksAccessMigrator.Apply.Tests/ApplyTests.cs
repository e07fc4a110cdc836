using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests;

[Collection(MotoGroup.Name)]
public sealed class ApplyTests(MotoServer moto)
{
    [Fact]
    public async Task Apply_PerformsEveryStepInStageOrder_AndApplyingAgainWritesNothing_NothingLeftToDo()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        Assert.True(plan.Plan.Changes.Length >= 10);

        var result = await world.ApplyAsync(plan, world.Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != StepStatus.Done).Select(s => $"{s.Address}: {s.Status} {s.Message}")));
        Assert.False(result.NothingLeftToDo);
        Assert.Equal(plan.Plan.Changes.Length, result.Done);
        Assert.Equal(PlanExecutor.ExecutionOrder(plan.Plan).Select(c => c.Address), result.Steps.Select(s => s.Address));
        var after = await world.SnapshotAsync();
        Assert.Contains("pods.eks.amazonaws.com", after, StringComparison.Ordinal);
        var journal = await File.ReadAllTextAsync(world.JournalPath);
        var eksRequests = world.Eks.Requests.Operations.Count;
        var kubernetesWrites = KubernetesWrites(world);

        // The same journal: every step done in an earlier run. A new journal: every change found in effect.
        foreach (var journalPath in new[] { world.JournalPath, Path.Combine(world.Directory, "other.jsonl") })
        {
            var again = await world.ApplyAsync(plan, world.Options() with { JournalPath = journalPath });

            Assert.True(again.Succeeded);
            Assert.True(again.NothingLeftToDo);
            Assert.Equal(plan.Plan.Changes.Length, again.Skipped);
            Assert.All(again.Steps, s => Assert.True(s.Message is "done in an earlier run" || s.Message.StartsWith("already in effect: ", StringComparison.Ordinal), s.Message));
            if (journalPath != world.JournalPath)
            {
                var made = $"(made by {OwnershipMarkers.ManagedByValue}, plan {plan.Hash[..12]})";
                Assert.EndsWith(made, again.Steps.Single(s => s.Address == "access-entry/" + Seed.RoleArn("admin")).Message, StringComparison.Ordinal);
                Assert.EndsWith(made, again.Steps.Single(s => s.Address == "pod-identity-association/shop/web").Message, StringComparison.Ordinal);
                Assert.EndsWith(made, again.Steps.Single(s => s.Address == "addon/eks-pod-identity-agent").Message, StringComparison.Ordinal);
                Assert.EndsWith("made by this tool for shop/Deployment/web", again.Steps.Single(s => s.Address == "service-account/shop/web").Message, StringComparison.Ordinal);
            }
        }

        Assert.Equal(0, world.Eks.Requests.Operations.Skip(eksRequests).Count(o => !IsRead(o)));
        Assert.Equal(kubernetesWrites, KubernetesWrites(world));
        Assert.Equal(journal, await File.ReadAllTextAsync(world.JournalPath));
        Assert.False(File.Exists(Path.Combine(world.Directory, "other.jsonl")));
        Assert.Equal(after, await world.SnapshotAsync());
    }

    [Fact]
    public async Task OwnershipMarkers_OnWhatApplyCreates_AndAPlanOfTheHalfMigratedClusterPlansTheRest()
    {
        await using var world = await World.StartAsync(moto);
        var plan = await world.SavePlanAsync();
        var patch = "workload/shop/Deployment/web";
        await Assert.ThrowsAsync<SimulatedKill>(() => world.ApplyAsync(plan, world.Options(parallel: 1, crash: (point, address) =>
        {
            if (point == CrashPoint.BeforeStep && address == patch)
            {
                throw new SimulatedKill();
            }
        })));

        var account = world.Kubernetes.State.Get(FakeKubernetes.ResourceKinds.ServiceAccount, "shop", "web")!;
        Assert.Equal(OwnershipMarkers.ManagedByValue, account["metadata"]!["labels"]![OwnershipMarkers.ManagedByLabel]!.GetValue<string>());
        Assert.Equal(plan.Hash, account["metadata"]!["annotations"]![OwnershipMarkers.PlanAnnotation]!.GetValue<string>());
        Assert.Equal("shop/Deployment/web", account["metadata"]!["annotations"]![OwnershipMarkers.ForWorkloadAnnotation]!.GetValue<string>());
        var entry = await world.EksClient.DescribeAccessEntryAsync(Seed.Cluster, Seed.RoleArn("viewer"), CancellationToken.None);
        Assert.Equal(plan.Hash, entry.Tags![OwnershipMarkers.PlanTag]);
        Assert.Equal(OwnershipMarkers.ManagedByValue, entry.Tags[OwnershipMarkers.ManagedByTag]);
        await foreach (var summary in world.EksClient.ListPodIdentityAssociationsAsync(Seed.Cluster, "shop", "web", CancellationToken.None))
        {
            var association = await world.EksClient.DescribePodIdentityAssociationAsync(Seed.Cluster, summary.AssociationId, CancellationToken.None);
            Assert.Equal(plan.Hash, association.Tags![OwnershipMarkers.PlanTag]);
        }

        // The tool's own ServiceAccount exists, the workload not yet switched: the plan of this cluster keeps the name.
        var rest = await world.SavePlanAsync(PlanPhase.Migrate, "rest.plan.json");

        var change = Assert.Single(rest.Plan.Changes);
        var workload = Assert.IsType<PatchWorkloadChange>(change);
        Assert.Equal(patch, workload.Address);
        Assert.Equal("web", workload.ServiceAccountName);
        Assert.Contains(rest.Plan.NoOps, n => n.Address == "service-account/shop/web");
        Assert.DoesNotContain("pod-identity", PlanJson.Serialize(rest.Plan).Replace("pod-identity-association", string.Empty, StringComparison.Ordinal).Replace("eks-pod-identity-agent", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True((await world.ApplyAsync(rest, world.Options() with { JournalPath = Path.Combine(world.Directory, "rest.jsonl") })).Succeeded);
        Assert.Empty((await world.PlanAsync(PlanPhase.Migrate, CancellationToken.None)).Changes);
    }

    [Fact]
    public async Task Progress_ReportsEveryStepStartedAndFinished_WithItsStatus()
    {
        await using var world = await World.StartAsync(moto);
        await world.ReachAsync(PlanPhase.Cutover);
        var plan = await world.SavePlanAsync(PlanPhase.Cutover);
        var progress = new RecordingProgress();

        var result = await new PlanExecutor(world.Clients, world.Options(restart: false), progress).ApplyAsync(plan, CancellationToken.None);

        var events = progress.Events.ToList();
        Assert.Equal(plan.Plan.Changes.Length, events.Count(e => e.StartsWith("started ", StringComparison.Ordinal)));
        Assert.Equal(result.Done, events.Count(e => e.StartsWith("Done ", StringComparison.Ordinal)));
        // Rule K14: only the IRSA workload restarts (after its annotation goes); the kube2iam ones roll once, through
        // the patch that removes their annotation.
        Assert.Equal(["Skipped restart/billing/Deployment/api"], events.Where(e => e.StartsWith("Skipped restart/", StringComparison.Ordinal)));
        Assert.All(result.Steps, s => Assert.True(s.Elapsed >= TimeSpan.Zero));
        Assert.Contains("Done workload/shop/Deployment/web", events);
        Assert.True(events.IndexOf("Done service-account/billing/api") < events.IndexOf("Skipped restart/billing/Deployment/api"), "the IRSA annotation goes before the restart (rule R2)");
    }

    [Fact]
    public async Task Restarts_AreSkipped_UnlessAsked()
    {
        await using var world = await World.StartAsync(moto);
        await world.ReachAsync(PlanPhase.Cutover);
        var plan = await world.SavePlanAsync(PlanPhase.Cutover);

        var result = await world.ApplyAsync(plan, world.Options(restart: false));

        Assert.True(result.Succeeded);
        var restarts = result.Steps.Where(s => s.Action == RestartWorkloadChange.ActionName).ToList();
        Assert.Single(restarts);
        Assert.All(restarts, s => Assert.Equal(StepStatus.Skipped, s.Status));
        Assert.DoesNotContain("restartedAt", world.Kubernetes.State.SnapshotJson(), StringComparison.Ordinal);
    }

    private static bool IsRead(string operation) => operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal);

    private static int KubernetesWrites(World world) => world.Kubernetes.Requests.Entries.Count(r => r.Method is not "GET");
}
