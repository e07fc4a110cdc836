using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Http;

/// <summary>A request ready for the wire. ToString shows no secrets.</summary>
public sealed record AwsSignedRequest(
    string Method,
    Uri Url,
    IReadOnlyList<SigV4Header> Headers,
    ReadOnlyMemory<byte> Body,
    SigV4Result Signature)
{
    public override string ToString() => $"{Method} {Logging.WireRedactor.RedactUrl(Url.AbsoluteUri)}";
}
