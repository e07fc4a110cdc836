using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

[Collection(MotoGroup.Name)]
public sealed class ExistingAccessEntryTests(MotoIam moto)
{
    [Fact]
    public async Task A9_A10_ExistingEntriesAndPolicies_ComeThroughLive()
    {
        await using var world = await LiveWorld.StartAsync(moto, AuthenticationMode.ApiAndConfigMap.Wire());
        ExistingEntries.Seed(world.Eks.State);

        var result = await world.Scanner().ScanAsync(CancellationToken.None);

        var entries = Assert.IsType<System.Collections.Immutable.ImmutableArray<ExistingAccessEntry>>(result.Inventory.ExistingAccessEntries);
        Assert.Equal(5, entries.Length);
        var admin = entries.Single(e => e.PrincipalArn == Scenario.AdminRoleArn);
        Assert.Equal("platform-admin", admin.Username);
        Assert.Equal(["platform-team"], admin.KubernetesGroups.ToArray());
        Assert.Contains(admin.Policies, p => p.PolicyArn == ExistingEntries.ViewPolicy && p.AccessScope.Key == "namespace:payments");
        Assert.Contains(admin.Policies, p => p.PolicyArn == ExistingEntries.ClusterAdminPolicy && p.AccessScope.Key == "cluster");
        Assert.Equal("EC2_LINUX", entries.Single(e => e.PrincipalArn == Scenario.NodeRoleArn).Type.Wire());

        var plan = MigrationPlanner.Plan(result.Inventory, new PlannerOptions());

        // A9: identical entry and policy are no-ops; the extra policy is reported; an entry with other groups is
        // never changed (it wins over the row today) but reported beside the row; another type is a conflict warning.
        Assert.Contains(plan.NoOps, n => n.Address == Addresses.AccessEntry(Scenario.AdminRoleArn));
        Assert.Contains(plan.NoOps, n => n.Address == Addresses.AccessPolicy(Scenario.AdminRoleArn, ExistingEntries.ClusterAdminPolicy, AccessScope.Cluster));
        Assert.Contains(plan.Findings, f => f.Code == FindingCodes.ExtraAccessPolicy && f.Subject == Scenario.AdminRoleArn);
        var overridden = Assert.Single(plan.Findings, f => f.Code == FindingCodes.AwsAuthRowOverridden);
        Assert.Equal(Scenario.DevelopersRoleArn, overridden.Subject);
        Assert.Contains("groups [developers]", overridden.Message, StringComparison.Ordinal);
        Assert.Contains("groups [old-developers]", overridden.Message, StringComparison.Ordinal);
        Assert.Contains(plan.Findings, f => f.Code == FindingCodes.AccessEntryConflict && f.Subject == Scenario.BobArn && f.Severity == Severity.Warning);

        // A10: the node group's entry that EKS made counts as done; the creator's admin entry is reported.
        Assert.Contains(plan.NoOps, n => n.Address == Addresses.AccessEntry(Scenario.NodeRoleArn));
        Assert.DoesNotContain(plan.Changes.OfType<CreateAccessEntryChange>(), c => c.PrincipalArn == Scenario.NodeRoleArn);
        Assert.Contains(plan.Findings, f => f.Code == FindingCodes.ClusterCreatorAdmin && f.Subject == Scenario.CreatorRoleArn);

        // M1 does not apply: access entries are already enabled.
        Assert.DoesNotContain(plan.Changes, c => c is UpdateClusterConfigChange);
    }

    [Fact]
    public async Task ManyEntries_AreReadAcrossPages_WithOneDescribeAndPolicyListEach()
    {
        await using var world = await LiveWorld.StartAsync(moto, AuthenticationMode.ApiAndConfigMap.Wire());
        for (var i = 0; i < 130; i++)
        {
            world.Eks.State.AddAccessEntry(Scenario.ClusterName, $"arn:aws:iam::{Scenario.Account}:role/apps/app-{i:000}", "STANDARD", $"app-{i:000}", ["apps"]);
        }

        var progress = new RecordingProgress();
        var result = await world.Scanner(progress: progress).ScanAsync(CancellationToken.None);

        Assert.Equal(130, result.Inventory.ExistingAccessEntries!.Value.Length);
        Assert.Equal(2, world.Eks.Requests.Count("ListAccessEntries"));
        Assert.Equal(130, world.Eks.Requests.Count("DescribeAccessEntry"));
        Assert.Equal(130, world.Eks.Requests.Count("ListAssociatedAccessPolicies"));
        Assert.Contains("finished AccessEntries 130", progress.Events);
    }
}
