namespace EksAccessMigrator.Core.Ports;

/// <summary>An IAM role as far as the migration reads it: its trust policy and when it was made.</summary>
/// <param name="Arn">The role ARN.</param>
/// <param name="RoleName">The role name.</param>
/// <param name="AssumeRolePolicyDocument">The trust policy (JSON, URL-decoded); null when IAM returned none.</param>
/// <param name="CreateDate">When the role was created.</param>
public sealed record RoleTrust(string Arn, string RoleName, string? AssumeRolePolicyDocument, DateTimeOffset? CreateDate);
