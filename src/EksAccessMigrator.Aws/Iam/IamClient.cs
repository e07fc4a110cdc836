using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Paging;

namespace EksAccessMigrator.Aws.Iam;

/// <summary>IAM Query-protocol client for the calls the migrator needs.</summary>
public sealed class IamClient : IDisposable
{
    private readonly AwsHttpPipeline _pipeline;

    public IamClient(AwsHttpPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    public static IamClient Create(AwsClientSettings settings, IAwsCredentialSource credentials, AwsPipelineOptions? options = null) =>
        new(new AwsHttpPipeline(AwsEndpointResolver.Resolve(settings, AwsService.Iam), credentials, settings, options));

    public AwsHttpPipeline Pipeline => _pipeline;

    public async Task<IamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var result = await SendAsync(IamRequests.GetRole(roleName), cancellationToken);
        return IamXml.Role(result.Child("Role") ?? throw new FormatException("GetRole response lacks <Role>."));
    }

    public async Task<IamPage<IamRole>> ListRolesPageAsync(string? pathPrefix, string? marker, int? maxItems, CancellationToken cancellationToken)
    {
        var result = await SendAsync(IamRequests.ListRoles(pathPrefix, marker, maxItems), cancellationToken);
        return Page(result, "Roles", IamXml.Role);
    }

    public IAsyncEnumerable<IamRole> ListRolesAsync(string? pathPrefix, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<IamRole>("ListRoles", async (marker, ct) => await ListRolesPageAsync(pathPrefix, marker, null, ct), cancellationToken);

    public async Task<IamPage<IamUser>> ListUsersPageAsync(string? pathPrefix, string? marker, int? maxItems, CancellationToken cancellationToken)
    {
        var result = await SendAsync(IamRequests.ListUsers(pathPrefix, marker, maxItems), cancellationToken);
        return Page(result, "Users", IamXml.User);
    }

    public IAsyncEnumerable<IamUser> ListUsersAsync(string? pathPrefix, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<IamUser>("ListUsers", async (marker, ct) => await ListUsersPageAsync(pathPrefix, marker, null, ct), cancellationToken);

    public Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken) =>
        SendWithoutResultAsync(IamRequests.UpdateAssumeRolePolicy(roleName, policyDocument), cancellationToken);

    /// <summary>One page of a role's attached managed policies (name and ARN).</summary>
    public async Task<IamPage<IamAttachedPolicy>> ListAttachedRolePoliciesPageAsync(string roleName, string? marker, int? maxItems, CancellationToken cancellationToken)
    {
        var result = await SendAsync(IamRequests.ListAttachedRolePolicies(roleName, marker, maxItems), cancellationToken);
        return Page(result, "AttachedPolicies", m => new IamAttachedPolicy(m.Required("PolicyName"), m.Required("PolicyArn")));
    }

    /// <summary>One page of the names of a role's inline policies.</summary>
    public async Task<IamPage<string>> ListRolePoliciesPageAsync(string roleName, string? marker, int? maxItems, CancellationToken cancellationToken)
    {
        var result = await SendAsync(IamRequests.ListRolePolicies(roleName, marker, maxItems), cancellationToken);
        return Page(result, "PolicyNames", m => m.Value);
    }

    /// <summary>A role's inline policy document, URL-decoded JSON.</summary>
    public async Task<string> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken)
    {
        var result = await SendAsync(IamRequests.GetRolePolicy(roleName, policyName), cancellationToken);
        return Uri.UnescapeDataString(result.Required("PolicyDocument"));
    }

    /// <summary>Writes a role's inline policy (creates or replaces it).</summary>
    public Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken) =>
        SendWithoutResultAsync(IamRequests.PutRolePolicy(roleName, policyName, policyDocument), cancellationToken);

    /// <summary>Deletes a role's inline policy; a policy that does not exist is IAM's NoSuchEntity.</summary>
    public Task DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken) =>
        SendWithoutResultAsync(IamRequests.DeleteRolePolicy(roleName, policyName), cancellationToken);

    /// <summary>The default version id of a managed policy.</summary>
    public async Task<string> GetPolicyDefaultVersionAsync(string policyArn, CancellationToken cancellationToken)
    {
        var result = await SendAsync(IamRequests.GetPolicy(policyArn), cancellationToken);
        return result.Child("Policy").Required("DefaultVersionId");
    }

    /// <summary>A managed policy version's document, URL-decoded JSON.</summary>
    public async Task<string> GetPolicyVersionDocumentAsync(string policyArn, string versionId, CancellationToken cancellationToken)
    {
        var result = await SendAsync(IamRequests.GetPolicyVersion(policyArn, versionId), cancellationToken);
        return Uri.UnescapeDataString(result.Child("PolicyVersion").Required("Document"));
    }

    public void Dispose() => _pipeline.Dispose();

    private async Task<System.Xml.Linq.XElement> SendAsync(AwsWireRequest request, CancellationToken cancellationToken)
    {
        var response = await _pipeline.SendAsync(request, r => QueryXmlErrorParser.Parse(request.Operation, r), cancellationToken);
        return IamXml.Result(response.Body, request.Operation);
    }

    private Task<AwsWireResponse> SendWithoutResultAsync(AwsWireRequest request, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(request, r => QueryXmlErrorParser.Parse(request.Operation, r), cancellationToken);

    private static IamPage<T> Page<T>(System.Xml.Linq.XElement result, string listName, Func<System.Xml.Linq.XElement, T> map)
    {
        var items = result.Child(listName).Members().Select(map).ToList();
        var truncated = string.Equals(result.Text("IsTruncated"), "true", StringComparison.OrdinalIgnoreCase);
        return new IamPage<T>(items, truncated, truncated ? result.Text("Marker") : null);
    }
}
