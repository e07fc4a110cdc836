using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Sts;

/// <summary>What sts:AssumeRole returned: temporary credentials (never printed: see <see cref="AwsCredentialsSnapshot"/>), when they expire, and the assumed role's ARN.</summary>
public sealed record AssumedRoleCredentials(AwsCredentialsSnapshot Credentials, DateTimeOffset Expiration, string AssumedRoleArn);
