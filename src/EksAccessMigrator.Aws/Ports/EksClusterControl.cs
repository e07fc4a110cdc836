using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>The <see cref="IClusterControl"/> port over <see cref="EksClient"/>: a missing cluster and an update in progress become results.</summary>
/// <param name="eks">The EKS client.</param>
/// <param name="tracker">Sees the live scan's DescribeCluster; null for none.</param>
public sealed class EksClusterControl(EksClient eks, IAwsCallTracker? tracker = null) : IClusterControl
{
    public async Task<EksClusterFacts> DescribeClusterFactsAsync(string clusterName, CancellationToken cancellationToken)
    {
        var request = EksRequests.DescribeCluster(clusterName);
        Task<AwsWireResponse> Send() => eks.Pipeline.SendAsync(request, r => RestJsonErrorParser.Parse(request.Operation, r), cancellationToken);
        var response = await AwsCalls.RunAsync(tracker, Send).ConfigureAwait(false);
        return EksClusterFactsParser.Parse(response.Body);
    }

    public async Task<ClusterDescription?> DescribeClusterAsync(string clusterName, CancellationToken cancellationToken)
    {
        try
        {
            var cluster = await eks.DescribeClusterAsync(clusterName, cancellationToken).ConfigureAwait(false);
            return new ClusterDescription(cluster.Name, cluster.Arn, cluster.AccessConfig?.AuthenticationMode);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public async Task<string?> UpdateAuthenticationModeAsync(string clusterName, string authenticationMode, string clientRequestToken, CancellationToken cancellationToken)
    {
        try
        {
            return (await eks.UpdateClusterAuthenticationModeAsync(clusterName, authenticationMode, clientRequestToken, cancellationToken).ConfigureAwait(false)).Id;
        }
        catch (AwsResourceInUseException)
        {
            return null;
        }
    }

    public async Task<ClusterUpdate> DescribeUpdateAsync(string clusterName, string updateId, CancellationToken cancellationToken)
    {
        var update = await eks.DescribeUpdateAsync(clusterName, updateId, cancellationToken).ConfigureAwait(false);
        return new ClusterUpdate(update.Id, update.Status, [.. (update.Errors ?? []).Select(e => $"{e.ErrorCode}: {e.ErrorMessage}")]);
    }
}
