namespace EksAccessMigrator.Aws.Eks;

/// <summary>The parts of the Addon shape the migrator uses.</summary>
public sealed record EksAddon(
    string AddonName,
    string? ClusterName,
    string? Status,
    string? AddonVersion,
    string? AddonArn,
    string? ServiceAccountRoleArn,
    IReadOnlyList<string>? PodIdentityAssociations,
    string? ConfigurationValues,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ModifiedAt,
    IReadOnlyDictionary<string, string>? Tags = null);
