namespace EksAccessMigrator.Aws.Signing;

/// <summary>Resolved AWS credentials at one point in time. ToString never reveals secrets.</summary>
public sealed record AwsCredentialsSnapshot(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    public override string ToString() => $"AwsCredentials(AccessKeyId={Redaction.MaskAccessKey(AccessKeyId)}, SessionToken={(SessionToken is null ? "none" : "***")})";

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(ToString());
        return true;
    }
}
