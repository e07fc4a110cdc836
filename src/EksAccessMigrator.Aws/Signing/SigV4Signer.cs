using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EksAccessMigrator.Aws.Signing;

/// <summary>
/// AWS Signature Version 4 (header and query-string forms) for non-S3 services: paths are normalised
/// and the wire path is encoded once more, as botocore does for every service but S3.
/// </summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Signs headers exactly as given (the caller must already have added Host and X-Amz-Date).</summary>
    public static SigV4Result Sign(SigV4Request request, AwsCredentialsSnapshot credentials, SigV4Scope scope)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(scope);
        var payloadHash = SigV4Encoding.ToHex(SHA256.HashData(request.Body.Span));
        return SignCore(request, credentials, scope, payloadHash);
    }

    /// <summary>Builds a presigned URL query (X-Amz-* parameters appended to the existing query).</summary>
    public static string Presign(SigV4Request request, AwsCredentialsSnapshot credentials, SigV4Scope scope, TimeSpan expires)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(scope);
        var signedHeaders = SignedHeaderNames(request.Headers);
        var extra = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Algorithm", Algorithm),
            new("X-Amz-Credential", credentials.AccessKeyId + "/" + scope.CredentialScope),
            new("X-Amz-Date", scope.AmzDate),
            new("X-Amz-Expires", ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", signedHeaders),
        };
        if (credentials.SessionToken is not null)
        {
            extra.Add(new("X-Amz-Security-Token", credentials.SessionToken));
        }

        var query = request.Query;
        foreach (var (key, value) in extra)
        {
            query += (query.Length == 0 ? string.Empty : "&") + SigV4Encoding.UriEncode(key) + "=" + SigV4Encoding.UriEncode(value);
        }

        var unsigned = request with { Query = query };
        var payloadHash = SigV4Encoding.ToHex(SHA256.HashData(request.Body.Span));
        var result = SignCore(unsigned, credentials with { SessionToken = null }, scope, payloadHash);
        return query + "&X-Amz-Signature=" + result.Signature;
    }

    public static string CanonicalPath(string wirePath)
    {
        ArgumentNullException.ThrowIfNull(wirePath);
        var segments = new List<string>();
        foreach (var segment in wirePath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        var normalised = "/" + string.Join('/', segments);
        if (wirePath.EndsWith('/') && normalised != "/")
        {
            normalised += "/";
        }

        return SigV4Encoding.UriEncode(normalised, keepSlash: true);
    }

    public static string CanonicalQuery(string wireQuery)
    {
        ArgumentNullException.ThrowIfNull(wireQuery);
        if (wireQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in wireQuery.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add((SigV4Encoding.UriEncode(SigV4Encoding.PercentDecode(key)), SigV4Encoding.UriEncode(SigV4Encoding.PercentDecode(value))));
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    public static byte[] SigningKey(string secretAccessKey, SigV4Scope scope)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        ArgumentNullException.ThrowIfNull(scope);
        var kDate = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), scope.Date);
        var kRegion = Hmac(kDate, scope.Region);
        var kService = Hmac(kRegion, scope.Service);
        return Hmac(kService, "aws4_request");
    }

    private static SigV4Result SignCore(SigV4Request request, AwsCredentialsSnapshot credentials, SigV4Scope scope, string payloadHash)
    {
        var headers = request.Headers.ToList();
        if (credentials.SessionToken is not null && !headers.Any(h => h.Name.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new SigV4Header("X-Amz-Security-Token", credentials.SessionToken));
        }

        var grouped = CanonicalHeaderGroups(headers);
        var signedHeaders = string.Join(';', grouped.Select(g => g.Name));
        var canonicalHeaders = string.Concat(grouped.Select(g => g.Name + ":" + g.Value + "\n"));
        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalPath(request.Path),
            CanonicalQuery(request.Query),
            canonicalHeaders,
            signedHeaders,
            payloadHash);
        var stringToSign = string.Join('\n',
            Algorithm,
            scope.AmzDate,
            scope.CredentialScope,
            SigV4Encoding.ToHex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var signature = SigV4Encoding.ToHex(HMACSHA256.HashData(SigningKey(credentials.SecretAccessKey, scope), Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope.CredentialScope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Result(canonicalRequest, stringToSign, signature, signedHeaders, scope.CredentialScope, authorization);
    }

    private static string SignedHeaderNames(IReadOnlyList<SigV4Header> headers) =>
        string.Join(';', CanonicalHeaderGroups(headers).Select(g => g.Name));

    private static List<(string Name, string Value)> CanonicalHeaderGroups(IEnumerable<SigV4Header> headers) =>
        headers
            .Where(h => !Unsigned.Contains(h.Name))
            .GroupBy(h => h.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, string.Join(',', g.Select(h => CollapseSpaces(h.Value)))))
            .ToList();

    private static string CollapseSpaces(string value) =>
        string.Join(' ', value.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static readonly HashSet<string> Unsigned = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "user-agent", "expect", "x-amzn-trace-id", "content-length",
    };
}
