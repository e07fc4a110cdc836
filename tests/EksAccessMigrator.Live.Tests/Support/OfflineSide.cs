using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>
/// The offline side of a live-equals-offline comparison: an export of the scenario's cluster and account, read by the
/// real <see cref="OfflineInventoryScanner"/> as <c>plan --from ... --iam-snapshot ...</c> reads it.
/// </summary>
internal static class OfflineSide
{
    /// <param name="oidcIssuer">What <c>--oidc-issuer</c> gives offline (the live scan reads it from DescribeCluster).</param>
    /// <param name="moreObjectsYaml">More exported objects (e.g. RBAC bindings), appended to the export as further YAML documents.</param>
    public static ClusterInventory Inventory(string directory, AuthenticationMode authenticationMode, string? callerArn, string? accessEntriesJson = null, string? oidcIssuer = null, string? moreObjectsYaml = null)
    {
        Directory.CreateDirectory(directory);
        var export = Path.Combine(directory, "aws-auth.yaml");
        File.WriteAllText(export, moreObjectsYaml is null ? Scenario.ExportYaml() : Scenario.ExportYaml() + "---\n" + moreObjectsYaml);
        var (roles, users) = Scenario.IamSnapshotJson();
        var rolesFile = Path.Combine(directory, "roles.json");
        var usersFile = Path.Combine(directory, "users.json");
        // As get-account-authorization-details prints them, so the node roles' (empty) permissions are known as live.
        File.WriteAllText(rolesFile, System.Text.Json.Nodes.JsonNode.Parse(roles) is System.Text.Json.Nodes.JsonObject list && list.Remove("Roles", out var items)
            ? new System.Text.Json.Nodes.JsonObject { ["RoleDetailList"] = items }.ToJsonString()
            : roles);
        File.WriteAllText(usersFile, users);
        string? entriesFile = null;
        if (accessEntriesJson is not null)
        {
            entriesFile = Path.Combine(directory, "access-entries.json");
            File.WriteAllText(entriesFile, accessEntriesJson);
        }

        return Scan(new OfflineScanSettings
        {
            Cluster = Context(Scenario.ClusterName, Scenario.Region, Scenario.Account, authenticationMode),
            From = [export],
            IamSnapshots = [rolesFile, usersFile],
            AccessEntries = entriesFile,
            CallerArn = callerArn,
            OidcIssuer = oidcIssuer,
        });
    }

    /// <summary>The cluster's facts as <c>--cluster</c>, <c>--region</c>, <c>--account</c> and <c>--authentication-mode</c> give them.</summary>
    public static ClusterContext Context(string name, string region, string account, AuthenticationMode mode) =>
        new(name, region, account, Partitions.ForRegion(region), mode);

    /// <summary>The real offline scanner over <paramref name="settings"/>.</summary>
    public static ClusterInventory Scan(OfflineScanSettings settings) =>
        new OfflineInventoryScanner(settings).Scan(CancellationToken.None).Inventory;

    public static string PlanJsonOf(ClusterInventory inventory) =>
        PlanJson.Serialize(MigrationPlanner.Plan(inventory, new PlannerOptions { CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) }));
}
