namespace EksAccessMigrator.Core.Ports;

/// <summary>What CreateAccessEntry is asked to create.</summary>
/// <param name="ClusterName">The cluster.</param>
/// <param name="PrincipalArn">The IAM principal.</param>
/// <param name="Type">STANDARD, EC2_LINUX, ...</param>
/// <param name="Username">The Kubernetes username; null to let EKS generate it.</param>
/// <param name="KubernetesGroups">The Kubernetes groups; null for none.</param>
/// <param name="ClientRequestToken">The idempotency token (same plan and step, same token).</param>
/// <param name="Tags">The ownership tags.</param>
public sealed record NewAccessEntry(
    string ClusterName,
    string PrincipalArn,
    string Type,
    string? Username,
    IReadOnlyList<string>? KubernetesGroups,
    string ClientRequestToken,
    IReadOnlyDictionary<string, string> Tags);
