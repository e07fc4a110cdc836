using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>
/// The cluster's Pod Identity associations (rule K13): ListPodIdentityAssociations, then DescribePodIdentityAssociation
/// per association for its role (the list has none), at most <c>maxConcurrency</c> at a time. The owner ARN marks
/// associations an add-on made; the planner never touches those.
/// </summary>
internal static class PodIdentityAssociationReader
{
    public static async Task<ImmutableArray<ExistingPodIdentityAssociation>> ReadAsync(IPodIdentity podIdentity, string clusterName, int maxConcurrency, IScanProgress progress, CancellationToken cancellationToken)
    {
        var summaries = await EksBatch.AllAsync(podIdentity.ListAssociationsAsync(clusterName, EksBatch.PageSize, cancellationToken)).ConfigureAwait(false);
        var unique = summaries.DistinctBy(s => s.AssociationId, StringComparer.Ordinal).ToList();
        var done = 0;
        var described = await EksBatch.DescribeEachAsync(unique, maxConcurrency, async (summary, ct) =>
        {
            // Null when it was deleted between the list and the describe.
            var association = await podIdentity.DescribeListedAssociationAsync(clusterName, summary.AssociationId, ct).ConfigureAwait(false);
            progress.StepAdvanced(ScanStep.PodIdentityAssociations, Interlocked.Increment(ref done));
            return association is null ? null
                : new ExistingPodIdentityAssociation(association.Namespace, association.ServiceAccount, association.RoleArn, association.OwnerArn ?? summary.OwnerArn);
        }, cancellationToken).ConfigureAwait(false);
        return [.. described
            .OrderBy(a => a.Namespace, StringComparer.Ordinal)
            .ThenBy(a => a.ServiceAccount, StringComparer.Ordinal)
            .ThenBy(a => a.RoleArn, StringComparer.Ordinal)];
    }
}
