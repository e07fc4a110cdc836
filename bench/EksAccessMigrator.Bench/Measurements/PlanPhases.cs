using System.Diagnostics;
using EksAccessMigrator.Bench.Generation;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Bench.Measurements;

/// <summary>
/// Where an offline plan's time goes, in-process and once each (a profile's first cut, not a floor): the scan with
/// the inventory built from it, the planner, the plan file's JSON, and the table the CLI prints with the plan hash.
/// The same calls in the same order as <c>plan --from</c>.
/// </summary>
internal static class PlanPhases
{
    public static string Measure(string export)
    {
        var input = new InputOptions { From = [export] };
        var cluster = new ClusterOptions { Cluster = SyntheticCluster.Name, Region = SyntheticCluster.Region, Account = SyntheticCluster.Account };
        var watch = Stopwatch.StartNew();
        var inventory = new EksAccessMigrator.Manifests.OfflineInventoryScanner(OfflineInventory.Settings(input, cluster, null, null, null)).Scan(CancellationToken.None).Inventory;
        var scan = watch.Elapsed;
        var plan = MigrationPlanner.Plan(inventory, new PlannerOptions { Workloads = new WorkloadOptions().ToPlannerOptions(), ToolVersion = "bench", CreatedAt = DateTimeOffset.UnixEpoch });
        var planner = watch.Elapsed - scan;
        var json = PlanJson.Serialize(plan);
        var write = watch.Elapsed - scan - planner;
        PlanRenderer.Render(plan, OutputFormat.Table, TextWriter.Null, 120, PlanRenderer.HashOf(plan));
        var render = watch.Elapsed - scan - planner - write;
        GC.KeepAlive(json);
        return $"scan + inventory {scan.TotalSeconds:F2} s, planner {planner.TotalSeconds:F2} s, plan JSON {write.TotalSeconds:F2} s, table + hash {render.TotalSeconds:F2} s";
    }
}
