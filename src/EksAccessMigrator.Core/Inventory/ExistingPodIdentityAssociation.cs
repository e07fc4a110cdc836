namespace EksAccessMigrator.Core.Inventory;

/// <summary>A Pod Identity association the cluster already has (live, rule K13); <paramref name="OwnerArn"/> is set when an add-on owns it.</summary>
public sealed record ExistingPodIdentityAssociation(string Namespace, string ServiceAccount, string RoleArn, string? OwnerArn);
