using System.Collections.Frozen;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>
/// The principals that had an access entry when apply's checks began (one ListAccessEntries listing, 100 entries a
/// page, instead of a DescribeAccessEntry per planned entry). Only "certainly absent" is taken from it: a
/// CreateAccessEntry whose principal is not listed goes straight to its write, and the write itself is the check
/// right before the call (EKS refuses a second entry for a principal; the handler then reads it and compares).
/// Principals are compared ignoring case, so a listed ARN that differs only in case is read as before.
/// </summary>
internal sealed class AccessEntryListing
{
    private readonly FrozenSet<string> _listed;

    private AccessEntryListing(IEnumerable<string> listed) => _listed = listed.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the listing shows no entry for <paramref name="principalArn"/>.</summary>
    public bool CertainlyAbsent(string principalArn) => !_listed.Contains(principalArn);

    /// <summary>
    /// Lists the cluster's entries when the plan creates some (a CONFIG_MAP cluster has none); null when it creates
    /// none or the listing failed otherwise: each change then reads its own entry as before.
    /// </summary>
    public static async Task<AccessEntryListing?> ReadAsync(IEnumerable<PlanChange> changes, StepContext context, ClusterDescription described, CancellationToken ct)
    {
        if (!changes.OfType<CreateAccessEntryChange>().Any())
        {
            return null;
        }

        var listed = new List<string>();
        try
        {
            await foreach (var principal in context.Clients.AccessEntries.ListAsync(context.ClusterName, ct).ConfigureAwait(false))
            {
                listed.Add(principal);
            }
        }
        catch (Exception e) when (StepRunner.IsStepFailure(e))
        {
            // A cluster in CONFIG_MAP mode has no access entries at all (EKS refuses the listing): none is listed, and
            // the entries come after this run's switch to API_AND_CONFIG_MAP. Any other failure: no listing. The mode
            // is the one the preflight's DescribeCluster just read: had it changed to one with entries meanwhile, the
            // listing would have answered, and a create is checked by its own write in any case.
            return string.Equals(described.AuthenticationMode, "CONFIG_MAP", StringComparison.Ordinal) ? new AccessEntryListing([]) : null;
        }

        return new AccessEntryListing(listed);
    }
}
