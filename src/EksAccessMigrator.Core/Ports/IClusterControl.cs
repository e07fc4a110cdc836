namespace EksAccessMigrator.Core.Ports;

/// <summary>Cluster-level EKS calls: which cluster it is, and the authentication-mode switch.</summary>
public interface IClusterControl
{
    /// <summary>The cluster; null when no cluster of that name exists.</summary>
    Task<ClusterDescription?> DescribeClusterAsync(string clusterName, CancellationToken cancellationToken);

    /// <summary>
    /// Everything DescribeCluster says that the scan and the connection need (endpoint, CA data, OIDC issuer,
    /// authentication mode, ...). Unlike <see cref="DescribeClusterAsync"/>, a missing cluster is a
    /// <see cref="ServiceCallException"/>, which the scan reports.
    /// </summary>
    Task<EksClusterFacts> DescribeClusterFactsAsync(string clusterName, CancellationToken cancellationToken);

    /// <summary>Starts the switch to <paramref name="authenticationMode"/>: the update id, or null when another update is in progress (EKS ResourceInUseException).</summary>
    Task<string?> UpdateAuthenticationModeAsync(string clusterName, string authenticationMode, string clientRequestToken, CancellationToken cancellationToken);

    /// <summary>The update <paramref name="updateId"/>.</summary>
    Task<ClusterUpdate> DescribeUpdateAsync(string clusterName, string updateId, CancellationToken cancellationToken);
}
