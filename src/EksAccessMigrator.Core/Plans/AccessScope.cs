using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>The <c>accessScope</c> member of AssociateAccessPolicy: <c>cluster</c>, or <c>namespace</c> with namespaces.</summary>
public sealed record AccessScope(AccessScopeType Type, ImmutableArray<string> Namespaces)
{
    [JsonIgnore]
    public static AccessScope Cluster { get; } = new(AccessScopeType.Cluster, ImmutableArray<string>.Empty);

    /// <summary>A stable text form for addresses and comparisons: <c>cluster</c> or <c>namespace:a,b</c>.</summary>
    [JsonIgnore]
    public string Key => Type == AccessScopeType.Cluster ? Type.Wire() : $"{Type.Wire()}:{string.Join(',', Namespaces.Order(StringComparer.Ordinal))}";

    public bool SameAs(AccessScope other) => Key == other.Key;
}
