namespace EksAccessMigrator.Core.Inventory;

/// <summary>An IAM role's trust policy (AssumeRolePolicyDocument) as read, JSON text.</summary>
public sealed record RoleTrustPolicy(string RoleArn, string Document, string Source);
