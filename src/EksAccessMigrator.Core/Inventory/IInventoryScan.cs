namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// A finished scan, offline or live: the planner's <see cref="ClusterInventory"/> (with the facts the scan read or was
/// given, such as the OIDC issuer and the role annotation) and, beside it, what the scanner reports about itself.
/// </summary>
public interface IInventoryScan
{
    /// <summary>Everything the planner needs; <c>MigrationPlanner.Plan(Inventory, options)</c> takes nothing else from the scan.</summary>
    ClusterInventory Inventory { get; }
}
