using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;
using static EksAccessMigrator.Core.Tests.Given;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>A generated access entry the cluster already has (rule A9): a node entry, a scoped admin, or a standard entry.</summary>
internal sealed record ExistingEntrySpec(string PrincipalArn, ExistingEntryKind Kind, string? Username, ImmutableArray<string> Groups)
{
    public ExistingAccessEntry ToEntry() => Kind switch
    {
        ExistingEntryKind.Node => Entry(PrincipalArn, "EC2_LINUX", null, []),
        ExistingEntryKind.NamespaceAdmin => Entry(PrincipalArn, "STANDARD", "admin", [], (Admin, new AccessScope(AccessScopeType.Namespace, ["team-a"]))),
        _ => Entry(PrincipalArn, "STANDARD", Username, [.. Groups]),
    };

    public override string ToString() => $"{Kind} {PrincipalArn} username={Username ?? "-"} groups=[{string.Join(", ", Groups)}]";
}
