using System.Collections.Immutable;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Live;

/// <summary>
/// The cluster's Pod Identity associations (rule K13): ListPodIdentityAssociations, then DescribePodIdentityAssociation
/// per association for its role (the list has none), at most <c>maxConcurrency</c> at a time. The owner ARN marks
/// associations an add-on made; the planner never touches those.
/// </summary>
internal static class PodIdentityAssociationReader
{
    public static async Task<ImmutableArray<ExistingPodIdentityAssociation>> ReadAsync(EksClient eks, string clusterName, int maxConcurrency, RetryRecorder recorder, IScanProgress progress, CancellationToken cancellationToken)
    {
        var summaries = await AwsPaginator.ListAllAsync<EksPodIdentityAssociationSummary>("ListPodIdentityAssociations", async (token, ct) =>
            await recorder.TrackAsync(() => eks.ListPodIdentityAssociationsPageAsync(clusterName, null, null, EksBatch.PageSize, token, ct)).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var unique = summaries.DistinctBy(s => s.AssociationId, StringComparer.Ordinal).ToList();
        var done = 0;
        var described = await EksBatch.DescribeEachAsync(unique, maxConcurrency, async (summary, ct) =>
        {
            var association = await DescribeAsync(eks, clusterName, summary, recorder, ct).ConfigureAwait(false);
            progress.StepAdvanced(ScanStep.PodIdentityAssociations, Interlocked.Increment(ref done));
            return association;
        }, cancellationToken).ConfigureAwait(false);
        return [.. described
            .OrderBy(a => a.Namespace, StringComparer.Ordinal)
            .ThenBy(a => a.ServiceAccount, StringComparer.Ordinal)
            .ThenBy(a => a.RoleArn, StringComparer.Ordinal)];
    }

    /// <summary>One association; null when it was deleted between the list and the describe.</summary>
    private static async Task<ExistingPodIdentityAssociation?> DescribeAsync(EksClient eks, string clusterName, EksPodIdentityAssociationSummary summary, RetryRecorder recorder, CancellationToken cancellationToken)
    {
        try
        {
            var association = await recorder.TrackAsync(() => eks.DescribePodIdentityAssociationAsync(clusterName, summary.AssociationId, cancellationToken)).ConfigureAwait(false);
            return new ExistingPodIdentityAssociation(association.Namespace, association.ServiceAccount, association.RoleArn, association.OwnerArn ?? summary.OwnerArn);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }
}
