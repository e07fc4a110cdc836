using System.Diagnostics;
using EksAccessMigrator.Bench.Generation;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Bench.Measurements;

/// <summary>
/// Where an offline plan's time goes, in-process and once each (a profile's first cut, not a floor): the scan with
/// the inventory built from it, the planner, the plan file's JSON, and the table the CLI prints.
/// The same calls in the same order as <c>plan --from</c>.
/// </summary>
internal static class PlanPhases
{
    public static string Measure(string export)
    {
        var input = new InputOptions { From = [export] };
        var cluster = new ClusterOptions { Cluster = SyntheticCluster.Name, Region = SyntheticCluster.Region, Account = SyntheticCluster.Account };
        var gcPause = GC.GetTotalPauseDuration();
        var collections = Enumerable.Range(0, GC.MaxGeneration + 1).Select(GC.CollectionCount).ToArray();
        var watch = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var inventory = new EksAccessMigrator.Manifests.OfflineInventoryScanner(OfflineInventory.Settings(input, cluster, null, null, null)).Scan(CancellationToken.None).Inventory;
        var scan = watch.Elapsed;
        var scanBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var plan = MigrationPlanner.Plan(inventory, new PlannerOptions { Workloads = new WorkloadOptions().ToPlannerOptions(), ToolVersion = "bench", CreatedAt = DateTimeOffset.UnixEpoch });
        var planner = watch.Elapsed - scan;
        var plannerBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated - scanBytes;

        // As plan --out does: the plan file streamed (here to nowhere), then the table (the hash is Markdown's only).
        PlanJson.Serialize(Stream.Null, plan);
        var write = watch.Elapsed - scan - planner;
        PlanRenderer.Render(plan, OutputFormat.Table, TextWriter.Null, 120);
        var render = watch.Elapsed - scan - planner - write;
        var pause = GC.GetTotalPauseDuration() - gcPause;
        var counts = string.Join("/", Enumerable.Range(0, GC.MaxGeneration + 1).Select(g => GC.CollectionCount(g) - collections[g]));
        return $"scan + inventory {scan.TotalSeconds:F2} s ({Mb(scanBytes)} allocated), planner {planner.TotalSeconds:F2} s ({Mb(plannerBytes)}), plan JSON {write.TotalSeconds:F2} s, table {render.TotalSeconds:F2} s; GC paused {pause.TotalSeconds:F2} s of it (gen0/1/2 collections {counts})";
    }

    private static string Mb(long bytes) => $"{bytes / 1_000_000:N0} MB";
}
