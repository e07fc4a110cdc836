using System.Collections.Immutable;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply;

/// <summary>Checks made before any write: the right cluster, account and region, and a plan that is not stale.</summary>
internal static class Preflight
{
    public static async Task<Refusal?> CheckClusterAsync(ApplyClients clients, PlanCluster cluster, CancellationToken ct)
    {
        if (!string.Equals(clients.Region, cluster.Region, StringComparison.Ordinal))
        {
            return Refusal.Of(RefusalReason.RegionMismatch, $"The plan is for region {cluster.Region}; the clients use {clients.Region}.");
        }

        var caller = await clients.CallerIdentity(ct).ConfigureAwait(false);
        if (!string.Equals(caller.Account, cluster.AccountId, StringComparison.Ordinal))
        {
            return Refusal.Of(RefusalReason.AccountMismatch, $"The plan is for account {cluster.AccountId}; the credentials are for account {caller.Account}.");
        }

        Aws.Eks.EksCluster live;
        try
        {
            live = await clients.Eks.DescribeClusterAsync(cluster.Name, ct).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return Refusal.Of(RefusalReason.ClusterMismatch, $"Cluster {cluster.Name} does not exist in {clients.Region}.");
        }

        var arn = (live.Arn ?? string.Empty).Split(':');
        if (arn.Length >= 6 && (!string.Equals(arn[3], cluster.Region, StringComparison.Ordinal) || !string.Equals(arn[4], cluster.AccountId, StringComparison.Ordinal)))
        {
            return Refusal.Of(RefusalReason.ClusterMismatch, $"Cluster {live.Arn} is not the plan's cluster {cluster.Name} in {cluster.Region}, account {cluster.AccountId}.");
        }

        return null;
    }

    /// <summary>
    /// Differences between the saved plan and the re-derived one that the journal does not explain. Explained:
    /// a change done (or in flight) in an earlier run that is now gone or different, the cluster's mode after a
    /// journaled mode change, and node entries EKS created itself once access entries were enabled (rule A10).
    /// </summary>
    public static ImmutableArray<PlanDifference> Unexplained(MigrationPlan saved, MigrationPlan current, JournalState journal)
    {
        var touched = journal.Steps.Values.Where(s => s.IsDone || s.InFlight).Select(s => s.Address).ToHashSet(StringComparer.Ordinal);
        var modeChanged = saved.Changes.OfType<UpdateClusterConfigChange>().Any(c => touched.Contains(c.Address));
        var eksMade = saved.Changes.OfType<CreateAccessEntryChange>().Select(c => c.Address).ToHashSet(StringComparer.Ordinal);
        return [.. PlanComparison.Compare(saved, current).Where(d => !(
            (touched.Contains(d.Address) && d.Kind is "removed" or "changed")
            || (modeChanged && d.Address == "cluster" && saved.Cluster with { AuthenticationMode = current.Cluster.AuthenticationMode } == current.Cluster)
            || (modeChanged && d.Kind == "removed" && eksMade.Contains(d.Address))))];
    }
}
