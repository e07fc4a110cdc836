namespace EksAccessMigrator.Aws.Eks;

/// <summary>Input of CreatePodIdentityAssociation.</summary>
public sealed record CreatePodIdentityAssociationRequest(string ClusterName, string Namespace, string ServiceAccount, string RoleArn)
{
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public bool? DisableSessionTags { get; init; }

    public string? TargetRoleArn { get; init; }

    public string? ClientRequestToken { get; init; }
}
