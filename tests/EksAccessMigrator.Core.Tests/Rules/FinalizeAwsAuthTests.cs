using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Phase 3, finalize: migrated aws-auth rows are removed (backup first), everything else kept byte for byte.</summary>
public sealed class FinalizeAwsAuthTests
{
    private const string Roles =
        "# platform team\n" +
        "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups:\n    - system:masters\n" +
        "- rolearn: arn:aws:iam::111122223333:role/nodes   # workers\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n" +
        "- rolearn: arn:aws:iam::111122223333:role/pending\n  username: pending\n" +
        "- rolearn: arn:aws:iam::111122223333:role/mon\n  username: mon\n  groups: [system:monitoring]\n";

    private static readonly ExistingAccessEntry[] Migrated =
    [
        Entry("arn:aws:iam::111122223333:role/admin", "STANDARD", "admin", [], (Admin, AccessScope.Cluster)),
        Entry("arn:aws:iam::111122223333:role/nodes", "EC2_LINUX", null, []),
    ];

    private static MigrationPlan Finalize(string roles, params ExistingAccessEntry[] existing) =>
        Plan(ClusterOf(AwsAuthOf(mapRoles: roles), mode: AuthenticationMode.ApiAndConfigMap, existing: [.. existing]), new PlannerOptions { Phase = PlanPhase.Finalize });

    [Fact]
    public void Finalize_RemovesOnlyFullyMigratedRows_KeepingEveryOtherByte()
    {
        var plan = Finalize(Roles, Migrated);

        var change = Assert.IsType<ReplaceConfigMapChange>(Assert.Single(plan.Changes));
        Assert.Equal(["aws-auth/mapRoles[0]", "aws-auth/mapRoles[1]"], change.Sources.AsEnumerable());
        Assert.True(change.BackupFirst);
        Assert.True(change.Reversible);
        Assert.Equal(Roles, change.PreviousData["mapRoles"]);
        Assert.Equal(
            "# platform team\n- rolearn: arn:aws:iam::111122223333:role/pending\n  username: pending\n- rolearn: arn:aws:iam::111122223333:role/mon\n  username: mon\n  groups: [system:monitoring]\n",
            change.Data["mapRoles"]);
        Assert.Equal("admin", change.RemovedEntries[0].Username);
    }

    [Fact]
    public void Finalize_KeepsRowsWhoseEntryIsMissingOrBlocked()
    {
        var plan = Finalize(Roles, Entry("arn:aws:iam::111122223333:role/admin", "STANDARD", "admin", [], (Admin, AccessScope.Cluster)));

        var change = Assert.IsType<ReplaceConfigMapChange>(Assert.Single(plan.Changes));
        Assert.Equal(["aws-auth/mapRoles[0]"], change.Sources.AsEnumerable());
        Assert.True(plan.Has(FindingCodes.MigrateChangesPending));
        Assert.True(plan.Has(FindingCodes.GroupNotMigratable));
    }

    [Fact]
    public void A9_RowOverriddenByAnExistingEntryCountsAsMigrated_ItsRemovalChangesNothing()
    {
        var plan = Finalize(Roles, Entry("arn:aws:iam::111122223333:role/admin", "STANDARD", "other-name", []), Migrated[1]);

        var change = Assert.IsType<ReplaceConfigMapChange>(Assert.Single(plan.Changes));
        Assert.Equal(["aws-auth/mapRoles[0]", "aws-auth/mapRoles[1]"], change.Sources.AsEnumerable());
        Assert.Contains("takes precedence", change.RemovedEntries[0].Reason, StringComparison.Ordinal);
        Assert.True(plan.Has(FindingCodes.AwsAuthRowOverridden));
    }

    [Fact]
    public void P6_RowThatNeverMatchedIsNotRemoved_ItWasNeverMigrated()
    {
        const string roles =
            "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n" +
            "- rolearn: arn:aws:iam::111122223333:role/team/admin\n  username: other\n";

        var plan = Finalize(roles, Migrated[0]);

        var change = Assert.IsType<ReplaceConfigMapChange>(Assert.Single(plan.Changes));
        Assert.Equal(["aws-auth/mapRoles[0]"], change.Sources.AsEnumerable());
        Assert.Contains("role/team/admin", change.Data["mapRoles"], StringComparison.Ordinal);
    }

    [Fact]
    public void Finalize_NeverRemovesRowsOffline()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap), new PlannerOptions { Phase = PlanPhase.Finalize });

        Assert.DoesNotContain(plan.Changes, c => c is ReplaceConfigMapChange);
    }

    [Fact]
    public void X6_RowsShadowedByARemovedRowGoToo_SoTheyCannotComeBackIntoEffect()
    {
        const string roles =
            "- rolearn: arn:aws:iam::111122223333:role/Admin\n  username: old-admin\n  groups: [system:masters, legacy]\n" +
            "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n";

        var plan = Finalize(roles, Migrated[0]);

        var change = Assert.IsType<ReplaceConfigMapChange>(Assert.Single(plan.Changes));
        Assert.Equal(2, change.RemovedEntries.Length);
        Assert.Contains("shadowed by aws-auth/mapRoles[1]", change.RemovedEntries[0].Reason, StringComparison.Ordinal);
        Assert.Equal(string.Empty, change.Data["mapRoles"]);
    }

    [Fact]
    public void X7_AFlowStyleSectionIsLeftToAPerson()
    {
        var plan = Finalize("[{rolearn: \"arn:aws:iam::111122223333:role/admin\", username: admin, groups: [system:masters]}]", Migrated[0]);

        Assert.DoesNotContain(plan.Changes, c => c is ReplaceConfigMapChange);
        Assert.Equal(Severity.Warning, plan.Single(FindingCodes.AwsAuthCleanupManual).Severity);
    }

    [Fact]
    public void Finalize_CleanupComesBeforeTheSwitchToApi()
    {
        var plan = Plan(
            ClusterOf(AwsAuthOf(mapRoles: "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n"),
                mode: AuthenticationMode.ApiAndConfigMap, existing: [Migrated[0]], caller: "arn:aws:iam::111122223333:role/admin"),
            new PlannerOptions { Phase = PlanPhase.Finalize, TargetAuthenticationMode = AuthenticationMode.Api });

        Assert.Equal([ReplaceConfigMapChange.ActionName, UpdateClusterConfigChange.ActionName], plan.Changes.Select(c => c.Action));
    }

    [Theory]
    [InlineData("- a: 1\n- b: 2\n- c: 3\n", new[] { 1 }, "- a: 1\n- c: 3\n")]
    [InlineData("- a: 1\n- b: 2\n", new[] { 0, 1 }, "")]
    [InlineData("  - a: 1\n    x: y\n  -\n    b: 2\n", new[] { 0 }, "  -\n    b: 2\n")]
    [InlineData("- a: 1\n# trailing comment\n", new[] { 0 }, "")]
    public void AwsAuthEditorRemovesWholeItems(string text, int[] indexes, string expected)
    {
        Assert.Equal(expected, AwsAuthEditor.RemoveEntries(text, indexes.ToHashSet()));
    }

    [Fact]
    public void AwsAuthEditorRefusesFlowLists() => Assert.Null(AwsAuthEditor.RemoveEntries("[{a: 1}]", new HashSet<int> { 0 }));
}
