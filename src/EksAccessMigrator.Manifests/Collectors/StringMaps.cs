using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using EksAccessMigrator.Manifests.Yaml;

namespace EksAccessMigrator.Manifests.Collectors;

/// <summary>
/// The string maps a collector keeps (labels, annotations), one instance per content among the recent ones: the
/// pods of one workload carry the same labels and annotations, and an export of 100,000 pods would otherwise keep
/// 200,000 dictionaries where a few thousand differ. The maps are immutable values, so sharing one changes nothing
/// but memory. Bounded: a fixed table of recent maps, one slot per content hash, the last one wins.
/// </summary>
internal sealed class StringMaps
{
    private const int Slots = 4096;

    private readonly ImmutableSortedDictionary<string, string>?[] _recent = new ImmutableSortedDictionary<string, string>?[Slots];

    /// <summary>The map's scalar entries as <see cref="ManifestPaths.Strings"/> reads them, shared with an equal recent one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ImmutableSortedDictionary<string, string> Of(ManifestMapping? map)
    {
        if (map is null)
        {
            return ImmutableSortedDictionary<string, string>.Empty;
        }

        var hash = default(HashCode);
        foreach (var (key, value) in map.Entries)
        {
            if (value is ManifestScalar scalar)
            {
                hash.Add(key, StringComparer.Ordinal);
                hash.Add(Value(scalar), StringComparer.Ordinal);
            }
        }

        var slot = hash.ToHashCode() & (Slots - 1);
        if (_recent[slot] is { } known && Same(known, map))
        {
            return known;
        }

        var made = ManifestPaths.Strings(map);
        _recent[slot] = made;
        return made;
    }

    private static string Value(ManifestScalar scalar) => scalar.IsNull ? string.Empty : scalar.Value;

    /// <summary>Whether <paramref name="known"/> holds exactly the map's scalar entries (a key given twice is refused by the readers, rule P8).</summary>
    private static bool Same(ImmutableSortedDictionary<string, string> known, ManifestMapping map)
    {
        var count = 0;
        foreach (var (key, value) in map.Entries)
        {
            if (value is ManifestScalar scalar)
            {
                count++;
                if (!known.TryGetValue(key, out var held) || !string.Equals(held, Value(scalar), StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return count == known.Count;
    }
}
