using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Tests.Signing.Differential;

/// <summary>
/// Signs a generated request with AWSSDK.Core's own <see cref="AWS4Signer"/>: a hand-built <see cref="DefaultRequest"/>
/// (endpoint, resource path, decoded query parameters, headers, body) through its public SignRequest at a given time.
/// The request is built the way the SDK's marshallers build one: the resource path is a template whose segments are
/// path resources holding the decoded values (so a '/' inside an ARN stays one segment), with dot and empty segments
/// already removed (the SDK leaves that normalisation to System.Uri on the wire and signs the path as given, while
/// SigV4 signs the normalised path).
/// </summary>
internal static class SdkSigning
{
    public const string ContentSha256 = "X-Amz-Content-SHA256";

    /// <summary>The Authorization header AWS4Signer computes, and the headers it signed (it adds X-Amz-Content-SHA256).</summary>
    public static (string Authorization, IReadOnlyDictionary<string, string> Headers) Sign(SigningCase signingCase)
    {
        using var request = new DefaultRequest(new HandBuiltRequest(), signingCase.Service)
        {
            HttpMethod = signingCase.Method,
            Endpoint = new Uri("https://" + signingCase.Authority),
            UseQueryString = true,
            UseDoubleEncoding = true,
            Content = signingCase.Body,
            AuthenticationRegion = signingCase.Region,
            OverrideSigningServiceName = signingCase.Service,
        };
        var segments = NormalisedSegments(signingCase.Path);
        request.ResourcePath = "/" + string.Join('/', segments.Select((_, i) => $"{{p{i}}}"))
            + (segments.Count > 0 && signingCase.Path.EndsWith('/') ? "/" : string.Empty);
        for (var i = 0; i < segments.Count; i++)
        {
            request.AddPathResource($"{{p{i}}}", SigV4Encoding.PercentDecode(segments[i]));
        }

        foreach (var (key, value) in signingCase.QueryPairs)
        {
            request.Parameters[key] = value;
        }

        foreach (var header in signingCase.Headers.Where(h => !h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers[header.Name] = header.Value;
        }

        if (signingCase.Credentials.SessionToken is { } token)
        {
            request.Headers["X-Amz-Security-Token"] = token;
        }

        var result = new AWS4Signer(signPayload: true).SignRequest(
            request, new HandBuiltConfig(), null, signingCase.Credentials.AccessKeyId, signingCase.Credentials.SecretAccessKey, signingCase.Time.UtcDateTime);
        return (result.ForAuthorizationHeader, new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether AWS4Signer signs this request as SigV4 prescribes. It does not in two places, where botocore (and our
    /// signer) follow the specification: it sorts query parameters by their decoded names instead of their encoded
    /// names, and it does not trim and collapse whitespace that includes tabs in a header value (a value starting with a
    /// tab keeps its inner runs).
    /// </summary>
    public static bool FollowsSpecification(SigningCase signingCase)
    {
        var decoded = signingCase.QueryPairs.Select(p => p.Key).Order(StringComparer.Ordinal);
        var encoded = signingCase.QueryPairs.Select(p => p.Key).OrderBy(k => SigV4Encoding.UriEncode(k), StringComparer.Ordinal);
        return decoded.SequenceEqual(encoded)
            && !signingCase.Headers.Any(h => h.Value.Contains('\t', StringComparison.Ordinal));
    }

    /// <summary>The same request with the header AWS4Signer always adds, as our signer must then see it.</summary>
    public static SigV4Request WithContentSha256(SigningCase signingCase, string value)
    {
        var headers = signingCase.Headers.Where(h => !h.Name.Equals(ContentSha256, StringComparison.OrdinalIgnoreCase)).Append(new SigV4Header(ContentSha256, value));
        return signingCase.Request with { Headers = [.. headers] };
    }

    /// <summary>RFC 3986 dot-segment removal over the wire path, empty segments dropped (as botocore does).</summary>
    private static List<string> NormalisedSegments(string wirePath)
    {
        var output = new List<string>();
        foreach (var segment in wirePath.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (output.Count > 0)
                    {
                        output.RemoveAt(output.Count - 1);
                    }

                    break;
                default:
                    output.Add(segment);
                    break;
            }
        }

        return output;
    }

    private sealed class HandBuiltRequest : AmazonWebServiceRequest;

    private sealed class HandBuiltConfig() : ClientConfig(null)
    {
        public override string ServiceVersion => "hand-built";

        public override string UserAgent => "EksAccessMigrator.Aws.Tests";

        public override string RegionEndpointServiceName => "hand-built";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            throw new NotSupportedException("A hand-built request carries its endpoint.");
    }
}
