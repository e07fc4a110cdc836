using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Sts;

/// <summary>Result of sts:AssumeRole. ToString hides the credentials.</summary>
public sealed record AwsAssumedRole(AwsCredentialsSnapshot Credentials, DateTimeOffset Expiration, string AssumedRoleArn, string AssumedRoleId)
{
    public override string ToString() => $"AwsAssumedRole(Arn={AssumedRoleArn}, Expiration={Expiration:O})";
}
