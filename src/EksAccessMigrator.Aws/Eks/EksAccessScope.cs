namespace EksAccessMigrator.Aws.Eks;

/// <summary>Scope of an associated access policy: type "cluster" or "namespace".</summary>
public sealed record EksAccessScope(string Type, IReadOnlyList<string>? Namespaces = null);
