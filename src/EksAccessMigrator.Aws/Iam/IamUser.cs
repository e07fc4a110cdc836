namespace EksAccessMigrator.Aws.Iam;

/// <summary>An IAM user.</summary>
public sealed record IamUser(string Path, string UserName, string UserId, string Arn, DateTimeOffset? CreateDate);
