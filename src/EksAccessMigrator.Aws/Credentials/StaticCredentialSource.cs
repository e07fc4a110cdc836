using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Credentials;

/// <summary>Fixed credentials (tests, or credentials obtained elsewhere such as AssumeRole).</summary>
public sealed class StaticCredentialSource(AwsCredentialsSnapshot credentials) : IAwsCredentialSource
{
    public ValueTask<AwsCredentialsSnapshot> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);

    public override string ToString() => credentials.ToString();
}
