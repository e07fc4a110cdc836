namespace EksAccessMigrator.Core.Ports;

/// <summary>IAM role trust policies: read one, replace one. A missing role is a <see cref="ServiceCallException"/> here.</summary>
public interface IRoleTrust
{
    /// <summary>The role <paramref name="roleName"/> with its trust policy.</summary>
    Task<RoleTrust> GetRoleAsync(string roleName, CancellationToken cancellationToken);

    /// <summary>Replaces the role's trust policy with <paramref name="policyDocument"/>.</summary>
    Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken);
}
