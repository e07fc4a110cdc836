using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

[Collection(MotoGroup.Name)]
public sealed class LivePlanTests(MotoIam moto) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eam-live-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task LivePlan_EqualsOfflinePlanOverAnExportOfTheSameCluster()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        var log = new RecordingWireLog();

        var live = await world.Scanner(log: log).ScanAsync(CancellationToken.None);
        var offline = OfflineSide.Inventory(_directory, AuthenticationMode.ConfigMap, Scenario.MotoCallerArn, oidcIssuer: live.Cluster.OidcIssuer);

        // Only a live plan records who the cluster is (its ARN and kube-system uid); everything else is the same.
        var livePlan = OfflineSide.PlanJsonOf(live.Inventory with { Cluster = live.Inventory.Cluster with { LiveArn = null, KubeSystemUid = null } });
        Assert.Equal(OfflineSide.PlanJsonOf(offline), livePlan);

        // The comparison covers the interesting cases: a path resolved from IAM (A1), a missing role, a role of
        // another account left unverified, an SSO matcher expanded from the listing, mapAccounts, the node role.
        var plan = MigrationPlanner.Plan(live.Inventory, new PlannerOptions());
        Assert.Contains(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.PrincipalArn == Scenario.AdminRoleArn);
        Assert.Contains(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.PrincipalArn == Scenario.NodeRoleArn && c.Type.Wire() == "EC2_LINUX");
        Assert.Contains(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.PrincipalArn.EndsWith("role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnly_0123456789abcdef", StringComparison.Ordinal));
        Assert.Contains(plan.Findings, f => f.Code == FindingCodes.PrincipalNotFound && f.Subject.Contains("ghost-role", StringComparison.Ordinal));
        Assert.Contains(plan.Findings, f => f.Code == FindingCodes.PrincipalPathUnverified && f.Subject.Contains(Scenario.OtherAccount, StringComparison.Ordinal));
        Assert.Contains(plan.Findings, f => f.Code == FindingCodes.MapAccountsUnsupported);
        Assert.Contains(plan.Changes, c => c is UpdateClusterConfigChange);
    }

    [Fact]
    public async Task LiveAndOfflineScanners_GiveTheSameInventory_ForTheSameCluster()
    {
        await using var world = await LiveWorld.StartAsync(moto);

        var live = await world.Scanner().ScanAsync(CancellationToken.None);
        var offline = OfflineSide.Inventory(_directory, AuthenticationMode.ConfigMap, Scenario.MotoCallerArn, oidcIssuer: live.Cluster.OidcIssuer);

        // Only a live scan knows who the cluster is (its ARN and kube-system uid) and where each record was read;
        // every fact the planner reads is the same, the OIDC issuer included.
        var inventory = live.Inventory;
        Assert.Equal(offline.Cluster, inventory.Cluster with { LiveArn = null, KubeSystemUid = null });
        Assert.NotNull(offline.Cluster.OidcIssuer);
        Assert.Equal(offline.CallerArn, inventory.CallerArn);
        Assert.Equal(offline.ExistingAccessEntries, inventory.ExistingAccessEntries);
        Assert.Equal(offline.AwsAuth!.Data.Select(d => (d.Key, d.Text, d.IsString)), inventory.AwsAuth!.Data.Select(d => (d.Key, d.Text, d.IsString)));
        Assert.Equal(offline.Iam.Principals.Select(p => p.ToString()).Order(StringComparer.Ordinal), inventory.Iam.Principals.Select(p => p.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(offline.Workloads.TrustPolicies.Select(t => (t.RoleArn, t.Document)).Order(), inventory.Workloads.TrustPolicies.Select(t => (t.RoleArn, t.Document)).Order());
        Assert.NotEmpty(offline.Workloads.TrustPolicies);
        Assert.Equal(offline.Workloads.IamRoleKey, inventory.Workloads.IamRoleKey);
    }

    [Fact]
    public async Task LiveInventory_KeepsClusterFactsAndReadsAwsAuthAsAStringOnlyLiveObject()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        var log = new RecordingWireLog();

        var kubeSystem = world.Kubernetes.State.Add("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "kube-system"}}""");

        var result = await world.Scanner(log: log).ScanAsync(CancellationToken.None);

        var inventory = result.Inventory;
        Assert.Equal(
            new ClusterContext(Scenario.ClusterName, Scenario.Region, Scenario.Account, "aws", AuthenticationMode.ConfigMap)
            {
                LiveArn = $"arn:aws:eks:{Scenario.Region}:{Scenario.Account}:cluster/{Scenario.ClusterName}",
                KubeSystemUid = kubeSystem["metadata"]!["uid"]!.GetValue<string>(),

                // The OIDC issuer is a fact of the inventory (rule R2), as DescribeCluster reports it (checked below).
                OidcIssuer = result.Cluster.OidcIssuer,
            },
            inventory.Cluster);
        Assert.Equal(Scenario.MotoCallerArn, inventory.CallerArn);
        Assert.Null(inventory.ExistingAccessEntries);
        var awsAuth = Assert.IsType<AwsAuthConfigMap>(inventory.AwsAuth);
        Assert.Equal(new SourceLocation("cluster:kube-system/aws-auth", 0), awsAuth.Location);
        Assert.False(string.IsNullOrEmpty(awsAuth.ResourceVersion));
        Assert.Equal(["mapAccounts", "mapRoles", "mapUsers"], awsAuth.Data.Select(d => d.Key));
        Assert.All(awsAuth.Data, d => Assert.True(d.IsString));
        Assert.Equal(Scenario.AwsAuthData["mapRoles"], awsAuth.Data.Single(d => d.Key == "mapRoles").Text);

        Assert.Equal($"arn:aws:eks:{Scenario.Region}:{Scenario.Account}:cluster/{Scenario.ClusterName}", result.Cluster.Arn);
        Assert.NotNull(result.Cluster.Endpoint);
        Assert.False(string.IsNullOrEmpty(result.Cluster.CertificateAuthorityData));
        Assert.StartsWith($"https://oidc.eks.{Scenario.Region}.amazonaws.com/id/", result.Cluster.OidcIssuer, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(result.Cluster.PlatformVersion));

        // IAM: the whole account, paged (17 roles at 5 per page is 4 pages), each principal with its path.
        Assert.Equal(Scenario.Roles.Count, result.Roles.Count);
        Assert.Equal(Scenario.Users.Count, result.Users.Count);
        Assert.Equal(Scenario.Roles.Count + Scenario.Users.Count, inventory.Iam.Principals.Length);
        Assert.Equal(Scenario.AdminRoleArn, inventory.Iam.FindRole(Scenario.Account, "platform-admin")?.ToString());
        Assert.Equal(4, log.Entries.Count(e => e.Operation == "ListRoles"));
        Assert.Contains(result.Roles, r => r.AssumeRolePolicyDocument?.Contains("ec2.amazonaws.com", StringComparison.Ordinal) == true);

        // The API server was reached with an EKS bearer token (the fake rejects anything else).
        Assert.NotEmpty(world.BearerTokens);
    }

    [Fact]
    public async Task Progress_ReportsEveryStepWithCounts_AndSkipsAccessEntriesInConfigMapMode()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        var progress = new RecordingProgress();

        await world.Scanner(progress: progress).ScanAsync(CancellationToken.None);

        var events = progress.Events.ToList();
        Assert.Contains("finished DescribeCluster 1", events);
        Assert.Contains("finished CallerIdentity 1", events);
        Assert.Contains("finished AwsAuth 3", events);
        Assert.Contains($"finished IamRoles {Scenario.Roles.Count}", events);
        Assert.Contains($"finished IamUsers {Scenario.Users.Count}", events);
        Assert.Equal(["advanced IamRoles 5", "advanced IamRoles 10", "advanced IamRoles 15", $"advanced IamRoles {Scenario.Roles.Count}"], events.Where(e => e.StartsWith("advanced IamRoles", StringComparison.Ordinal)));
        Assert.Contains(events, e => e.StartsWith("skipped AccessEntries: the cluster is in CONFIG_MAP mode", StringComparison.Ordinal));
        Assert.True(events.IndexOf("started DescribeCluster") < events.IndexOf("started IamRoles"));
    }

    [Fact]
    public async Task NoAwsAuth_GivesAnInventoryWithoutOne()
    {
        await using var world = await LiveWorld.StartAsync(moto, seedAwsAuth: false);

        var result = await world.Scanner().ScanAsync(CancellationToken.None);

        Assert.Null(result.Inventory.AwsAuth);
        var plan = MigrationPlanner.Plan(result.Inventory, new PlannerOptions());
        Assert.Contains(plan.Findings, f => f.Code == FindingCodes.AwsAuthNotFound);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
