using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests.Rules;

/// <summary>Rules M1-M3: the cluster's authentication mode.</summary>
public sealed class AuthenticationModeTests
{
    private const string AdminRole = "arn:aws:iam::111122223333:role/admin";
    private const string Roles = "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n";

    private static PlannerOptions Finalize(params string[] breakGlass) => new()
    {
        Phase = PlanPhase.Finalize,
        TargetAuthenticationMode = AuthenticationMode.Api,
        BreakGlassArns = [.. breakGlass],
    };

    [Fact]
    public void M1_ConfigMapModeWithAccessEntryChangesStartsWithAnIrreversibleModeChange()
    {
        var plan = PlanRoles(Roles);

        var first = Assert.IsType<UpdateClusterConfigChange>(plan.Changes[0]);
        Assert.Equal(AuthenticationMode.ApiAndConfigMap, first.AuthenticationMode);
        Assert.False(first.Reversible);
        Assert.Single(plan.Changes.OfType<UpdateClusterConfigChange>());
    }

    [Fact]
    public void M1_NoModeChangeWithoutAccessEntryChanges()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(mapAccounts: "- \"555555555555\"\n")));

        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void M1_NoModeChangeWhenAccessEntriesAreAlreadyEnabled()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap, existing: []));

        Assert.DoesNotContain(plan.Changes, c => c is UpdateClusterConfigChange);
        Assert.Equal(2, plan.Changes.Length);
    }

    [Fact]
    public void M2_ApiModeIsPlannedWhenEverythingIsSafe_WithAwsAuthBackupFirst()
    {
        var plan = Plan(
            ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap, caller: "arn:aws:sts::111122223333:assumed-role/admin/me",
                existing: [Entry(AdminRole, "STANDARD", "admin", [], (Admin, AccessScope.Cluster))]),
            Finalize(AdminRole));

        var change = Assert.IsType<UpdateClusterConfigChange>(plan.Changes[^1]);
        Assert.Single(plan.Changes.OfType<UpdateClusterConfigChange>());
        Assert.Equal(AuthenticationMode.Api, change.AuthenticationMode);
        Assert.True(change.BackupAwsAuth);
        Assert.False(change.Reversible);
        Assert.False(plan.HasBlockers);
    }

    [Fact]
    public void M2_ApiModeIsRefusedWhenTheCallerHasNoAdminEntry()
    {
        var plan = Plan(
            ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap, caller: "arn:aws:iam::111122223333:user/someone",
                existing: [Entry(AdminRole, "STANDARD", "admin", [], (Admin, AccessScope.Cluster))]),
            Finalize());

        var finding = plan.Single(FindingCodes.ApiModeUnsafe);
        Assert.Equal(Severity.Blocker, finding.Severity);
        Assert.Contains("user/someone", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Changes, c => c is UpdateClusterConfigChange);
    }

    [Fact]
    public void M2_ApiModeIsRefusedWhileBlockersRemainOrNodeRolesLackEntries()
    {
        var roles = Roles + "- rolearn: arn:aws:iam::111122223333:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:nodes]\n";
        var plan = Plan(
            ClusterOf(AwsAuthOf(mapRoles: roles, mapAccounts: "- \"555555555555\"\n"), mode: AuthenticationMode.ApiAndConfigMap, caller: AdminRole,
                existing: [Entry(AdminRole, "STANDARD", "admin", [], (Admin, AccessScope.Cluster))]),
            Finalize());

        var message = plan.Single(FindingCodes.ApiModeUnsafe).Message;
        Assert.Contains("blockers", message, StringComparison.Ordinal);
        Assert.Contains("role/nodes", message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Changes, c => c is UpdateClusterConfigChange);
    }

    [Fact]
    public void M2_ApiModeIsRefusedOfflineAndInConfigMapMode()
    {
        var offline = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap, caller: AdminRole), Finalize());
        var configMap = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles), caller: AdminRole), Finalize());

        Assert.Contains("offline", offline.Single(FindingCodes.ApiModeUnsafe).Message, StringComparison.Ordinal);
        Assert.Contains("CONFIG_MAP", configMap.Single(FindingCodes.ApiModeUnsafe).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void M2_ApiModeIsOnlyPlannedInTheFinalizePhase()
    {
        var plan = Plan(
            ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap, caller: AdminRole,
                existing: [Entry(AdminRole, "STANDARD", "admin", [], (Admin, AccessScope.Cluster))]),
            new PlannerOptions { TargetAuthenticationMode = AuthenticationMode.Api });

        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void M3_AwsAuthIsIgnoredInApiMode_NothingIsMigratedFromIt()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.Api, existing: []));

        var finding = plan.Single(FindingCodes.AwsAuthNotInEffect);
        Assert.Equal<string>(["aws-auth/mapRoles[0]"], finding.Sources);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void X4_LaterPhasesReportUnappliedMigrateChangesInsteadOfMakingThem()
    {
        var plan = Plan(ClusterOf(AwsAuthOf(mapRoles: Roles), mode: AuthenticationMode.ApiAndConfigMap, existing: []), new PlannerOptions { Phase = PlanPhase.Cutover });

        Assert.Empty(plan.Changes);
        Assert.Equal<string>(["aws-auth/mapRoles[0]"], plan.Single(FindingCodes.MigrateChangesPending).Sources);
    }
}
