namespace EksAccessMigrator.Core.Ports;

/// <summary>What CreatePodIdentityAssociation is asked to create.</summary>
/// <param name="ClusterName">The cluster.</param>
/// <param name="Namespace">The ServiceAccount's namespace.</param>
/// <param name="ServiceAccount">The ServiceAccount.</param>
/// <param name="RoleArn">The role.</param>
/// <param name="ClientRequestToken">The idempotency token.</param>
/// <param name="Tags">The ownership tags.</param>
public sealed record NewPodIdentityAssociation(
    string ClusterName,
    string Namespace,
    string ServiceAccount,
    string RoleArn,
    string ClientRequestToken,
    IReadOnlyDictionary<string, string> Tags);
