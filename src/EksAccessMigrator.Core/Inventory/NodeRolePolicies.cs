using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// The IAM side of the node-role posture (rules N1-N3): the permissions of the roles read, and the default-version
/// documents of the customer-managed policies attached to them.
/// </summary>
public sealed record NodeRolePolicies(ImmutableArray<NodeRolePermissions> Roles, ImmutableArray<RolePolicyDocument> ManagedPolicies)
{
    public static NodeRolePolicies Empty { get; } = new([], []);
}
