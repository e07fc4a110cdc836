using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// The IAM roles and users known for some accounts (from <c>aws iam list-roles</c>/<c>list-users</c> output
/// offline, or from IAM live). An account is "covered" when at least one principal of it was listed; for a
/// covered account the snapshot is taken as complete.
/// </summary>
public sealed record IamSnapshot(ImmutableArray<IamPrincipalArn> Principals)
{
    public static IamSnapshot Empty { get; } = new(ImmutableArray<IamPrincipalArn>.Empty);

    public bool Covers(string accountId) => IamSnapshotIndex.Of(this).Covers(accountId);

    /// <summary>The role of this account with this name (IAM role names are unique case-insensitively).</summary>
    public IamPrincipalArn? FindRole(string accountId, string name) => IamSnapshotIndex.Of(this).Find(IamPrincipalKind.Role, accountId, name);

    /// <summary>The user of this account with this name (user names are unique case-insensitively).</summary>
    public IamPrincipalArn? FindUser(string accountId, string name) => IamSnapshotIndex.Of(this).Find(IamPrincipalKind.User, accountId, name);

    /// <summary>Roles of this account whose names start with the prefix (case-sensitive, as IAM Identity Center names them).</summary>
    public ImmutableArray<IamPrincipalArn> RolesWithNamePrefix(string accountId, string prefix) =>
        Principals.Where(p => p.Kind == IamPrincipalKind.Role && p.AccountId == accountId && p.Name.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(p => p.ToString(), StringComparer.Ordinal)
            .ToImmutableArray();
}
