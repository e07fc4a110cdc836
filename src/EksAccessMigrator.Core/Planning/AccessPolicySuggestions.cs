using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Rule S1, suggestions only: an access entry's group that RBAC binds to nothing but the built-in cluster-admin,
/// admin, edit or view ClusterRoles could be an EKS access policy association instead. Nothing is planned from it:
/// the policies are close to, not equal to, the Kubernetes roles. Groups bound to any custom role stay on RBAC.
/// </summary>
internal static class AccessPolicySuggestions
{
    private static readonly Dictionary<string, string> Policies = new(StringComparer.Ordinal)
    {
        ["cluster-admin"] = "AmazonEKSClusterAdminPolicy",
        ["admin"] = "AmazonEKSAdminPolicy",
        ["edit"] = "AmazonEKSEditPolicy",
        ["view"] = "AmazonEKSViewPolicy",
    };

    public static void Report(IEnumerable<DesiredAccessEntry> entries, ImmutableArray<RbacBinding>? bindings, string partition, FindingList findings)
    {
        if (bindings is not { } known)
        {
            return;
        }

        var byGroup = known.SelectMany(b => b.Groups.Select(g => (Group: g, Binding: b))).ToLookup(x => x.Group, x => x.Binding, StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Type == AccessEntryType.Standard).OrderBy(e => e.PrincipalArn, StringComparer.Ordinal))
        {
            var suggestions = new List<AccessPolicySuggestion>();
            foreach (var group in entry.Groups.Order(StringComparer.Ordinal))
            {
                var bound = byGroup[group].ToList();
                if (bound.Count == 0 || bound.Any(b => b.RoleKind != "ClusterRole" || !Policies.ContainsKey(b.RoleName)))
                {
                    continue;
                }

                foreach (var role in bound.GroupBy(b => (b.RoleName, Cluster: b.Namespace is null)).OrderBy(g => g.Key.RoleName, StringComparer.Ordinal).ThenBy(g => g.Key.Cluster ? 0 : 1))
                {
                    var scope = role.Key.Cluster
                        ? AccessScope.Cluster
                        : new AccessScope(AccessScopeType.Namespace, [.. role.Select(b => b.Namespace!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
                    suggestions.Add(new AccessPolicySuggestion(group, $"arn:{partition}:eks::aws:cluster-access-policy/{Policies[role.Key.RoleName]}", Policies[role.Key.RoleName], scope, [.. role.Select(b => b.Key).Order(StringComparer.Ordinal)]));
                }
            }

            if (suggestions.Count > 0)
            {
                findings.Add(PostureFindings.AccessPolicySuggested(entry.PrincipalArn, entry.Source, suggestions));
            }
        }
    }
}
