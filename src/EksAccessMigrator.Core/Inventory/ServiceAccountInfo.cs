using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>A ServiceAccount: what a dedicated copy keeps (rule K5), its IRSA annotation (rule R1) and whether an add-on owns it.</summary>
public sealed record ServiceAccountInfo(
    string Namespace,
    string Name,
    ImmutableSortedDictionary<string, string> Annotations,
    ImmutableSortedDictionary<string, string> Labels,
    ImmutableArray<string> ImagePullSecrets,
    bool? AutomountServiceAccountToken,
    SourceLocation Location);
