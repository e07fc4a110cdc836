namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// A role's inline policies (rule N2's finalize change): read one, write one, delete one. A missing policy is null or
/// false, never an exception; a missing role is a <see cref="ServiceCallException"/>.
/// </summary>
public interface IRolePolicies
{
    /// <summary>The inline policy's document (JSON), or null when the role has no inline policy of that name.</summary>
    Task<string?> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken);

    /// <summary>The ARNs of the managed policies attached to the role (the live scan), page by page to the end.</summary>
    Task<IReadOnlyList<string>> ListAttachedPolicyArnsAsync(string roleName, CancellationToken cancellationToken);

    /// <summary>The names of the role's inline policies (the live scan), page by page to the end.</summary>
    Task<IReadOnlyList<string>> ListPolicyNamesAsync(string roleName, CancellationToken cancellationToken);

    /// <summary>
    /// A listed inline policy's document (the live scan); unlike <see cref="GetRolePolicyAsync"/>, a policy deleted
    /// since it was listed is a <see cref="ServiceCallException"/>, which the scan reports.
    /// </summary>
    Task<string> GetListedRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken);

    /// <summary>A customer-managed policy's document: its default version (GetPolicy, then GetPolicyVersion).</summary>
    Task<string> GetManagedPolicyDocumentAsync(string policyArn, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the inline policy with <paramref name="policyDocument"/>.</summary>
    Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken);

    /// <summary>Deletes the inline policy; false when it did not exist.</summary>
    Task<bool> DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken);
}
