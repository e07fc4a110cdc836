namespace EksAccessMigrator.Core.Ports;

/// <summary>Who the AWS credentials are (sts:GetCallerIdentity): the account, the principal ARN and its unique id.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
