namespace EksAccessMigrator.Aws.Eks;

/// <summary>The cluster's OIDC issuer (used by IRSA).</summary>
public sealed record EksOidcIdentity(string? Issuer);
