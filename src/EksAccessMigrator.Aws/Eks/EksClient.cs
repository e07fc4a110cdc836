using System.Text.Json;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Json;
using EksAccessMigrator.Aws.Paging;

namespace EksAccessMigrator.Aws.Eks;

/// <summary>Amazon EKS REST-JSON client for the operations the migrator needs.</summary>
public sealed class EksClient : IDisposable
{
    private readonly AwsHttpPipeline _pipeline;
    private readonly Func<string> _newToken;

    public EksClient(AwsHttpPipeline pipeline, Func<string>? tokenFactory = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
        _newToken = tokenFactory ?? (() => Guid.NewGuid().ToString());
    }

    public static EksClient Create(AwsClientSettings settings, IAwsCredentialSource credentials, AwsPipelineOptions? options = null) =>
        new(new AwsHttpPipeline(AwsEndpointResolver.Resolve(settings, AwsService.Eks), credentials, settings, options));

    public AwsHttpPipeline Pipeline => _pipeline;

    public async Task<EksAccessEntry> CreateAccessEntryAsync(CreateAccessEntryRequest request, CancellationToken cancellationToken) =>
        Read<EksAccessEntry>(await SendAsync(EksRequests.CreateAccessEntry(request, _newToken()), cancellationToken), "accessEntry");

    public async Task<EksAccessEntry> DescribeAccessEntryAsync(string clusterName, string principalArn, CancellationToken cancellationToken) =>
        Read<EksAccessEntry>(await SendAsync(EksRequests.DescribeAccessEntry(clusterName, principalArn), cancellationToken), "accessEntry");

    public async Task<EksPage<string>> ListAccessEntriesPageAsync(string clusterName, string? associatedPolicyArn, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
        Page<string>(await SendAsync(EksRequests.ListAccessEntries(clusterName, associatedPolicyArn, maxResults, nextToken), cancellationToken), "accessEntries");

    public IAsyncEnumerable<string> ListAccessEntriesAsync(string clusterName, string? associatedPolicyArn, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<string>("ListAccessEntries", async (token, ct) => await ListAccessEntriesPageAsync(clusterName, associatedPolicyArn, null, token, ct), cancellationToken);

    /// <summary>DeleteAddon; the add-on's own resources are removed by EKS as it goes.</summary>
    public Task DeleteAddonAsync(string clusterName, string addonName, CancellationToken cancellationToken) =>
        SendAsync(EksRequests.DeleteAddon(clusterName, addonName), cancellationToken);

    public Task DeleteAccessEntryAsync(string clusterName, string principalArn, CancellationToken cancellationToken) =>
        SendAsync(EksRequests.DeleteAccessEntry(clusterName, principalArn), cancellationToken);

    public async Task<EksAssociatedAccessPolicy> AssociateAccessPolicyAsync(string clusterName, string principalArn, string policyArn, EksAccessScope scope, CancellationToken cancellationToken) =>
        Read<EksAssociatedAccessPolicy>(await SendAsync(EksRequests.AssociateAccessPolicy(clusterName, principalArn, policyArn, scope), cancellationToken), "associatedAccessPolicy");

    public Task DisassociateAccessPolicyAsync(string clusterName, string principalArn, string policyArn, CancellationToken cancellationToken) =>
        SendAsync(EksRequests.DisassociateAccessPolicy(clusterName, principalArn, policyArn), cancellationToken);

    public async Task<EksPage<EksAssociatedAccessPolicy>> ListAssociatedAccessPoliciesPageAsync(string clusterName, string principalArn, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
        Page<EksAssociatedAccessPolicy>(await SendAsync(EksRequests.ListAssociatedAccessPolicies(clusterName, principalArn, maxResults, nextToken), cancellationToken), "associatedAccessPolicies");

    public IAsyncEnumerable<EksAssociatedAccessPolicy> ListAssociatedAccessPoliciesAsync(string clusterName, string principalArn, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<EksAssociatedAccessPolicy>("ListAssociatedAccessPolicies", async (token, ct) => await ListAssociatedAccessPoliciesPageAsync(clusterName, principalArn, null, token, ct), cancellationToken);

    public async Task<EksPodIdentityAssociation> CreatePodIdentityAssociationAsync(CreatePodIdentityAssociationRequest request, CancellationToken cancellationToken) =>
        Read<EksPodIdentityAssociation>(await SendAsync(EksRequests.CreatePodIdentityAssociation(request, _newToken()), cancellationToken), "association");

    public async Task<EksPodIdentityAssociation> DescribePodIdentityAssociationAsync(string clusterName, string associationId, CancellationToken cancellationToken) =>
        Read<EksPodIdentityAssociation>(await SendAsync(EksRequests.DescribePodIdentityAssociation(clusterName, associationId), cancellationToken), "association");

    public async Task<EksPage<EksPodIdentityAssociationSummary>> ListPodIdentityAssociationsPageAsync(string clusterName, string? @namespace, string? serviceAccount, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
        Page<EksPodIdentityAssociationSummary>(await SendAsync(EksRequests.ListPodIdentityAssociations(clusterName, @namespace, serviceAccount, maxResults, nextToken), cancellationToken), "associations");

    public IAsyncEnumerable<EksPodIdentityAssociationSummary> ListPodIdentityAssociationsAsync(string clusterName, string? @namespace, string? serviceAccount, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<EksPodIdentityAssociationSummary>("ListPodIdentityAssociations", async (token, ct) => await ListPodIdentityAssociationsPageAsync(clusterName, @namespace, serviceAccount, null, token, ct), cancellationToken);

    public async Task<EksPodIdentityAssociation> DeletePodIdentityAssociationAsync(string clusterName, string associationId, CancellationToken cancellationToken) =>
        Read<EksPodIdentityAssociation>(await SendAsync(EksRequests.DeletePodIdentityAssociation(clusterName, associationId), cancellationToken), "association");

    public async Task<EksCluster> DescribeClusterAsync(string name, CancellationToken cancellationToken) =>
        Read<EksCluster>(await SendAsync(EksRequests.DescribeCluster(name), cancellationToken), "cluster");

    /// <summary>UpdateClusterConfig with accessConfig.authenticationMode; returns the asynchronous update.</summary>
    public async Task<EksUpdate> UpdateClusterAuthenticationModeAsync(string name, string authenticationMode, string? clientRequestToken, CancellationToken cancellationToken) =>
        Read<EksUpdate>(await SendAsync(EksRequests.UpdateClusterAuthenticationMode(name, authenticationMode, clientRequestToken ?? _newToken()), cancellationToken), "update");

    public async Task<EksUpdate> DescribeUpdateAsync(string name, string updateId, CancellationToken cancellationToken) =>
        Read<EksUpdate>(await SendAsync(EksRequests.DescribeUpdate(name, updateId), cancellationToken), "update");

    public async Task<EksPage<string>> ListAddonsPageAsync(string clusterName, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
        Page<string>(await SendAsync(EksRequests.ListAddons(clusterName, maxResults, nextToken), cancellationToken), "addons");

    public async Task<EksAddon> DescribeAddonAsync(string clusterName, string addonName, CancellationToken cancellationToken) =>
        Read<EksAddon>(await SendAsync(EksRequests.DescribeAddon(clusterName, addonName), cancellationToken), "addon");

    public async Task<EksAddon> CreateAddonAsync(CreateAddonRequest request, CancellationToken cancellationToken) =>
        Read<EksAddon>(await SendAsync(EksRequests.CreateAddon(request, _newToken()), cancellationToken), "addon");

    public async Task<EksPage<string>> ListNodegroupsPageAsync(string clusterName, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
        Page<string>(await SendAsync(EksRequests.ListNodegroups(clusterName, maxResults, nextToken), cancellationToken), "nodegroups");

    public async Task<EksNodegroup> DescribeNodegroupAsync(string clusterName, string nodegroupName, CancellationToken cancellationToken) =>
        Read<EksNodegroup>(await SendAsync(EksRequests.DescribeNodegroup(clusterName, nodegroupName), cancellationToken), "nodegroup");

    public async Task<EksPage<string>> ListFargateProfilesPageAsync(string clusterName, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
        Page<string>(await SendAsync(EksRequests.ListFargateProfiles(clusterName, maxResults, nextToken), cancellationToken), "fargateProfileNames");

    public async Task<EksFargateProfile> DescribeFargateProfileAsync(string clusterName, string profileName, CancellationToken cancellationToken) =>
        Read<EksFargateProfile>(await SendAsync(EksRequests.DescribeFargateProfile(clusterName, profileName), cancellationToken), "fargateProfile");

    public void Dispose() => _pipeline.Dispose();

    private Task<AwsWireResponse> SendAsync(AwsWireRequest request, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(request, response => RestJsonErrorParser.Parse(request.Operation, response), cancellationToken);

    private static T Read<T>(AwsWireResponse response, string member)
    {
        using var doc = JsonDocument.Parse(response.Body);
        if (!doc.RootElement.TryGetProperty(member, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            throw new JsonException($"EKS response has no '{member}'.");
        }

        return element.Deserialize<T>(AwsJson.Options) ?? throw new JsonException($"EKS response member '{member}' is empty.");
    }

    private static EksPage<T> Page<T>(AwsWireResponse response, string member)
    {
        using var doc = JsonDocument.Parse(response.Body);
        var root = doc.RootElement;
        var items = root.TryGetProperty(member, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.Deserialize<List<T>>(AwsJson.Options) ?? []
            : [];
        var next = root.TryGetProperty("nextToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        return new EksPage<T>(items, string.IsNullOrEmpty(next) ? null : next);
    }
}
