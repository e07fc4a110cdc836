using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// The trust policies read (<c>--iam-snapshot</c> files, or IAM live) by role, each ARN parsed once (issue 11): every
/// workload's role is verified against them, and parsing every policy's ARN for each workload was quadratic for an
/// account of thousands of roles. Kept beside the inventory's array, never part of it; in the order read.
/// </summary>
internal sealed class TrustPolicyIndex
{
    private static readonly ConditionalWeakTable<RoleTrustPolicy[], TrustPolicyIndex> Built = [];
    private static readonly TrustPolicyIndex None = new([]);

    private readonly Dictionary<(IamPrincipalKind Kind, string Partition, string AccountId, string Name), List<(IamPrincipalArn Arn, RoleTrustPolicy Policy)>> _byRole = new(RoleKeyComparer.Instance);

    private TrustPolicyIndex(IEnumerable<RoleTrustPolicy> policies)
    {
        foreach (var policy in policies)
        {
            if (IamPrincipalArn.TryParse(policy.RoleArn, out var arn, out _))
            {
                var key = (arn.Kind, arn.Partition, arn.AccountId, arn.Name);
                if (!_byRole.TryGetValue(key, out var list))
                {
                    _byRole[key] = list = [];
                }

                list.Add((arn, policy));
            }
        }
    }

    public static TrustPolicyIndex Of(ImmutableArray<RoleTrustPolicy> policies) =>
        ImmutableCollectionsMarshal.AsArray(policies) is { Length: > 0 } array ? Built.GetValue(array, a => new TrustPolicyIndex(a)) : None;

    /// <summary>The policies read for a role of this name in this account, whatever its path (<see cref="RoleResolver.Same"/>), in the order read.</summary>
    public IReadOnlyList<(IamPrincipalArn Arn, RoleTrustPolicy Policy)> For(IamPrincipalArn role) =>
        _byRole.TryGetValue((role.Kind, role.Partition, role.AccountId, role.Name), out var list) ? list : [];

    /// <summary>As <see cref="RoleResolver.Same"/>: kind, partition and account exactly, the name ignoring case.</summary>
    private sealed class RoleKeyComparer : IEqualityComparer<(IamPrincipalKind Kind, string Partition, string AccountId, string Name)>
    {
        public static readonly RoleKeyComparer Instance = new();

        public bool Equals((IamPrincipalKind Kind, string Partition, string AccountId, string Name) x, (IamPrincipalKind Kind, string Partition, string AccountId, string Name) y) =>
            x.Kind == y.Kind && string.Equals(x.Partition, y.Partition, StringComparison.Ordinal) && string.Equals(x.AccountId, y.AccountId, StringComparison.Ordinal)
            && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((IamPrincipalKind Kind, string Partition, string AccountId, string Name) key) =>
            HashCode.Combine(key.Kind, StringComparer.Ordinal.GetHashCode(key.Partition), StringComparer.Ordinal.GetHashCode(key.AccountId), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }
}
