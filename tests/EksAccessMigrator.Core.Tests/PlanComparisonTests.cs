using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests;

public sealed class PlanComparisonTests
{
    private const string Roles = "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n";

    [Fact]
    public void APlanDerivedAgainFromTheSameClusterHasNoDifferences_WhateverItsTime()
    {
        var saved = PlanRoles(Roles, options: new PlannerOptions { CreatedAt = DateTimeOffset.UnixEpoch });
        var again = PlanRoles(Roles, options: new PlannerOptions { CreatedAt = DateTimeOffset.UnixEpoch.AddDays(3), ToolVersion = "9.9.9" });

        Assert.Empty(PlanComparison.Compare(saved, again));
    }

    [Fact]
    public void ChangedAddedAndRemovedChangesAreListed()
    {
        var saved = PlanRoles(Roles + "- rolearn: arn:aws:iam::111122223333:role/old\n  username: old\n");
        var current = PlanRoles(Roles.Replace("username: admin", "username: root-admin", StringComparison.Ordinal) + "- rolearn: arn:aws:iam::111122223333:role/new\n  username: new\n");

        var differences = PlanComparison.Compare(saved, current).Select(d => (d.Kind, d.Address)).ToList();

        Assert.Contains(("changed", "access-entry/arn:aws:iam::111122223333:role/admin"), differences);
        Assert.Contains(("removed", "access-entry/arn:aws:iam::111122223333:role/old"), differences);
        Assert.Contains(("added", "access-entry/arn:aws:iam::111122223333:role/new"), differences);
    }

    [Fact]
    public void AnotherClusterModeOrNewBlockerIsADifference()
    {
        var saved = PlanRoles(Roles);
        var otherMode = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap, existing: []));
        var newBlocker = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles, mapAccounts: "- \"555555555555\"\n")));

        Assert.Contains(PlanComparison.Compare(saved, otherMode), d => d.Address == "cluster");
        Assert.Contains(PlanComparison.Compare(saved, newBlocker), d => d is { Kind: "added", Address: "finding/map-accounts-unsupported/account:555555555555" });
    }
}
