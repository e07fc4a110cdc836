namespace EksAccessMigrator.Core.Ports;

/// <summary>A ServiceAccount to create.</summary>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Annotations">Its annotations.</param>
/// <param name="ImagePullSecrets">The names of its image pull secrets (empty for none).</param>
/// <param name="AutomountServiceAccountToken">automountServiceAccountToken; null to leave it unset.</param>
public sealed record NewServiceAccount(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<string> ImagePullSecrets,
    bool? AutomountServiceAccountToken);
