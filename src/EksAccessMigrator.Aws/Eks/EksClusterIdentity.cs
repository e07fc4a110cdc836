namespace EksAccessMigrator.Aws.Eks;

/// <summary>Identity block of a cluster.</summary>
public sealed record EksClusterIdentity(EksOidcIdentity? Oidc);
