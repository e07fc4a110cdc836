using System.Collections.Immutable;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>The <see cref="IAccessEntries"/> port over <see cref="EksClient"/>: EKS's not-found and in-use errors become results.</summary>
/// <param name="eks">The EKS client.</param>
/// <param name="tracker">Sees each call of the live scan's reads (each page, each describe); null for none.</param>
public sealed class EksAccessEntries(EksClient eks, IAwsCallTracker? tracker = null) : IAccessEntries
{
    public async Task<AccessEntry?> DescribeAsync(string clusterName, string principalArn, CancellationToken cancellationToken)
    {
        try
        {
            return Map(await eks.DescribeAccessEntryAsync(clusterName, principalArn, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is AwsResourceNotFoundException or AwsInvalidRequestException)
        {
            // Invalid request: access entries are not enabled yet (CONFIG_MAP): none exists.
            return null;
        }
    }

    public async Task<AccessEntry?> CreateAsync(NewAccessEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var request = new CreateAccessEntryRequest(entry.ClusterName, entry.PrincipalArn)
        {
            Type = entry.Type,
            Username = entry.Username,
            KubernetesGroups = entry.KubernetesGroups,
            ClientRequestToken = entry.ClientRequestToken,
            Tags = entry.Tags,
        };
        try
        {
            return Map(await eks.CreateAccessEntryAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (AwsResourceInUseException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string clusterName, string principalArn, CancellationToken cancellationToken) =>
        eks.DeleteAccessEntryAsync(clusterName, principalArn, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string clusterName, CancellationToken cancellationToken) =>
        eks.ListAccessEntriesAsync(clusterName, null, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string clusterName, int pageSize, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<string>(
            "ListAccessEntries",
            async (token, ct) => await AwsCalls.RunAsync(tracker, () => eks.ListAccessEntriesPageAsync(clusterName, null, pageSize, token, ct)).ConfigureAwait(false),
            cancellationToken);

    public async Task<AccessEntry?> DescribeListedAsync(string clusterName, string principalArn, CancellationToken cancellationToken)
    {
        try
        {
            return Map(await AwsCalls.RunAsync(tracker, () => eks.DescribeAccessEntryAsync(clusterName, principalArn, cancellationToken)).ConfigureAwait(false));
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public async Task<ImmutableArray<AssociatedPolicy>?> ListListedPoliciesAsync(string clusterName, string principalArn, int pageSize, CancellationToken cancellationToken)
    {
        try
        {
            var policies = await AwsPaginator.ListAllAsync<EksAssociatedAccessPolicy>(
                "ListAssociatedAccessPolicies",
                async (token, ct) => await AwsCalls.RunAsync(tracker, () => eks.ListAssociatedAccessPoliciesPageAsync(clusterName, principalArn, pageSize, token, ct)).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            return [.. policies.Select(Map)];
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public async Task<ImmutableArray<AssociatedPolicy>?> ListAssociatedPoliciesAsync(string clusterName, string principalArn, CancellationToken cancellationToken)
    {
        var policies = ImmutableArray.CreateBuilder<AssociatedPolicy>();
        try
        {
            await foreach (var policy in eks.ListAssociatedAccessPoliciesAsync(clusterName, principalArn, cancellationToken).ConfigureAwait(false))
            {
                policies.Add(Map(policy));
            }
        }
        catch (Exception e) when (e is AwsResourceNotFoundException or AwsInvalidRequestException)
        {
            // The entry does not exist, or access entries are not enabled yet.
            return null;
        }

        return policies.ToImmutable();
    }

    public async Task<AssociatedPolicy> AssociatePolicyAsync(string clusterName, string principalArn, string policyArn, PolicyScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Map(await eks.AssociateAccessPolicyAsync(clusterName, principalArn, policyArn, new EksAccessScope(scope.Type, scope.Namespaces), cancellationToken).ConfigureAwait(false));
    }

    public Task DisassociatePolicyAsync(string clusterName, string principalArn, string policyArn, CancellationToken cancellationToken) =>
        eks.DisassociateAccessPolicyAsync(clusterName, principalArn, policyArn, cancellationToken);

    private static AccessEntry Map(EksAccessEntry entry) =>
        new(entry.PrincipalArn, entry.Type, entry.Username, entry.KubernetesGroups ?? [], entry.Tags ?? ImmutableDictionary<string, string>.Empty) { CreatedAt = entry.CreatedAt };

    private static AssociatedPolicy Map(EksAssociatedAccessPolicy policy) =>
        new(policy.PolicyArn, policy.AccessScope is { } s ? new PolicyScope(s.Type, s.Namespaces) : null);
}
