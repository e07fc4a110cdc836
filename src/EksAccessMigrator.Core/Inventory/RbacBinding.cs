using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// A ClusterRoleBinding or RoleBinding, reduced to what rule S1 needs: the role it grants and the groups it grants it
/// to.
/// </summary>
/// <param name="Kind"><c>ClusterRoleBinding</c> or <c>RoleBinding</c>.</param>
/// <param name="Namespace">The RoleBinding's namespace; null for a ClusterRoleBinding.</param>
/// <param name="RoleKind"><c>ClusterRole</c> or <c>Role</c>.</param>
public sealed record RbacBinding(string Kind, string? Namespace, string Name, string RoleKind, string RoleName, ImmutableArray<string> Groups, SourceLocation Location)
{
    public string Key => Namespace is null ? $"{Kind}/{Name}" : $"{Namespace}/{Kind}/{Name}";
}
