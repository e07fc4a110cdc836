using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Credentials;

/// <summary>
/// Credentials resolved by AWSSDK.Core: the default chain (environment, shared files, SSO, assume-role,
/// web identity, container and instance metadata) or a named profile from the shared files.
/// </summary>
public sealed class SdkCredentialSource : IAwsCredentialSource
{
    private readonly Lazy<AWSCredentials> _credentials;

    /// <param name="profile">Named profile, or null for the SDK's default chain.</param>
    /// <param name="profilesLocation">Shared credentials file to read profiles from (null: the SDK's usual files).</param>
    public SdkCredentialSource(string? profile, string? profilesLocation = null)
    {
        Profile = profile;
        _credentials = new Lazy<AWSCredentials>(() => Resolve(profile, profilesLocation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string? Profile { get; }

    public async ValueTask<AwsCredentialsSnapshot> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var immutable = await _credentials.Value.GetCredentialsAsync().WaitAsync(cancellationToken);
            return new AwsCredentialsSnapshot(immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null);
        }
        catch (AmazonClientException ex)
        {
            // Expired SSO sessions, failing credential_process commands, unreachable metadata: the user's to fix.
            throw new AwsConfigurationException($"the AWS credentials of {(Profile is null ? "the default chain" : $"profile '{Profile}'")} could not be loaded: {FirstSentence(ex.Message)} For an SSO profile run 'aws sso login{(Profile is null ? string.Empty : $" --profile {Profile}")}'; otherwise check the profile with 'aws sts get-caller-identity'.", ex);
        }
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : string.Concat(line.AsSpan(0, 197), "...");
    }

    public override string ToString() => $"SdkCredentialSource(Profile={Profile ?? "(default chain)"})";

    private static AWSCredentials Resolve(string? profile, string? profilesLocation)
    {
        if (profile is null)
        {
            try
            {
                return DefaultAWSCredentialsIdentityResolver.GetCredentials();
            }
            catch (AmazonClientException ex)
            {
                throw new AwsConfigurationException("Unable to locate AWS credentials: none of the SDK's sources (environment variables, shared config and credentials files, SSO, web identity, container or instance metadata) has any. Pass --profile NAME or set AWS_PROFILE, run 'aws sso login' for an SSO profile, or 'aws configure'.", ex);
            }
        }

        var chain = profilesLocation is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(profilesLocation);
        if (chain.TryGetAWSCredentials(profile, out var credentials))
        {
            return credentials;
        }

        throw new AwsConfigurationException($"AWS profile '{profile}' was not found or has no usable credentials.");
    }
}
