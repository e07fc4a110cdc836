namespace EksAccessMigrator.Core.Ports;

/// <summary>The scope of an associated access policy, in EKS's words.</summary>
/// <param name="Type"><c>cluster</c> or <c>namespace</c>.</param>
/// <param name="Namespaces">The namespaces of a namespace scope; null for a cluster scope.</param>
public sealed record PolicyScope(string Type, IReadOnlyList<string>? Namespaces = null);
