namespace EksAccessMigrator.Aws.Eks;

/// <summary>Summary row of ListPodIdentityAssociations.</summary>
public sealed record EksPodIdentityAssociationSummary(
    string ClusterName,
    string Namespace,
    string ServiceAccount,
    string? AssociationArn,
    string AssociationId,
    string? OwnerArn);
