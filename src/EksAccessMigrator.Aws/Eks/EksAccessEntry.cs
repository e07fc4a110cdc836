namespace EksAccessMigrator.Aws.Eks;

/// <summary>An EKS access entry (AccessEntry shape).</summary>
public sealed record EksAccessEntry(
    string ClusterName,
    string PrincipalArn,
    IReadOnlyList<string>? KubernetesGroups,
    string? AccessEntryArn,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ModifiedAt,
    IReadOnlyDictionary<string, string>? Tags,
    string? Username,
    string? Type);
