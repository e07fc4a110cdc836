namespace EksAccessMigrator.Aws.Signing;

/// <summary>The intermediate and final artefacts of a SigV4 signature.</summary>
public sealed record SigV4Result(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string SignedHeaders,
    string CredentialScope,
    string Authorization)
{
    public override string ToString() => $"SigV4Result(SignedHeaders={SignedHeaders}, Scope={CredentialScope})";
}
