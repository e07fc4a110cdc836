namespace EksAccessMigrator.Aws.Sts;

/// <summary>Result of sts:GetCallerIdentity.</summary>
public sealed record AwsCallerIdentity(string Account, string Arn, string UserId);
