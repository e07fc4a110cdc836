using System.Runtime.CompilerServices;
using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// <see cref="IamSnapshot"/>'s lookups by account and name, built once per snapshot (issue 11): the planner asks for
/// every aws-auth row and every workload's role, and a search of every principal each time was quadratic for an
/// account of thousands of roles. Derived data only, kept beside the snapshot (never part of its value or equality);
/// the first principal listed wins, as a search in order would find it.
/// </summary>
internal sealed class IamSnapshotIndex
{
    private static readonly ConditionalWeakTable<IamSnapshot, IamSnapshotIndex> Built = [];

    private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<(IamPrincipalKind Kind, string AccountId, string Name), IamPrincipalArn> _byName = new(NameKeyComparer.Instance);

    private IamSnapshotIndex(IamSnapshot snapshot)
    {
        foreach (var principal in snapshot.Principals)
        {
            _accounts.Add(principal.AccountId);
            _byName.TryAdd((principal.Kind, principal.AccountId, principal.Name), principal);
        }
    }

    public static IamSnapshotIndex Of(IamSnapshot snapshot) => Built.GetValue(snapshot, s => new IamSnapshotIndex(s));

    public bool Covers(string accountId) => _accounts.Contains(accountId);

    /// <summary>The principal of this kind, account and name (names compared ignoring case, as IAM keeps them unique).</summary>
    public IamPrincipalArn? Find(IamPrincipalKind kind, string accountId, string name) => _byName.GetValueOrDefault((kind, accountId, name));

    /// <summary>Kind and account exactly, the name ignoring case.</summary>
    private sealed class NameKeyComparer : IEqualityComparer<(IamPrincipalKind Kind, string AccountId, string Name)>
    {
        public static readonly NameKeyComparer Instance = new();

        public bool Equals((IamPrincipalKind Kind, string AccountId, string Name) x, (IamPrincipalKind Kind, string AccountId, string Name) y) =>
            x.Kind == y.Kind && string.Equals(x.AccountId, y.AccountId, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((IamPrincipalKind Kind, string AccountId, string Name) key) =>
            HashCode.Combine(key.Kind, StringComparer.Ordinal.GetHashCode(key.AccountId), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }
}
