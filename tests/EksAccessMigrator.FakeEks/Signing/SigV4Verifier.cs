using System.Security.Cryptography;
using System.Text;
using EksAccessMigrator.FakeEks.Protocol;

namespace EksAccessMigrator.FakeEks.Signing;

/// <summary>
/// Admits only SigV4-signed requests scoped to service <c>eks</c>; checks the access key id and the signature
/// when the options carry them. Rejections are 403 with the error types AWS uses.
/// </summary>
internal sealed class SigV4Verifier(FakeEksOptions options)
{
    public ApiResponse? Check(string method, string rawPath, string rawQuery, Func<string, string?> headerValue, byte[] body)
    {
        var header = headerValue("authorization");
        if (string.IsNullOrEmpty(header))
        {
            return Denied("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        var authorization = SigV4Authorization.Parse(header);
        var amzDate = headerValue("x-amz-date");
        if (authorization is null || string.IsNullOrEmpty(amzDate))
        {
            return Denied("IncompleteSignatureException", "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters and an X-Amz-Date header.");
        }

        if (!string.Equals(authorization.Service, "eks", StringComparison.Ordinal))
        {
            return Denied("InvalidSignatureException", "Credential should be scoped to correct service: 'eks'.");
        }

        if (options.AccessKeyId is { } expectedKey && !string.Equals(expectedKey, authorization.AccessKeyId, StringComparison.Ordinal))
        {
            return Denied("UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (options.SecretAccessKey is not { } secret)
        {
            return null;
        }

        var payloadHash = headerValue("x-amz-content-sha256") ?? SigV4Canonical.Hex(SHA256.HashData(body));
        var canonical = SigV4Canonical.CanonicalRequest(method, rawPath, rawQuery, headerValue, authorization.SignedHeaders, payloadHash);
        var expected = SigV4Canonical.Signature(secret, authorization, amzDate, canonical);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature))
            ? null
            : Denied("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    private static ApiResponse Denied(string type, string message) => ApiResponse.Error(403, type, message);
}
