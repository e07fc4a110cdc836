using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>The offline path over an export, as the CLI's <c>plan --from ... --iam-snapshot ...</c> builds it.</summary>
internal static class OfflineSide
{
    public static ClusterInventory Inventory(string directory, AuthenticationMode authenticationMode, string? callerArn, string? accessEntriesJson = null)
    {
        Directory.CreateDirectory(directory);
        var export = Path.Combine(directory, "aws-auth.yaml");
        File.WriteAllText(export, Scenario.ExportYaml());
        var (roles, users) = Scenario.IamSnapshotJson();
        var rolesFile = Path.Combine(directory, "roles.json");
        var usersFile = Path.Combine(directory, "users.json");
        // As get-account-authorization-details prints them, so the node roles' (empty) permissions are known as live.
        File.WriteAllText(rolesFile, System.Text.Json.Nodes.JsonNode.Parse(roles) is System.Text.Json.Nodes.JsonObject list && list.Remove("Roles", out var items)
            ? new System.Text.Json.Nodes.JsonObject { ["RoleDetailList"] = items }.ToJsonString()
            : roles);
        File.WriteAllText(usersFile, users);
        var collector = new AwsAuthCollector();
        ManifestScanner.Scan([export], [collector], CancellationToken.None);
        System.Collections.Immutable.ImmutableArray<ExistingAccessEntry>? existing = null;
        if (accessEntriesJson is not null)
        {
            var entriesFile = Path.Combine(directory, "access-entries.json");
            File.WriteAllText(entriesFile, accessEntriesJson);
            existing = AccessEntriesSnapshotReader.Read(entriesFile);
        }

        var context = new ClusterContext(Scenario.ClusterName, Scenario.Region, Scenario.Account, Partitions.ForRegion(Scenario.Region), authenticationMode);
        return new ClusterInventory(context, collector.AwsAuth, IamSnapshotReader.Read([rolesFile, usersFile]), existing, callerArn) { NodeRoles = RolePermissionsReader.Read([rolesFile]) };
    }

    public static string PlanJsonOf(ClusterInventory inventory) =>
        PlanJson.Serialize(MigrationPlanner.Plan(inventory, new PlannerOptions { CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) }));
}
