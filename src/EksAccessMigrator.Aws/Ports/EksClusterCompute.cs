using System.Collections.Immutable;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>The <see cref="IClusterCompute"/> port over <see cref="EksClient"/>: a node group or profile EKS no longer finds is null.</summary>
/// <param name="eks">The EKS client.</param>
/// <param name="tracker">Sees each call (each page, each describe); null for none.</param>
public sealed class EksClusterCompute(EksClient eks, IAwsCallTracker? tracker = null) : IClusterCompute
{
    public IAsyncEnumerable<string> ListNodegroupsAsync(string clusterName, int pageSize, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<string>(
            "ListNodegroups",
            async (token, ct) => await AwsCalls.RunAsync(tracker, () => eks.ListNodegroupsPageAsync(clusterName, pageSize, token, ct)).ConfigureAwait(false),
            cancellationToken);

    public async Task<NodegroupDescription?> DescribeNodegroupAsync(string clusterName, string nodegroupName, CancellationToken cancellationToken)
    {
        try
        {
            var group = await AwsCalls.RunAsync(tracker, () => eks.DescribeNodegroupAsync(clusterName, nodegroupName, cancellationToken)).ConfigureAwait(false);
            return new NodegroupDescription(group.NodegroupName, group.NodeRole, group.AmiType, group.CapacityType, group.Status);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public IAsyncEnumerable<string> ListFargateProfilesAsync(string clusterName, int pageSize, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<string>(
            "ListFargateProfiles",
            async (token, ct) => await AwsCalls.RunAsync(tracker, () => eks.ListFargateProfilesPageAsync(clusterName, pageSize, token, ct)).ConfigureAwait(false),
            cancellationToken);

    public async Task<FargateProfileDescription?> DescribeFargateProfileAsync(string clusterName, string profileName, CancellationToken cancellationToken)
    {
        try
        {
            var profile = await AwsCalls.RunAsync(tracker, () => eks.DescribeFargateProfileAsync(clusterName, profileName, cancellationToken)).ConfigureAwait(false);
            return new FargateProfileDescription(profile.FargateProfileName, profile.PodExecutionRoleArn, profile.Status, [.. (profile.Selectors ?? []).Select(Selector)]);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    private static FargateSelectorInfo Selector(EksFargateSelector selector) =>
        new(selector.Namespace ?? string.Empty, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, selector.Labels ?? new Dictionary<string, string>()));
}
