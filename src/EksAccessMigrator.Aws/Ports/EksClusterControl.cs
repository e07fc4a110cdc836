using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>The <see cref="IClusterControl"/> port over <see cref="EksClient"/>: a missing cluster and an update in progress become results.</summary>
public sealed class EksClusterControl(EksClient eks) : IClusterControl
{
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
