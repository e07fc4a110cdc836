using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// The roles every pod inherits from its node (rules N1-N3), found in one way for the live scan (which reads their
/// policies) and the planner: aws-auth rows mapping <c>system:nodes</c>, existing EC2 access entries, the managed node
/// groups' roles, Karpenter EC2NodeClasses in the inputs (<c>spec.role</c>), and the kiam server's
/// <c>--assume-role-arn</c>. Roles are told apart by account and name
/// (case-insensitively, as IAM does), since aws-auth rows carry no path.
/// </summary>
public static class NodeRoles
{
    private const string Nodes = "system:nodes";

    /// <param name="nodegroupRoles">Role ARN and <c>nodegroup/NAME</c> of the managed node groups (live); empty offline.</param>
    public static ImmutableArray<NodeRoleUse> Find(ClusterInventory inventory, WorkloadIdentityOptions options, IEnumerable<KeyValuePair<string, string>> nodegroupRoles)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nodegroupRoles);
        var found = new List<(string Arn, string UsedBy, bool Kiam)>();
        if (inventory.AwsAuth is { } awsAuth)
        {
            found.AddRange(AwsAuthParser.Parse(awsAuth).Mappings
                .Where(m => m.IsRoleSection && m.Arn is not null && m.Groups.Contains(Nodes, StringComparer.Ordinal))
                .Select(m => (m.Arn!, m.Source, false)));
        }

        found.AddRange((inventory.ExistingAccessEntries ?? [])
            .Where(e => e.Type is AccessEntryType.Ec2Linux or AccessEntryType.Ec2Windows)
            .Select(e => (e.PrincipalArn, "access entry", false)));
        found.AddRange(nodegroupRoles.Select(n => (n.Key, n.Value, false)));
        var cluster = inventory.Cluster;
        found.AddRange(inventory.Workloads.NodeClassRoles.Select(c => (
            c.Role.StartsWith("arn:", StringComparison.Ordinal) ? c.Role : $"arn:{cluster.Partition}:iam::{cluster.AccountId}:role/{c.Role}",
            "EC2NodeClass/" + c.NodeClass,
            false)));
        found.AddRange((inventory.NodeRoles?.Roles ?? []).SelectMany(r => r.UsedBy.Select(u => (r.RoleArn, u, false))));
        if (!inventory.Workloads.Agents.IsEmpty
            && Workloads.IdentityConfigurationReader.Read(inventory.Workloads, options, inventory.Cluster, new FindingList()).KiamAssumeRoleArn is { } kiam)
        {
            found.Add((kiam, "kiam server --assume-role-arn", true));
        }

        return [.. found
            .Where(f => Key(f.Arn) is not null)
            .GroupBy(f => Key(f.Arn)!, StringComparer.Ordinal)
            .Select(g => new NodeRoleUse(
                g.Select(f => f.Arn).OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).First(),
                [.. g.Select(f => f.UsedBy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                g.Any(f => f.Kiam)))
            .OrderBy(u => u.RoleArn, StringComparer.Ordinal)];
    }

    /// <summary><c>account/NAME</c> (upper-cased) of a role ARN; null for anything else.</summary>
    public static string? Key(string arn) =>
        IamPrincipalArn.TryParse(arn, out var parsed, out _) && parsed.Kind == IamPrincipalKind.Role
            ? parsed.AccountId + "/" + parsed.Name.ToUpperInvariant()
            : null;
}
