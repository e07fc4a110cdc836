using EksAccessMigrator.Bench.Generation;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Bench.Micro;

/// <summary>The inventory and planner options of a generated cluster, as <c>plan --from</c> makes them (and as the harness's <c>PlanPhases</c> does).</summary>
internal static class MicroPlans
{
    public static PlannerOptions Options { get; } = new() { Workloads = new WorkloadOptions().ToPlannerOptions(), ToolVersion = "bench", CreatedAt = DateTimeOffset.UnixEpoch };

    /// <summary>The offline scan's inventory of the export's JSON file.</summary>
    public static ClusterInventory Inventory(MicroExport export)
    {
        var cluster = new ClusterOptions { Cluster = SyntheticCluster.Name, Region = SyntheticCluster.Region, Account = SyntheticCluster.Account };
        var settings = OfflineInventory.Settings(new InputOptions { From = [export.JsonPath] }, cluster, null, null, null);
        return new OfflineInventoryScanner(settings).Scan(CancellationToken.None).Inventory;
    }
}
