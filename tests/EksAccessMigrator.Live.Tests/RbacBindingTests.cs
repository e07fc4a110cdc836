using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Live.Errors;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

/// <summary>Rule S1, live: ClusterRoleBindings and RoleBindings are listed (paged) and give the plan offline gives.</summary>
[Collection(MotoGroup.Name)]
public sealed class RbacBindingTests(MotoIam moto) : IDisposable
{
    private const string BindingsYaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: developers-view
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
          - apiGroup: rbac.authorization.k8s.io
            kind: Group
            name: developers
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: viewers-edit
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: edit
        subjects:
          - apiGroup: rbac.authorization.k8s.io
            kind: Group
            name: viewers
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: platform-custom
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: platform-custom
        subjects:
          - apiGroup: rbac.authorization.k8s.io
            kind: Group
            name: platform-team

        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eam-rbac-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task S1_LiveRbacBindings_GiveTheAccessPolicySuggestions_OfTheOfflinePlanOfTheSameObjects()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        Seed(world);

        var live = await world.Scanner().ScanAsync(CancellationToken.None);
        var offline = OfflineSide.Inventory(_directory, AuthenticationMode.ConfigMap, Scenario.MotoCallerArn, oidcIssuer: live.Cluster.OidcIssuer, moreObjectsYaml: BindingsYaml);

        // The same records (but for where each was read), and the same plan.
        static string Describe(RbacBinding b) => $"{b.Key} {b.RoleKind}/{b.RoleName} {string.Join(",", b.Groups)}";
        Assert.Equal(offline.Workloads.RbacBindings!.Value.Select(Describe).Order(StringComparer.Ordinal), live.Inventory.Workloads.RbacBindings!.Value.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Equal(3, live.Inventory.Workloads.RbacBindings!.Value.Length);
        var livePlan = OfflineSide.PlanJsonOf(live.Inventory with { Cluster = live.Inventory.Cluster with { LiveArn = null, KubeSystemUid = null } });
        Assert.Equal(OfflineSide.PlanJsonOf(offline), livePlan);

        // developers: view cluster-wide; viewers (bob among them): edit in shop; platform-team is bound to a custom role.
        var plan = MigrationPlanner.Plan(live.Inventory, new PlannerOptions());
        var suggested = plan.Findings.Where(f => f.Code == FindingCodes.AccessPolicySuggested).ToList();
        Assert.Contains(suggested, f => f.Subject.Contains(Scenario.DevelopersRoleArn, StringComparison.Ordinal) && f.Message.Contains("AmazonEKSViewPolicy", StringComparison.Ordinal));
        Assert.Contains(suggested, f => f.Subject.Contains(Scenario.BobArn, StringComparison.Ordinal) && f.Message.Contains("AmazonEKSEditPolicy", StringComparison.Ordinal));
        Assert.DoesNotContain(suggested, f => f.Subject.Contains(Scenario.AdminRoleArn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task S1_RbacListsForbidden_FailTheScanAsAccessDenied_NamingTheRbacToGrant_NeverAsNoBindings()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        Seed(world);
        world.Kubernetes.Faults.FailNext(403, times: 5, when: r => r.Path.EndsWith("/clusterrolebindings", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ScanAccessDeniedException>(() => world.Scanner().ScanAsync(CancellationToken.None));

        Assert.Equal(ScanStep.ClusterRoleBindings, error.Step);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Contains("'list' on clusterrolebindings and rolebindings", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static void Seed(LiveWorld world)
    {
        var state = world.Kubernetes.State;
        state.Add("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"developers-view"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"developers"}]}""");
        state.Add("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"viewers-edit","namespace":"shop"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"edit"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"viewers"}]}""");
        state.Add("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"platform-custom"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"platform-custom"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"platform-team"}]}""");
    }
}
