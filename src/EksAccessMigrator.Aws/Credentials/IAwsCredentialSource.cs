using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Credentials;

/// <summary>Supplies current credentials (refreshing ones are re-read on every call).</summary>
public interface IAwsCredentialSource
{
    ValueTask<AwsCredentialsSnapshot> GetCredentialsAsync(CancellationToken cancellationToken);
}
