using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

/// <summary>Rules K12 and K13 live: existing associations (described for their role and owner) and the agent add-on.</summary>
[Collection(WorkloadGroup.Name)]
public sealed class AssociationTests(WorkloadMoto moto)
{
    private const string Cluster = "assoc";

    private static readonly SeedRole[] Roles = [.. new[] { "app-same", "app-other", "app-new", "ebs-role", "someone-else" }.Select(SeedRole.Named)];

    [Fact]
    public async Task K13_ExistingAssociations_SameRoleIsNoChange_OtherRoleConflicts_AddonOwnedIsUntouched()
    {
        await using var world = await StartAsync();
        world.Eks.State.AddPodIdentityAssociation(Cluster, "team", "app-same", SmallCluster.RoleArn("app-same"));
        world.Eks.State.AddPodIdentityAssociation(Cluster, "team", "app-other", SmallCluster.RoleArn("someone-else"));
        var addonArn = await CreateEbsAddonAsync(world);

        var result = await world.Scanner().ScanAsync(CancellationToken.None);

        var existing = result.Inventory.Workloads.ExistingAssociations!.Value;
        Assert.Equal(3, existing.Length);
        Assert.Contains(existing, a => a is { Namespace: "team", ServiceAccount: "app-same", OwnerArn: null } && a.RoleArn == SmallCluster.RoleArn("app-same"));
        Assert.Contains(existing, a => a is { Namespace: "kube-system", ServiceAccount: "ebs-csi-controller-sa" } && a.OwnerArn == addonArn && a.RoleArn == SmallCluster.RoleArn("ebs-role"));

        var plan = MigrationPlanner.Plan(result.Inventory, new PlannerOptions());
        var created = plan.Changes.OfType<CreatePodIdentityAssociationChange>().Select(c => $"{c.Namespace}/{c.ServiceAccount}").ToList();
        Assert.Equal(["team/app-new"], created);
        Assert.Contains(plan.NoOps, n => n.Address == "pod-identity-association/team/app-same");
        var conflicts = plan.Findings.Where(f => f.Code == FindingCodes.AssociationConflict).ToList();
        Assert.Equal(2, conflicts.Count);
        Assert.Contains(conflicts, f => f.Severity == Severity.Blocker && f.Message.Contains(SmallCluster.RoleArn("someone-else"), StringComparison.Ordinal));
        Assert.Contains(conflicts, f => f.Message.Contains($"owned by {addonArn}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Changes, c => c.Address.Contains("ebs-csi-controller-sa", StringComparison.Ordinal) || c.Address.Contains("team/app-other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task K12_AgentAddonMissing_PlansCreateAddon()
    {
        await using var world = await StartAsync();

        var result = await world.Scanner().ScanAsync(CancellationToken.None);

        Assert.False(result.Inventory.Workloads.PodIdentityAgentInstalled);
        var plan = MigrationPlanner.Plan(result.Inventory, new PlannerOptions());
        Assert.Single(plan.Changes.OfType<CreateAddonChange>(), c => c.AddonName == "eks-pod-identity-agent");
    }

    [Fact]
    public async Task K12_AgentAddonPresent_PlansNoCreateAddon()
    {
        await using var world = await StartAsync();
        world.Eks.State.AddAddon(Cluster, "vpc-cni").AddAddon(Cluster, "eks-pod-identity-agent");

        var result = await world.Scanner().ScanAsync(CancellationToken.None);

        Assert.Equal(["eks-pod-identity-agent", "vpc-cni"], result.Addons.AsEnumerable());
        Assert.True(result.Inventory.Workloads.PodIdentityAgentInstalled);
        var plan = MigrationPlanner.Plan(result.Inventory, new PlannerOptions());
        Assert.DoesNotContain(plan.Changes, c => c is CreateAddonChange);
        Assert.Contains(plan.NoOps, n => n.Address == "addon/eks-pod-identity-agent");
    }

    [Fact]
    public async Task K9_NodegroupsAndFargateProfiles_AreReadWithAmiTypesAndSelectors()
    {
        await using var world = await StartAsync();
        world.Eks.State
            .AddNodegroup(Cluster, "linux", SmallCluster.RoleArn("nodes"))
            .AddNodegroup(Cluster, "windows", SmallCluster.RoleArn("win-nodes"), "WINDOWS_CORE_2022_x86_64")
            .AddFargateProfile(Cluster, "batch", SmallCluster.RoleArn("fargate-pods"), new FakeEks.FargateSelector("batch", new Dictionary<string, string> { ["compute"] = "fargate" }), new FakeEks.FargateSelector("serverless-*"));
        var progress = new RecordingProgress();

        var result = await world.Scanner(progress: progress).ScanAsync(CancellationToken.None);

        Assert.Equal(["linux", "windows"], result.Nodegroups.Select(n => n.Name));
        Assert.Equal([false, true], result.Nodegroups.Select(n => n.IsWindows));
        Assert.Equal(SmallCluster.RoleArn("win-nodes"), result.Nodegroups[1].NodeRoleArn);
        var profile = Assert.Single(result.FargateProfiles);
        Assert.Equal(SmallCluster.RoleArn("fargate-pods"), profile.PodExecutionRoleArn);
        Assert.True(profile.Matches("batch", new Dictionary<string, string> { ["compute"] = "fargate", ["app"] = "x" }));
        Assert.False(profile.Matches("batch", new Dictionary<string, string> { ["app"] = "x" }));
        Assert.True(profile.Matches("serverless-jobs", new Dictionary<string, string>()));
        Assert.False(profile.Matches("serverless", new Dictionary<string, string>()));
        Assert.False(profile.Matches("team", new Dictionary<string, string>()));
        var planned = Assert.Single(result.Inventory.Workloads.FargateProfiles!.Value);
        Assert.Equal("batch", planned.Name);
        Assert.True(planned.Matches("serverless-jobs", new Dictionary<string, string>()));
        Assert.Contains("finished Nodegroups 2", progress.Events);
        Assert.Contains("finished FargateProfiles 1", progress.Events);
        Assert.Contains("finished Deployments 4", progress.Events);
        Assert.Contains("finished PodIdentityAssociations 0", progress.Events);
    }

    private async Task<WorkloadWorld> StartAsync()
    {
        var world = await WorkloadWorld.StartAsync(moto, Cluster, Roles);
        SmallCluster.AddAgent(world.Kubernetes.State);
        SmallCluster.AddApp(world.Kubernetes.State, "team", "app-same", "app-same");
        SmallCluster.AddApp(world.Kubernetes.State, "team", "app-other", "app-other");
        SmallCluster.AddApp(world.Kubernetes.State, "team", "app-new", "app-new");
        SmallCluster.AddApp(world.Kubernetes.State, "kube-system", "ebs-csi-controller-sa", "ebs-role");
        return world;
    }

    /// <summary>An add-on that made its own association (EKS sets the association's ownerArn to the add-on).</summary>
    private static async Task<string> CreateEbsAddonAsync(WorkloadWorld world)
    {
        using var eks = EksClient.Create(world.Settings().Aws, new StaticCredentialSource(LiveWorld.Credentials));
        var addon = await eks.CreateAddonAsync(
            new CreateAddonRequest(Cluster, "aws-ebs-csi-driver") { PodIdentityAssociations = [new EksAddonPodIdentity("ebs-csi-controller-sa", SmallCluster.RoleArn("ebs-role"))] },
            CancellationToken.None);
        return addon.AddonArn!;
    }
}
