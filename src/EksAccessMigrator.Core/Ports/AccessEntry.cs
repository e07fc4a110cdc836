namespace EksAccessMigrator.Core.Ports;

/// <summary>An EKS access entry as DescribeAccessEntry or CreateAccessEntry return it.</summary>
/// <param name="PrincipalArn">The IAM principal.</param>
/// <param name="Type">STANDARD, EC2_LINUX, ...; null when EKS did not say (STANDARD).</param>
/// <param name="Username">The Kubernetes username; null when EKS generates it.</param>
/// <param name="KubernetesGroups">The Kubernetes groups (empty for none).</param>
/// <param name="Tags">The entry's tags (empty for none).</param>
public sealed record AccessEntry(
    string PrincipalArn,
    string? Type,
    string? Username,
    IReadOnlyList<string> KubernetesGroups,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>When EKS created the entry; null when it did not say.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
