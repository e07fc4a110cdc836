using System.Text;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Tokens;

/// <summary>
/// Builds EKS bearer tokens exactly like <c>aws eks get-token</c>: a presigned STS GetCallerIdentity URL
/// (regional endpoint, signed x-k8s-aws-id header, X-Amz-Expires=60) in unpadded base64url after "k8s-aws-v1.".
/// </summary>
public static class EksTokenGenerator
{
    public const string Prefix = "k8s-aws-v1.";
    public const string ClusterHeader = "x-k8s-aws-id";

    /// <summary>The CLI reports expiry 14 minutes after signing (tokens are accepted for 15).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(14);

    public static async Task<EksBearerToken> CreateAsync(string clusterName, AwsClientSettings settings, IAwsCredentialSource credentials, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        var snapshot = await credentials.GetCredentialsAsync(cancellationToken);
        var endpoint = AwsEndpointResolver.Resolve(settings, AwsService.Sts);
        return Create(clusterName, snapshot, endpoint, (time ?? TimeProvider.System).GetUtcNow());
    }

    public static EksBearerToken Create(string clusterName, AwsCredentialsSnapshot credentials, AwsEndpoint stsEndpoint, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(stsEndpoint);
        var scope = new SigV4Scope(stsEndpoint.SigningRegion, "sts", now);
        var host = stsEndpoint.BaseUri.Authority;
        var path = stsEndpoint.BaseUri.AbsolutePath;
        var request = new SigV4Request(
            "GET",
            path,
            "Action=GetCallerIdentity&Version=2011-06-15",
            [new SigV4Header("host", host), new SigV4Header(ClusterHeader, clusterName)],
            ReadOnlyMemory<byte>.Empty);
        var query = SigV4Signer.Presign(request, credentials, scope, TimeSpan.FromSeconds(60));
        var url = stsEndpoint.BaseUri.GetLeftPart(UriPartial.Authority) + path + "?" + query;
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(url)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new EksBearerToken(Prefix + encoded, now + Lifetime);
    }
}
