using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using EksAccessMigrator.Manifests.Yaml;

namespace EksAccessMigrator.Manifests.Collectors;

/// <summary>Small, forgiving lookups in an object's node tree: a missing or mistyped field reads as absent.</summary>
internal static class ManifestPaths
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ManifestMapping? Map(ManifestNode? node, params ReadOnlySpan<string> path)
    {
        var current = node;
        foreach (var key in path)
        {
            current = (current as ManifestMapping)?[key];
        }

        return current as ManifestMapping;
    }

    public static string? Text(ManifestNode? node) => node is ManifestScalar { IsNull: false } s ? s.Value : null;

    public static IEnumerable<ManifestNode> Items(ManifestNode? node) => node is ManifestSequence s ? s.Items : [];

    /// <summary>A mapping of string values (annotations, labels, nodeSelector); other values are skipped.</summary>
    public static ImmutableSortedDictionary<string, string> Strings(ManifestMapping? map)
    {
        if (map is null)
        {
            return ImmutableSortedDictionary<string, string>.Empty;
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (value is ManifestScalar scalar)
            {
                builder[key] = scalar.IsNull ? string.Empty : scalar.Value;
            }
        }

        return builder.ToImmutable();
    }

    public static bool? Bool(ManifestNode? node) => Text(node)?.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
