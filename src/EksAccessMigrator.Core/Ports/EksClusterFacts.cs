using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// What DescribeCluster said about the cluster, kept for later steps (connecting to the API server, IRSA,
/// Pod Identity). Holds no secrets: the CA data is a public certificate.
/// </summary>
public sealed record EksClusterFacts(
    string Name,
    string Arn,
    string Region,
    string AccountId,
    string Partition,
    AuthenticationMode AuthenticationMode,
    Uri? Endpoint,
    string? CertificateAuthorityData,
    string? OidcIssuer,
    string? PlatformVersion,
    string? KubernetesVersion,
    string? Status,
    bool? BootstrapClusterCreatorAdminPermissions)
{
    /// <summary>
    /// EKS Auto Mode (DescribeCluster <c>computeConfig.enabled</c>): the Pod Identity agent is built in (rule K12);
    /// null when DescribeCluster did not say.
    /// </summary>
    public bool? AutoModeEnabled { get; init; }

    /// <summary>The planner's view of the cluster.</summary>
    public ClusterContext ToContext() => new(Name, Region, AccountId, Partition, AuthenticationMode) { LiveArn = Arn, OidcIssuer = OidcIssuer };
}
