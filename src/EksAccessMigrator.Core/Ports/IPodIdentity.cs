namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// EKS Pod Identity: associations and the agent add-on. Absent is a result (null or false); an existing resource on
/// create is a result (null); other failures throw a <see cref="ServiceCallException"/>.
/// </summary>
public interface IPodIdentity
{
    /// <summary>The associations (id, namespace, ServiceAccount), filtered by namespace and ServiceAccount when given.</summary>
    IAsyncEnumerable<PodIdentityAssociationRef> ListAssociationsAsync(string clusterName, string? @namespace, string? serviceAccount, CancellationToken cancellationToken);

    /// <summary>Every association with its owner, asking for <paramref name="pageSize"/> per page (the live scan).</summary>
    IAsyncEnumerable<PodIdentityAssociationRef> ListAssociationsAsync(string clusterName, int pageSize, CancellationToken cancellationToken);

    /// <summary>A listed association in full (the live scan); null when it was deleted since it was listed (not found).</summary>
    Task<PodIdentityAssociation?> DescribeListedAssociationAsync(string clusterName, string associationId, CancellationToken cancellationToken);

    /// <summary>The names of the cluster's add-ons, asking for <paramref name="pageSize"/> per page (the live scan).</summary>
    IAsyncEnumerable<string> ListAddonsAsync(string clusterName, int pageSize, CancellationToken cancellationToken);

    /// <summary>One association in full.</summary>
    Task<PodIdentityAssociation> DescribeAssociationAsync(string clusterName, string associationId, CancellationToken cancellationToken);

    /// <summary>Creates the association; null when the ServiceAccount has one already (EKS ResourceInUseException).</summary>
    Task<PodIdentityAssociation?> CreateAssociationAsync(NewPodIdentityAssociation association, CancellationToken cancellationToken);

    /// <summary>Deletes the association.</summary>
    Task DeleteAssociationAsync(string clusterName, string associationId, CancellationToken cancellationToken);

    /// <summary>The add-on; null when it is not installed.</summary>
    Task<Addon?> DescribeAddonAsync(string clusterName, string addonName, CancellationToken cancellationToken);

    /// <summary>Installs the add-on with <paramref name="tags"/>; null when it is installed already (EKS ResourceInUseException).</summary>
    Task<Addon?> CreateAddonAsync(string clusterName, string addonName, string clientRequestToken, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>Deletes the add-on; false when it was not installed.</summary>
    Task<bool> DeleteAddonAsync(string clusterName, string addonName, CancellationToken cancellationToken);
}
