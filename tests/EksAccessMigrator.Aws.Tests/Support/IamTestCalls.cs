using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Iam;

namespace EksAccessMigrator.Aws.Tests.Support;

/// <summary>
/// IAM calls only the tests make (the migrator reads no single user, tags no role and lists no OIDC provider), sent
/// through the client's own pipeline and request builders.
/// </summary>
internal static class IamTestCalls
{
    public static async Task<IamUser> GetUserAsync(this IamClient iam, string? userName, CancellationToken cancellationToken)
    {
        var result = await SendAsync(iam, IamRequests.GetUser(userName), cancellationToken);
        return IamXml.User(result.Child("User") ?? throw new FormatException("GetUser response lacks <User>."));
    }

    /// <summary>TagRole answers with no result element.</summary>
    public static async Task TagRoleAsync(this IamClient iam, string roleName, IReadOnlyList<KeyValuePair<string, string>> tags, CancellationToken cancellationToken)
    {
        var request = IamRequests.TagRole(roleName, tags);
        await iam.Pipeline.SendAsync(request, r => QueryXmlErrorParser.Parse(request.Operation, r), cancellationToken);
    }

    public static async Task<IReadOnlyList<string>> ListOpenIdConnectProvidersAsync(this IamClient iam, CancellationToken cancellationToken)
    {
        var result = await SendAsync(iam, IamRequests.ListOpenIdConnectProviders(), cancellationToken);
        return [.. result.Child("OpenIDConnectProviderList").Members().Select(m => m.Required("Arn"))];
    }

    private static async Task<System.Xml.Linq.XElement> SendAsync(IamClient iam, AwsWireRequest request, CancellationToken cancellationToken)
    {
        var response = await iam.Pipeline.SendAsync(request, r => QueryXmlErrorParser.Parse(request.Operation, r), cancellationToken);
        return IamXml.Result(response.Body, request.Operation);
    }
}
