using EksAccessMigrator.Manifests.Collectors;
using EksAccessMigrator.Manifests.Yaml;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>Issue 11: the collectors share equal label and annotation maps; what they read must not change.</summary>
public sealed class StringMapsTests
{
    private static ManifestMapping Map(params (string Key, ManifestNode Value)[] entries) =>
        new([.. entries.Select(e => KeyValuePair.Create(e.Key, e.Value))], 1);

    private static ManifestScalar S(string value, bool plain = false) => new(value, plain, false, 1);

    [Fact]
    public void EveryMap_ReadsAsManifestPathsReadsIt_AndEqualMapsAreOneInstance()
    {
        var maps = new StringMaps();
        var random = new Random(11);
        var seen = new List<(ManifestMapping Map, IReadOnlyDictionary<string, string> Read)>();
        for (var i = 0; i < 5_000; i++)
        {
            var entries = Enumerable.Range(0, random.Next(0, 4)).Select(k => (Key: $"k{random.Next(3)}", Value: (ManifestNode)(random.Next(8) switch
            {
                0 => S("null", plain: true),
                1 => new ManifestSequence([S("x")], 1),
                _ => S($"v{random.Next(3)}"),
            }))).DistinctBy(e => e.Key).ToArray();
            var map = Map(entries);

            var read = maps.Of(map);

            Assert.Equal(ManifestPaths.Strings(map), read);
            seen.Add((map, read));
        }

        // The last two maps read with equal content come back as one instance (the table keeps the latest of each).
        var again = seen[^1].Map;
        Assert.Same(maps.Of(again), maps.Of(Map([.. again.Entries.Select(e => (e.Key, e.Value))])));
        Assert.Empty(maps.Of(null));
    }
}
