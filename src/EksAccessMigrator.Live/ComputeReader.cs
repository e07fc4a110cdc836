using System.Collections.Immutable;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>
/// Where pods can run (rules K9, R4): managed node groups (node role, AMI type) and Fargate profiles (selectors),
/// each listed and then described, at most <c>maxConcurrency</c> describes at a time.
/// </summary>
internal static class ComputeReader
{
    public static async Task<ImmutableArray<LiveNodegroup>> ReadNodegroupsAsync(IClusterCompute compute, string clusterName, int maxConcurrency, IScanProgress progress, CancellationToken cancellationToken)
    {
        var names = await EksBatch.AllAsync(compute.ListNodegroupsAsync(clusterName, EksBatch.PageSize, cancellationToken)).ConfigureAwait(false);
        var done = 0;
        var groups = await EksBatch.DescribeEachAsync(Sorted(names), maxConcurrency, async (name, ct) =>
        {
            // Null when it was deleted between the list and the describe.
            var described = await compute.DescribeNodegroupAsync(clusterName, name, ct).ConfigureAwait(false);
            var group = described is null ? null : new LiveNodegroup(described.Name, described.NodeRoleArn, described.AmiType, described.CapacityType, described.Status);
            progress.StepAdvanced(ScanStep.Nodegroups, Interlocked.Increment(ref done));
            return group;
        }, cancellationToken).ConfigureAwait(false);
        return [.. groups];
    }

    public static async Task<ImmutableArray<FargateProfileDescription>> ReadFargateProfilesAsync(IClusterCompute compute, string clusterName, int maxConcurrency, IScanProgress progress, CancellationToken cancellationToken)
    {
        var names = await EksBatch.AllAsync(compute.ListFargateProfilesAsync(clusterName, EksBatch.PageSize, cancellationToken)).ConfigureAwait(false);
        var done = 0;
        var profiles = await EksBatch.DescribeEachAsync(Sorted(names), maxConcurrency, async (name, ct) =>
        {
            var profile = await compute.DescribeFargateProfileAsync(clusterName, name, ct).ConfigureAwait(false);
            progress.StepAdvanced(ScanStep.FargateProfiles, Interlocked.Increment(ref done));
            return profile;
        }, cancellationToken).ConfigureAwait(false);
        return [.. profiles];
    }

    private static List<string> Sorted(IEnumerable<string> names) => [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
