using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>An access entry the cluster already has (live scans only).</summary>
public sealed record ExistingAccessEntry(
    string PrincipalArn,
    Planning.AccessEntryType Type,
    string? Username,
    ImmutableArray<string> KubernetesGroups,
    ImmutableArray<ExistingPolicyAssociation> Policies);
