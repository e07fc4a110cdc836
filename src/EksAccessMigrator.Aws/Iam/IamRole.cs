namespace EksAccessMigrator.Aws.Iam;

/// <summary>An IAM role. <see cref="AssumeRolePolicyDocument"/> is already URL-decoded JSON.</summary>
public sealed record IamRole(
    string Path,
    string RoleName,
    string RoleId,
    string Arn,
    DateTimeOffset? CreateDate,
    string? AssumeRolePolicyDocument,
    string? Description,
    int? MaxSessionDuration,
    IReadOnlyDictionary<string, string> Tags);
