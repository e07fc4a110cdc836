namespace EksAccessMigrator.Aws.Eks;

/// <summary>A Pod Identity association (PodIdentityAssociation shape).</summary>
public sealed record EksPodIdentityAssociation(
    string ClusterName,
    string Namespace,
    string ServiceAccount,
    string RoleArn,
    string? AssociationArn,
    string AssociationId,
    IReadOnlyDictionary<string, string>? Tags,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ModifiedAt,
    string? OwnerArn,
    bool? DisableSessionTags,
    string? TargetRoleArn,
    string? ExternalId);
