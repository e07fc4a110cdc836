using System.Collections.Immutable;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Fleet;

namespace EksAccessMigrator.Cli.Fleet;

/// <summary>
/// Runs one step per selected cluster, at most <c>--parallel</c> at once. A cluster's failure (any exception,
/// mapped to its message and exit code as the single-cluster command would) becomes that cluster's row and never
/// stops the others; after a signal no new cluster is started. Each cluster's row is written to
/// <c>DIR/&lt;cluster&gt;/report.json</c> as it ends, the whole run to <c>DIR/report.json</c> (atomically) at the end.
/// </summary>
internal static class FleetRunner
{
    public static async Task<FleetReport> RunAsync(
        FleetCommandKind command,
        FleetInventory inventory,
        FleetSelection selection,
        FleetShard shard,
        FleetFolder folder,
        int parallel,
        FleetProgressView progress,
        Func<FleetCluster, Task<FleetClusterResult>> step,
        CancellationToken stop)
    {
        var selected = selection.Selected;
        var results = new FleetClusterResult[selected.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, selected.Length), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var cluster = selected[i];
            if (stop.IsCancellationRequested)
            {
                results[i] = FleetClusterResult.Failed(cluster, "not started: the run was interrupted (SIGINT/SIGTERM); run the same command again to go on with the clusters left.", ExitCodes.Cancelled);
                progress.Finished(results[i]);
                return;
            }

            progress.Started(cluster);
            results[i] = await RunOneAsync(command, cluster, folder, step).ConfigureAwait(false);
            progress.Finished(results[i]);
        }).ConfigureAwait(false);

        // Rows in inventory order, the skipped ones among them.
        var byName = selected.Zip(results).ToDictionary(p => p.First.Name, p => p.Second, StringComparer.Ordinal);
        foreach (var skipped in selection.Skipped)
        {
            byName[skipped.Name] = FleetClusterResult.SkippedBySelection(skipped);
        }

        var rows = inventory.Clusters.Where(c => byName.ContainsKey(c.Name)).Select(c => byName[c.Name]).ToImmutableArray();
        var report = new FleetReport(command, shard.ToString(), rows);
        AtomicFile.Write(folder.Report, report.ToJson());
        return report;
    }

    private static async Task<FleetClusterResult> RunOneAsync(FleetCommandKind command, FleetCluster cluster, FleetFolder folder, Func<FleetCluster, Task<FleetClusterResult>> step)
    {
        FleetClusterResult result;
        try
        {
            Directory.CreateDirectory(folder.Cluster(cluster.Name));
            result = await step(cluster).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var (code, message) = ErrorMapper.Describe(ex);
            result = FleetClusterResult.Failed(cluster, message, code);
        }

        result = result with { Report = FleetFolder.Relative(cluster.Name, FleetFolder.ReportFileName) };
        try
        {
            AtomicFile.Write(folder.ClusterReport(cluster.Name), new FleetReport(command, string.Empty, [result]).ToJson());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or UsageException)
        {
            var (code, message) = ErrorMapper.Describe(ex);
            result = result.Status == FleetStatus.Failed ? result : FleetClusterResult.Failed(cluster, $"the cluster's report could not be written: {message}", code) with { Changes = result.Changes, Blockers = result.Blockers, Account = result.Account };
        }

        return result;
    }
}
