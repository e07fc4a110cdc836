using System.Collections.Immutable;
using EksAccessMigrator.Apply.Coordination;
using EksAccessMigrator.Apply.Handlers;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply;

/// <summary>
/// Checks made before any write: the right cluster, account and region; then every change's conditions, the same
/// test each step makes again right before its call (no second plan is made and compared with the first).
/// </summary>
internal static class Preflight
{
    /// <summary>
    /// The right region, account and cluster, and that the Kubernetes API server is that cluster's
    /// (<see cref="ClusterIdentityCheck"/>): one DescribeCluster for all of it, whose answer the preflight reuses.
    /// </summary>
    public static async Task<ClusterCheck> CheckClusterAsync(ClusterPorts clients, PlanCluster cluster, CancellationToken ct)
    {
        if (!string.Equals(clients.Region, cluster.Region, StringComparison.Ordinal))
        {
            return Refused(Refusal.Of(RefusalReason.RegionMismatch, $"The plan is for region {cluster.Region}; the clients use {clients.Region}."));
        }

        var caller = await clients.CallerIdentity.GetCallerIdentityAsync(ct).ConfigureAwait(false);
        if (!string.Equals(caller.Account, cluster.AccountId, StringComparison.Ordinal))
        {
            return Refused(Refusal.Of(RefusalReason.AccountMismatch, $"The plan is for account {cluster.AccountId}; the credentials are for account {caller.Account}."));
        }

        if (await clients.Cluster.DescribeClusterAsync(cluster.Name, ct).ConfigureAwait(false) is not { } live)
        {
            return Refused(Refusal.Of(RefusalReason.ClusterMismatch, $"Cluster {cluster.Name} does not exist in {clients.Region}."));
        }

        var arn = (live.Arn ?? string.Empty).Split(':');
        if (arn.Length >= 6 && (!string.Equals(arn[3], cluster.Region, StringComparison.Ordinal) || !string.Equals(arn[4], cluster.AccountId, StringComparison.Ordinal)))
        {
            return Refused(Refusal.Of(RefusalReason.ClusterMismatch, $"Cluster {live.Arn} is not the plan's cluster {cluster.Name} in {cluster.Region}, account {cluster.AccountId}."));
        }

        return await ClusterIdentityCheck.CheckAsync(clients, cluster, live, ct).ConfigureAwait(false) is { } otherCluster
            ? Refused(otherCluster)
            : new ClusterCheck(null, live);
    }

    private static ClusterCheck Refused(Refusal refusal) => new(refusal, null);

    /// <summary>
    /// Reads every change's object once and tells which of its conditions holds: null for a change the run will not
    /// check now (done in an earlier run, a restart not asked for, or a read that failed: the step reads again).
    /// </summary>
    public static async Task<ImmutableArray<PreparationCheck?>> CheckChangesAsync(ImmutableArray<PlanChange> ordered, StepContext context, ClusterDescription described, JournalState journal, ApplyOptions options, CancellationToken ct)
    {
        var checks = new PreparationCheck?[ordered.Length];
        context.UseEntryListing(await AccessEntryListing.ReadAsync(ordered.Where(c => !(journal.Steps.TryGetValue(c.Address, out var p) && p.IsDone)), context, described, ct).ConfigureAwait(false));
        await Parallel.ForEachAsync(Enumerable.Range(0, ordered.Length), new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = ct }, async (index, token) =>
        {
            var change = ordered[index];
            if (journal.Steps.TryGetValue(change.Address, out var previous) && previous.IsDone)
            {
                return;
            }

            if (change is RestartWorkloadChange && !options.RestartWorkloads)
            {
                return;
            }

            try
            {
                var prep = await ChangeHandlers.PrepareAsync(change, context, token).ConfigureAwait(false);
                checks[index] = new PreparationCheck(prep.Kind, prep.Message);
            }
            catch (Exception e) when (StepRunner.IsStepFailure(e))
            {
                // The step itself reads again and reports the failure.
            }
        }).ConfigureAwait(false);
        return [.. checks];
    }

    /// <summary>The stale changes among <paramref name="checks"/>, in execution order.</summary>
    public static ImmutableArray<StaleChange> Stale(ImmutableArray<PlanChange> ordered, ImmutableArray<PreparationCheck?> checks) =>
        [.. ordered.Select((change, i) => (change, check: checks[i]))
            .Where(c => c.check is { Kind: PreparationKind.Stale })
            .Select(c => new StaleChange(c.change.Address, c.change.Action, c.check!.Message))];
}
