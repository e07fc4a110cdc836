using System.Collections.Immutable;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Live;

/// <summary>
/// The cluster's access entries (rules A9, A10): ListAccessEntries, then per entry DescribeAccessEntry and
/// ListAssociatedAccessPolicies, at most <c>maxConcurrency</c> entries at a time.
/// </summary>
internal static class AccessEntryReader
{
    private const int PageSize = 100;

    public static async Task<ImmutableArray<ExistingAccessEntry>> ReadAsync(
        EksClient eks,
        string clusterName,
        int maxConcurrency,
        RetryRecorder recorder,
        IScanProgress progress,
        CancellationToken cancellationToken)
    {
        var principals = await ListPrincipalsAsync(eks, clusterName, recorder, cancellationToken).ConfigureAwait(false);
        var entries = new ExistingAccessEntry?[principals.Count];
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, principals.Count), options, async (index, ct) =>
        {
            entries[index] = await ReadEntryAsync(eks, clusterName, principals[index], recorder, ct).ConfigureAwait(false);
            progress.StepAdvanced(ScanStep.AccessEntries, Interlocked.Increment(ref done));
        }).ConfigureAwait(false);

        // In the order EKS lists them, as an export of the same calls would hold them.
        return [.. entries.OfType<ExistingAccessEntry>()];
    }

    private static async Task<List<string>> ListPrincipalsAsync(EksClient eks, string clusterName, RetryRecorder recorder, CancellationToken cancellationToken)
    {
        var principals = await AwsPaginator.ListAllAsync<string>(
            "ListAccessEntries",
            async (token, ct) => await recorder.TrackAsync(() => eks.ListAccessEntriesPageAsync(clusterName, null, PageSize, token, ct)).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return [.. principals.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One entry with its policies; null when it was deleted between the list and the describe.</summary>
    private static async Task<ExistingAccessEntry?> ReadEntryAsync(EksClient eks, string clusterName, string principalArn, RetryRecorder recorder, CancellationToken cancellationToken)
    {
        EksAccessEntry entry;
        List<EksAssociatedAccessPolicy> policies;
        try
        {
            entry = await recorder.TrackAsync(() => eks.DescribeAccessEntryAsync(clusterName, principalArn, cancellationToken)).ConfigureAwait(false);
            policies = await AwsPaginator.ListAllAsync<EksAssociatedAccessPolicy>(
                "ListAssociatedAccessPolicies",
                async (token, ct) => await recorder.TrackAsync(() => eks.ListAssociatedAccessPoliciesPageAsync(clusterName, principalArn, PageSize, token, ct)).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }

        return new ExistingAccessEntry(
            entry.PrincipalArn,
            entry.Type is null ? AccessEntryType.Standard
                : WireNames.TryParse<AccessEntryType>(entry.Type, out var type) ? type
                : throw new FormatException($"DescribeAccessEntry reported the unknown access-entry type '{entry.Type}' for {entry.PrincipalArn}."),
            entry.Username,
            [.. entry.KubernetesGroups ?? []],
            [.. policies.Select(Policy)]);
    }

    private static ExistingPolicyAssociation Policy(EksAssociatedAccessPolicy policy)
    {
        var scope = policy.AccessScope;
        var type = scope?.Type is null ? AccessScopeType.Cluster
            : WireNames.TryParse<AccessScopeType>(scope.Type, out var parsed) ? parsed
            : throw new FormatException($"ListAssociatedAccessPolicies reported the unknown access scope type '{scope.Type}'.");
        return new ExistingPolicyAssociation(
            policy.PolicyArn,
            type == AccessScopeType.Cluster ? AccessScope.Cluster : new AccessScope(type, [.. scope?.Namespaces ?? []]));
    }
}
