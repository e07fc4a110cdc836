namespace EksAccessMigrator.Aws.Eks;

/// <summary>Input of UpdatePodIdentityAssociation.</summary>
public sealed record UpdatePodIdentityAssociationRequest(string ClusterName, string AssociationId)
{
    public string? RoleArn { get; init; }

    public bool? DisableSessionTags { get; init; }

    public string? TargetRoleArn { get; init; }

    public string? ClientRequestToken { get; init; }
}
