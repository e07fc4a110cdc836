using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

/// <summary>
/// Live plan == offline plan for the shipped kube2iam and kiam examples: their objects are loaded into the fake API
/// server, their roles into moto, and both sides are planned with the same options. The offline side reads the
/// export as the CLI does, plus the two things an export of the same cluster and account holds that the examples
/// leave out: the Pod Identity agent's DaemonSet (its add-on is installed) and get-account-authorization-details output
/// of the account (live, ListRoles covers the whole account and the node roles' policies are read, so the offline side
/// gets the same listing with the roles' permissions, not single get-role files).
/// </summary>
[Collection(WorkloadGroup.Name)]
public sealed class ExamplePlanTests(WorkloadMoto moto) : IDisposable
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eam-live-workloads-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Kube2iamCluster_LivePlanEqualsOfflinePlan()
    {
        var plan = await CompareAsync("kube2iam-cluster", "shop-prod", ["iam-roles.json"], [], includeIrsa: false);

        Assert.Contains(plan.Changes, c => c is CreateAccessEntryChange { Type: AccessEntryType.Ec2Linux });
        Assert.Contains(plan.Changes.OfType<CreatePodIdentityAssociationChange>(), c => c.Namespace == "batch" && c.ServiceAccount == "runner");
        Assert.Contains(plan.Findings, f => f.Code == "role-not-permitted");
        Assert.Contains(plan.Findings, f => f.Code == "cross-account-role");
        Assert.Equal(["arn:aws:iam::111122223333:role/shop-nodes"], plan.NodeRoles!.Value.Select(r => r.RoleArn));
    }

    [Fact]
    public async Task KiamCluster_LivePlanEqualsOfflinePlan()
    {
        string[] others = ["kiam-server", "payments-ledger", "payments-settle", "analytics-etl", "analytics-dashboards", "payments-fraud", "sandbox-toy"];

        var plan = await CompareAsync("kiam-cluster", "data-prod", ["get-role-payments-api.json", "get-role-analytics-exporter.json"], others, includeIrsa: true);

        Assert.Contains(plan.Changes.OfType<CreatePodIdentityAssociationChange>(), c => c.RoleArn.EndsWith("role/payments-api", StringComparison.Ordinal));
        Assert.Contains(plan.Changes.OfType<CreatePodIdentityAssociationChange>(), c => c.RoleArn.EndsWith("role/analytics-exporter", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<MigrationPlan> CompareAsync(string example, string clusterName, string[] iamFiles, string[] otherRoles, bool includeIrsa)
    {
        var dir = ExampleExport.Directory(example);
        var roles = ExampleIam.Read([.. iamFiles.Select(f => Path.Combine(dir, f))]);
        roles.AddRange(otherRoles.Select(SeedRole.Named));
        await using var world = await WorkloadWorld.StartAsync(moto, clusterName, roles);
        world.Eks.State.AddAddon(clusterName, "eks-pod-identity-agent");
        var export = Path.Combine(dir, "cluster-export.yaml");
        var seeded = ExampleExport.Seed(world.Kubernetes.State, export);
        world.Kubernetes.State.Add(PodIdentityAgent.DaemonSetJson);

        var live = await world.Scanner().ScanAsync(CancellationToken.None);

        Directory.CreateDirectory(_directory);
        var agentFile = Path.Combine(_directory, "pod-identity-agent.json");
        var rolesFile = Path.Combine(_directory, "authorization-details.json");
        File.WriteAllText(agentFile, PodIdentityAgent.DaemonSetJson);
        File.WriteAllText(rolesFile, SeedRole.AuthorizationDetailsJson(roles));
        var offline = OfflineWorkloads.Inventory([export, agentFile], rolesFile, clusterName, live.Caller.Arn, oidcIssuer: live.Cluster.OidcIssuer);

        // The records the collectors kept are the same, whatever order the lists came in.
        var liveWorkloads = live.Inventory.Workloads;
        Assert.True(seeded > 5, $"only {seeded} objects were seeded");
        Assert.Equal(offline.Workloads.Workloads.Select(OfflineWorkloads.Describe).Order(), liveWorkloads.Workloads.Select(OfflineWorkloads.Describe).Order());
        Assert.Equal(offline.Workloads.Agents.Select(OfflineWorkloads.Describe).Order(), liveWorkloads.Agents.Select(OfflineWorkloads.Describe).Order());
        Assert.Equal(offline.Workloads.ServiceAccounts.Select(OfflineWorkloads.Describe).Order(), liveWorkloads.ServiceAccounts.Select(OfflineWorkloads.Describe).Order());
        Assert.Equal(offline.Workloads.Namespaces.Select(OfflineWorkloads.Describe).Order(), liveWorkloads.Namespaces.Select(OfflineWorkloads.Describe).Order());
        Assert.NotEmpty(liveWorkloads.Agents);
        Assert.True(liveWorkloads.PodIdentityAgentInstalled);
        Assert.Empty(liveWorkloads.ExistingAssociations!.Value);
        Assert.Equal(roles.Count, liveWorkloads.TrustPolicies.Length);

        // Migrate phase: cutover and finalize word a pending-association warning differently when the associations
        // are known (live) or not (offline); the changes are the same.
        var options = new PlannerOptions { CreatedAt = CreatedAt, Workloads = new WorkloadIdentityOptions { IncludeIrsa = includeIrsa } };
        Assert.Equal(live.Cluster.OidcIssuer, live.Inventory.Cluster.OidcIssuer);
        // Only a live plan records who the cluster is (its ARN and kube-system uid); everything else is the same.
        var livePlan = MigrationPlanner.Plan(live.Inventory with { Cluster = live.Inventory.Cluster with { LiveArn = null, KubeSystemUid = null } }, options);
        Assert.Equal(PlanJson.Serialize(MigrationPlanner.Plan(offline, options)), PlanJson.Serialize(livePlan));
        Assert.Contains(livePlan.Changes.OfType<UpdateAssumeRolePolicyChange>(), c => c.DocumentBefore is not null);
        Assert.Contains(livePlan.NoOps, n => n.Address == "addon/eks-pod-identity-agent");
        return livePlan;
    }
}
