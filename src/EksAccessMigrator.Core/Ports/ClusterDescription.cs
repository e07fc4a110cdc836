namespace EksAccessMigrator.Core.Ports;

/// <summary>What apply reads of the EKS cluster itself.</summary>
/// <param name="Name">The cluster name.</param>
/// <param name="Arn">The cluster ARN (null when EKS did not report it).</param>
/// <param name="AuthenticationMode">CONFIG_MAP, API_AND_CONFIG_MAP or API; null when EKS reported no access config.</param>
public sealed record ClusterDescription(string Name, string? Arn, string? AuthenticationMode);
