using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>A Namespace and its annotations (kube2iam <c>allowed-roles</c>, kiam <c>permitted</c>, rule K4).</summary>
public sealed record NamespaceInfo(string Name, ImmutableSortedDictionary<string, string> Annotations, SourceLocation Location);
