namespace EksAccessMigrator.Core.Ports;

/// <summary>A ServiceAccount as read.</summary>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Uid">Its uid.</param>
/// <param name="ResourceVersion">The resourceVersion read.</param>
/// <param name="Labels">Its labels (empty for none).</param>
/// <param name="Annotations">Its annotations (empty for none).</param>
/// <param name="ImagePullSecrets">The names of its image pull secrets.</param>
/// <param name="AutomountServiceAccountToken">automountServiceAccountToken; null when unset.</param>
public sealed record ServiceAccountObject(
    string Namespace,
    string Name,
    string? Uid,
    string? ResourceVersion,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<string> ImagePullSecrets,
    bool? AutomountServiceAccountToken);
