using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>
/// Reads the IAM policies of the node roles found (rules N1-N3; <see cref="NodeRoles.Find"/>): for each role of the
/// account that IAM listed, ListAttachedRolePolicies and ListRolePolicies (both paged), GetRolePolicy per inline
/// policy, and for customer-managed policies GetPolicy and GetPolicyVersion (the default version's document). AWS
/// managed policies are known by name and not read. Roles of other accounts, and roles IAM did not list, are left out:
/// the planner then says nothing about them.
/// </summary>
internal static class NodeRolePolicyReader
{
    public static async Task<NodeRolePolicies> ReadAsync(
        IRolePolicies iam,
        ClusterInventory inventory,
        IEnumerable<LiveNodegroup> nodegroups,
        IReadOnlyList<ListedRole> listed,
        CancellationToken cancellationToken)
    {
        var groupRoles = nodegroups.Where(n => n.NodeRoleArn is not null).Select(n => KeyValuePair.Create(n.NodeRoleArn!, "nodegroup/" + n.Name)).ToList();
        var byKey = listed.Where(r => NodeRoles.Key(r.Arn) is not null).GroupBy(r => NodeRoles.Key(r.Arn)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var roles = ImmutableArray.CreateBuilder<NodeRolePermissions>();
        var managed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var use in NodeRoles.Find(inventory, new WorkloadIdentityOptions(), groupRoles))
        {
            if (!byKey.TryGetValue(NodeRoles.Key(use.RoleArn)!, out var role))
            {
                continue;
            }

            var attached = await iam.ListAttachedPolicyArnsAsync(role.RoleName, cancellationToken).ConfigureAwait(false);
            var names = await iam.ListPolicyNamesAsync(role.RoleName, cancellationToken).ConfigureAwait(false);
            var inline = new List<RolePolicyDocument>();
            foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var document = await iam.GetListedRolePolicyAsync(role.RoleName, name, cancellationToken).ConfigureAwait(false);
                inline.Add(new RolePolicyDocument(name, document));
            }

            foreach (var policyArn in attached.Where(p => !IsAwsManaged(p) && !managed.ContainsKey(p)))
            {
                managed[policyArn] = await iam.GetManagedPolicyDocumentAsync(policyArn, cancellationToken).ConfigureAwait(false);
            }

            roles.Add(new NodeRolePermissions(
                role.Arn,
                [.. attached.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. inline],
                $"IAM policies of {role.Arn}")
            {
                UsedBy = [.. use.UsedBy.Where(u => u.StartsWith("nodegroup/", StringComparison.Ordinal))],
                CreateDate = role.CreateDate,
            });
        }

        return new NodeRolePolicies(roles.ToImmutable(), [.. managed.Select(m => new RolePolicyDocument(m.Key, m.Value))]);
    }

    private static bool IsAwsManaged(string policyArn) => policyArn.Contains(":iam::aws:policy/", StringComparison.Ordinal);
}
