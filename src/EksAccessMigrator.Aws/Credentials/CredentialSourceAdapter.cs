using Amazon.Runtime;

namespace EksAccessMigrator.Aws.Credentials;

/// <summary>Presents an <see cref="IAwsCredentialSource"/> to AWSSDK clients.</summary>
public sealed class CredentialSourceAdapter(IAwsCredentialSource source) : AWSCredentials
{
    public static AWSCredentials For(IAwsCredentialSource source) =>
        source is SdkCredentialSource sdk ? sdk.SdkCredentials : new CredentialSourceAdapter(source);

    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var snapshot = await source.GetCredentialsAsync(CancellationToken.None);
        return new ImmutableCredentials(snapshot.AccessKeyId, snapshot.SecretAccessKey, snapshot.SessionToken);
    }

    public override string ToString() => "CredentialSourceAdapter";
}
