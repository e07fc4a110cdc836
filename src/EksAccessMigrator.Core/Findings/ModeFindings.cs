using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Catalogue, rules M1-M3 (authentication mode). Decided in <c>Planning/MigrationPlanner</c> (M3: aws-auth not in
/// effect; M2: the switch to API) with the reasons from <c>Planning/ApiModeGuard</c>. M1 has no finding.
/// </summary>
public static class ModeFindings
{
    public static readonly FindingDescriptor ApiModeUnsafe = new(FindingCodes.ApiModeUnsafe, Severity.Blocker, "M2");
    public static readonly FindingDescriptor AwsAuthNotInEffect = new(FindingCodes.AwsAuthNotInEffect, Severity.Warning, "M3");

    /// <summary>M2: the switch to API is not planned; every reason is listed.</summary>
    public static Finding ApiSwitchUnsafe(IEnumerable<string> reasons) =>
        ApiModeUnsafe.Create("cluster/authentication-mode",
            $"Switching to API mode now could lock principals out, so it is not planned: {string.Join("; ", reasons)}. Resolve these and plan the finalize phase again.",
            "option:--target-mode");

    /// <summary>M3: in API mode aws-auth is ignored, so nothing is migrated from it.</summary>
    public static Finding AwsAuthIgnored(ClusterContext cluster, IReadOnlyList<string> entriesRead) =>
        AwsAuthNotInEffect.Create("aws-auth",
            $"The cluster is in {cluster.AuthenticationMode.Wire()} mode, where aws-auth is ignored, so its {entriesRead.Count} mapping(s) grant nothing today. Migrating them would grant access that is not in effect, so none is planned. Delete aws-auth once you no longer need it as a record.",
            entriesRead);
}
