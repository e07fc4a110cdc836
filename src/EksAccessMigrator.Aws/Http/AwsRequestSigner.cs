using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Http;

/// <summary>Turns a protocol request into a signed wire request for one endpoint.</summary>
public static class AwsRequestSigner
{
    public static AwsSignedRequest Sign(AwsWireRequest request, AwsEndpoint endpoint, AwsCredentialsSnapshot credentials, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);
        var basePath = endpoint.BaseUri.AbsolutePath.TrimEnd('/');
        var path = basePath + request.Path;
        var scope = new SigV4Scope(endpoint.SigningRegion, endpoint.SigningName, now);
        var headers = new List<SigV4Header>();
        if (request.ContentType is not null)
        {
            headers.Add(new SigV4Header("Content-Type", request.ContentType));
        }

        headers.Add(new SigV4Header("Host", endpoint.BaseUri.Authority));
        headers.Add(new SigV4Header("X-Amz-Date", scope.AmzDate));
        if (credentials.SessionToken is not null)
        {
            headers.Add(new SigV4Header("X-Amz-Security-Token", credentials.SessionToken));
        }

        var signature = SigV4Signer.Sign(new SigV4Request(request.Method, path, request.Query, headers, request.Body), credentials, scope);
        headers.Add(new SigV4Header("Authorization", signature.Authorization));
        var url = new Uri(endpoint.BaseUri.GetLeftPart(UriPartial.Authority) + path + (request.Query.Length > 0 ? "?" + request.Query : string.Empty));
        return new AwsSignedRequest(request.Method, url, headers, request.Body, signature);
    }
}
