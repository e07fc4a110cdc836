using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// EKS access entries and their associated access policies. "None" is a result, not an error: a missing entry (or a
/// cluster whose access entries are not enabled yet, CONFIG_MAP) comes back as null. Other failures throw a
/// <see cref="ServiceCallException"/>.
/// </summary>
public interface IAccessEntries
{
    /// <summary>The entry of <paramref name="principalArn"/>; null when there is none or access entries are not enabled.</summary>
    Task<AccessEntry?> DescribeAsync(string clusterName, string principalArn, CancellationToken cancellationToken);

    /// <summary>Creates the entry; null when one for the principal exists already (EKS ResourceInUseException).</summary>
    Task<AccessEntry?> CreateAsync(NewAccessEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes the entry of <paramref name="principalArn"/>.</summary>
    Task DeleteAsync(string clusterName, string principalArn, CancellationToken cancellationToken);

    /// <summary>The principal ARNs of every access entry, page by page.</summary>
    IAsyncEnumerable<string> ListAsync(string clusterName, CancellationToken cancellationToken);

    /// <summary>The principal ARNs of every access entry, asking for <paramref name="pageSize"/> per page (the live scan).</summary>
    IAsyncEnumerable<string> ListAsync(string clusterName, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// A listed entry (the live scan): null only when it was deleted since it was listed (not found); any other
    /// failure throws, access entries not being enabled included.
    /// </summary>
    Task<AccessEntry?> DescribeListedAsync(string clusterName, string principalArn, CancellationToken cancellationToken);

    /// <summary>
    /// A listed entry's policies, <paramref name="pageSize"/> per page (the live scan): null only when the entry was
    /// deleted since it was listed (not found); any other failure throws.
    /// </summary>
    Task<ImmutableArray<AssociatedPolicy>?> ListListedPoliciesAsync(string clusterName, string principalArn, int pageSize, CancellationToken cancellationToken);

    /// <summary>The policies associated with the entry; null when the entry does not exist or access entries are not enabled.</summary>
    Task<ImmutableArray<AssociatedPolicy>?> ListAssociatedPoliciesAsync(string clusterName, string principalArn, CancellationToken cancellationToken);

    /// <summary>Associates <paramref name="policyArn"/> with the entry at <paramref name="scope"/>.</summary>
    Task<AssociatedPolicy> AssociatePolicyAsync(string clusterName, string principalArn, string policyArn, PolicyScope scope, CancellationToken cancellationToken);

    /// <summary>Disassociates <paramref name="policyArn"/> from the entry.</summary>
    Task DisassociatePolicyAsync(string clusterName, string principalArn, string policyArn, CancellationToken cancellationToken);
}
