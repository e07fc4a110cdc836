using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>The <see cref="IPodIdentity"/> port over <see cref="EksClient"/>: EKS's not-found and in-use errors become results.</summary>
/// <param name="eks">The EKS client.</param>
/// <param name="tracker">Sees each call of the live scan's reads (each page, each describe); null for none.</param>
public sealed class EksPodIdentity(EksClient eks, IAwsCallTracker? tracker = null) : IPodIdentity
{
    public async IAsyncEnumerable<PodIdentityAssociationRef> ListAssociationsAsync(string clusterName, string? @namespace, string? serviceAccount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var summary in eks.ListPodIdentityAssociationsAsync(clusterName, @namespace, serviceAccount, cancellationToken).ConfigureAwait(false))
        {
            yield return Map(summary);
        }
    }

    public async IAsyncEnumerable<PodIdentityAssociationRef> ListAssociationsAsync(string clusterName, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var summaries = AwsPaginator.StreamAsync<EksPodIdentityAssociationSummary>(
            "ListPodIdentityAssociations",
            async (token, ct) => await AwsCalls.RunAsync(tracker, () => eks.ListPodIdentityAssociationsPageAsync(clusterName, null, null, pageSize, token, ct)).ConfigureAwait(false),
            cancellationToken);
        await foreach (var summary in summaries.ConfigureAwait(false))
        {
            yield return Map(summary);
        }
    }

    public async Task<PodIdentityAssociation?> DescribeListedAssociationAsync(string clusterName, string associationId, CancellationToken cancellationToken)
    {
        try
        {
            return Map(await AwsCalls.RunAsync(tracker, () => eks.DescribePodIdentityAssociationAsync(clusterName, associationId, cancellationToken)).ConfigureAwait(false));
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public IAsyncEnumerable<string> ListAddonsAsync(string clusterName, int pageSize, CancellationToken cancellationToken) =>
        AwsPaginator.StreamAsync<string>(
            "ListAddons",
            async (token, ct) => await AwsCalls.RunAsync(tracker, () => eks.ListAddonsPageAsync(clusterName, pageSize, token, ct)).ConfigureAwait(false),
            cancellationToken);

    public async Task<PodIdentityAssociation> DescribeAssociationAsync(string clusterName, string associationId, CancellationToken cancellationToken) =>
        Map(await eks.DescribePodIdentityAssociationAsync(clusterName, associationId, cancellationToken).ConfigureAwait(false));

    public async Task<PodIdentityAssociation?> CreateAssociationAsync(NewPodIdentityAssociation association, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(association);
        var request = new CreatePodIdentityAssociationRequest(association.ClusterName, association.Namespace, association.ServiceAccount, association.RoleArn)
        {
            ClientRequestToken = association.ClientRequestToken,
            Tags = association.Tags,
        };
        try
        {
            return Map(await eks.CreatePodIdentityAssociationAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (AwsResourceInUseException)
        {
            return null;
        }
    }

    public Task DeleteAssociationAsync(string clusterName, string associationId, CancellationToken cancellationToken) =>
        eks.DeletePodIdentityAssociationAsync(clusterName, associationId, cancellationToken);

    public async Task<Addon?> DescribeAddonAsync(string clusterName, string addonName, CancellationToken cancellationToken)
    {
        try
        {
            return Map(await eks.DescribeAddonAsync(clusterName, addonName, cancellationToken).ConfigureAwait(false));
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public async Task<Addon?> CreateAddonAsync(string clusterName, string addonName, string clientRequestToken, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var request = new CreateAddonRequest(clusterName, addonName) { ClientRequestToken = clientRequestToken, Tags = tags };
        try
        {
            return Map(await eks.CreateAddonAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (AwsResourceInUseException)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAddonAsync(string clusterName, string addonName, CancellationToken cancellationToken)
    {
        try
        {
            await eks.DeleteAddonAsync(clusterName, addonName, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsResourceNotFoundException)
        {
            return false;
        }
    }

    private static PodIdentityAssociation Map(EksPodIdentityAssociation a) =>
        new(a.AssociationId, a.Namespace, a.ServiceAccount, a.RoleArn, a.Tags ?? ImmutableDictionary<string, string>.Empty) { OwnerArn = a.OwnerArn };

    private static PodIdentityAssociationRef Map(EksPodIdentityAssociationSummary s) =>
        new(s.AssociationId, s.Namespace, s.ServiceAccount) { OwnerArn = s.OwnerArn };

    private static Addon Map(EksAddon addon) =>
        new(addon.AddonName, addon.AddonVersion, addon.Status, addon.Tags ?? ImmutableDictionary<string, string>.Empty);
}
