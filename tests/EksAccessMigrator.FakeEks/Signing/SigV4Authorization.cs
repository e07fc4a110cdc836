namespace EksAccessMigrator.FakeEks.Signing;

/// <summary>The parts of an <c>AWS4-HMAC-SHA256</c> Authorization header.</summary>
internal sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    public static SigV4Authorization? Parse(string header)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            fields[part[..equals]] = part[(equals + 1)..];
        }

        if (!fields.TryGetValue("Credential", out var credential)
            || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature))
        {
            return null;
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || !string.Equals(scope[4], "aws4_request", StringComparison.Ordinal) || scope.Any(s => s.Length == 0))
        {
            return null;
        }

        var headers = signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries);
        return headers.Length == 0 || signature.Length == 0
            ? null
            : new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], headers, signature);
    }

    /// <summary>Never shows the signature.</summary>
    public override string ToString() => $"{Algorithm} scope={Scope} signedHeaders={string.Join(';', SignedHeaders)}";
}
