using System.Collections.Immutable;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Paging;

namespace EksAccessMigrator.Live;

/// <summary>
/// Where pods can run (rules K9, R4): managed node groups (node role, AMI type) and Fargate profiles (selectors),
/// each listed and then described, at most <c>maxConcurrency</c> describes at a time.
/// </summary>
internal static class ComputeReader
{
    public static async Task<ImmutableArray<LiveNodegroup>> ReadNodegroupsAsync(EksClient eks, string clusterName, int maxConcurrency, RetryRecorder recorder, IScanProgress progress, CancellationToken cancellationToken)
    {
        var names = await AwsPaginator.ListAllAsync<string>("ListNodegroups", async (token, ct) =>
            await recorder.TrackAsync(() => eks.ListNodegroupsPageAsync(clusterName, EksBatch.PageSize, token, ct)).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var done = 0;
        var groups = await EksBatch.DescribeEachAsync(Sorted(names), maxConcurrency, async (name, ct) =>
        {
            LiveNodegroup? group;
            try
            {
                var described = await recorder.TrackAsync(() => eks.DescribeNodegroupAsync(clusterName, name, ct)).ConfigureAwait(false);
                group = new LiveNodegroup(described.NodegroupName, described.NodeRole, described.AmiType, described.CapacityType, described.Status);
            }
            catch (AwsResourceNotFoundException)
            {
                group = null;
            }

            progress.StepAdvanced(ScanStep.Nodegroups, Interlocked.Increment(ref done));
            return group;
        }, cancellationToken).ConfigureAwait(false);
        return [.. groups];
    }

    public static async Task<ImmutableArray<LiveFargateProfile>> ReadFargateProfilesAsync(EksClient eks, string clusterName, int maxConcurrency, RetryRecorder recorder, IScanProgress progress, CancellationToken cancellationToken)
    {
        var names = await AwsPaginator.ListAllAsync<string>("ListFargateProfiles", async (token, ct) =>
            await recorder.TrackAsync(() => eks.ListFargateProfilesPageAsync(clusterName, EksBatch.PageSize, token, ct)).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var done = 0;
        var profiles = await EksBatch.DescribeEachAsync(Sorted(names), maxConcurrency, async (name, ct) =>
        {
            LiveFargateProfile? profile;
            try
            {
                var described = await recorder.TrackAsync(() => eks.DescribeFargateProfileAsync(clusterName, name, ct)).ConfigureAwait(false);
                profile = new LiveFargateProfile(described.FargateProfileName, described.PodExecutionRoleArn, described.Status, [.. (described.Selectors ?? []).Select(Selector)]);
            }
            catch (AwsResourceNotFoundException)
            {
                profile = null;
            }

            progress.StepAdvanced(ScanStep.FargateProfiles, Interlocked.Increment(ref done));
            return profile;
        }, cancellationToken).ConfigureAwait(false);
        return [.. profiles];
    }

    private static Core.Inventory.FargateSelectorInfo Selector(EksFargateSelector selector) =>
        new(selector.Namespace ?? string.Empty, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, selector.Labels ?? new Dictionary<string, string>()));

    private static List<string> Sorted(IEnumerable<string> names) => [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
