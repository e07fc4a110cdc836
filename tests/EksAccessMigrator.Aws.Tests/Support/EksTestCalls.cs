using System.Text.Json;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Json;
using EksAccessMigrator.Aws.Paging;

namespace EksAccessMigrator.Aws.Tests.Support;

/// <summary>
/// EKS calls only the tests make (the migrator never lists access policies or updates an association), sent through
/// the client's own pipeline and request builders, so they exercise the same wire as the product's calls.
/// </summary>
internal static class EksTestCalls
{
    public static IAsyncEnumerable<EksAccessPolicy> ListAccessPoliciesAsync(this EksClient eks, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<EksAccessPolicy>("ListAccessPolicies", async (token, ct) => Page<EksAccessPolicy>(await SendAsync(eks, EksRequests.ListAccessPolicies(null, token), ct), "accessPolicies"), cancellationToken);

    public static async Task<EksPodIdentityAssociation> UpdatePodIdentityAssociationAsync(this EksClient eks, UpdatePodIdentityAssociationRequest request, CancellationToken cancellationToken) =>
        Read<EksPodIdentityAssociation>(await SendAsync(eks, EksRequests.UpdatePodIdentityAssociation(request, Guid.NewGuid().ToString()), cancellationToken), "association");

    private static Task<AwsWireResponse> SendAsync(EksClient eks, AwsWireRequest request, CancellationToken cancellationToken) =>
        eks.Pipeline.SendAsync(request, response => RestJsonErrorParser.Parse(request.Operation, response), cancellationToken);

    private static T Read<T>(AwsWireResponse response, string member)
    {
        using var doc = JsonDocument.Parse(response.Body);
        return doc.RootElement.GetProperty(member).Deserialize<T>(AwsJson.Options) ?? throw new JsonException($"EKS response member '{member}' is empty.");
    }

    private static EksPage<T> Page<T>(AwsWireResponse response, string member)
    {
        using var doc = JsonDocument.Parse(response.Body);
        var root = doc.RootElement;
        var items = root.TryGetProperty(member, out var list) ? list.Deserialize<List<T>>(AwsJson.Options) ?? [] : [];
        var next = root.TryGetProperty("nextToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        return new EksPage<T>(items, string.IsNullOrEmpty(next) ? null : next);
    }
}
