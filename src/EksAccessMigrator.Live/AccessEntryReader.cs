using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>
/// The cluster's access entries (rules A9, A10): ListAccessEntries, then per entry DescribeAccessEntry and
/// ListAssociatedAccessPolicies, at most <c>maxConcurrency</c> entries at a time.
/// </summary>
internal static class AccessEntryReader
{
    private const int PageSize = 100;

    public static async Task<ImmutableArray<ExistingAccessEntry>> ReadAsync(
        IAccessEntries accessEntries,
        string clusterName,
        int maxConcurrency,
        IScanProgress progress,
        CancellationToken cancellationToken,
        System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>? createdAt = null)
    {
        var listed = await EksBatch.AllAsync(accessEntries.ListAsync(clusterName, PageSize, cancellationToken)).ConfigureAwait(false);
        var principals = listed.Distinct(StringComparer.Ordinal).ToList();
        var entries = new ExistingAccessEntry?[principals.Count];
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, principals.Count), options, async (index, ct) =>
        {
            entries[index] = await ReadEntryAsync(accessEntries, clusterName, principals[index], createdAt, ct).ConfigureAwait(false);
            progress.StepAdvanced(ScanStep.AccessEntries, Interlocked.Increment(ref done));
        }).ConfigureAwait(false);

        // In the order EKS lists them, as an export of the same calls would hold them.
        return [.. entries.OfType<ExistingAccessEntry>()];
    }

    /// <summary>One entry with its policies (and its createdAt into <paramref name="createdAt"/>); null when it was deleted between the list and the describe.</summary>
    private static async Task<ExistingAccessEntry?> ReadEntryAsync(IAccessEntries accessEntries, string clusterName, string principalArn, System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>? createdAt, CancellationToken cancellationToken)
    {
        var entry = await accessEntries.DescribeListedAsync(clusterName, principalArn, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        if (createdAt is not null && entry.CreatedAt is { } created)
        {
            createdAt[entry.PrincipalArn] = created;
        }

        var policies = await accessEntries.ListListedPoliciesAsync(clusterName, principalArn, PageSize, cancellationToken).ConfigureAwait(false);
        if (policies is null)
        {
            return null;
        }

        return new ExistingAccessEntry(
            entry.PrincipalArn,
            entry.Type is null ? AccessEntryType.Standard
                : WireNames.TryParse<AccessEntryType>(entry.Type, out var type) ? type
                : throw new FormatException($"DescribeAccessEntry reported the unknown access-entry type '{entry.Type}' for {entry.PrincipalArn}."),
            entry.Username,
            [.. entry.KubernetesGroups],
            [.. policies.Value.Select(Policy)]);
    }

    private static ExistingPolicyAssociation Policy(AssociatedPolicy policy)
    {
        var scope = policy.Scope;
        var type = scope?.Type is null ? AccessScopeType.Cluster
            : WireNames.TryParse<AccessScopeType>(scope.Type, out var parsed) ? parsed
            : throw new FormatException($"ListAssociatedAccessPolicies reported the unknown access scope type '{scope.Type}'.");
        return new ExistingPolicyAssociation(
            policy.PolicyArn,
            type == AccessScopeType.Cluster ? AccessScope.Cluster : new AccessScope(type, [.. scope?.Namespaces ?? []]));
    }
}
