namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// Whether a running Pod's container carries the environment the Pod Identity webhook injects (rule K16):
/// <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c> and <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c>. Only the presence of
/// the names is kept, never a value.
/// </summary>
public sealed record ContainerCredentialEnv(string Container, bool CredentialsFullUri, bool AuthorizationTokenFile)
{
    public const string FullUri = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    public const string TokenFile = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

    public bool HasPodIdentity => CredentialsFullUri && AuthorizationTokenFile;
}
