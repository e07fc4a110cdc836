using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>
/// Rule P8 on both readers, whose mappings now share one stack of keys (issue 11): a key is compared only with the
/// keys of its own mapping, before and after a nested mapping closes, and past the in-place limit as well.
/// </summary>
public sealed class DuplicateKeyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eam-dupkeys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string ManyKeys(int count, string extra) =>
        string.Join(", ", Enumerable.Range(1, count).Select(i => $"\"k{i}\": \"v\"")) + extra;

    public static TheoryData<string, string> Refused() => new()
    {
        // The first 'spec' holds a mapping that closed before the second 'spec'.
        { "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"spec\": {\"a\": \"1\"},\n \"spec\": \"x\"}", ":2: the key 'spec' appears twice in one mapping (first at line 1)" },
        // A nested mapping past the in-place limit: the duplicate is its 25th key.
        { "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {" + ManyKeys(24, ",\n \"k20\": \"again\"") + "}}", ":2: the key 'k20' appears twice in one mapping (first at line 1)" },
        // After a large nested mapping closes, the outer mapping's own keys are still checked.
        { "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {" + ManyKeys(30, string.Empty) + "},\n \"kind\": \"Secret\"}", ":2: the key 'kind' appears twice in one mapping (first at line 1)" },
        // A List item's own duplicate, after sibling items with the same keys.
        { "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}},\n {\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"b\",\n \"name\": \"c\"}}]}", ":3: the key 'name' appears twice in one mapping (first at line 2)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void P8_ADuplicateInItsOwnMappingIsRefused_OnTheJsonAndTheYamlPath(string json, string expected)
    {
        // JSON is YAML: the same text through the YAML reader (a .yaml name) must be refused alike.
        foreach (var name in new[] { "x.json", "x.yaml" })
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllText(path, json);

            var error = Assert.Throws<ManifestException>(() => ManifestScanner.Scan([path], [new AwsAuthCollector()], CancellationToken.None));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void P8_TheSameKeyInNestedAndSiblingMappingsIsNoDuplicate()
    {
        var json = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": ["
            + "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\", \"labels\": {\"name\": \"x\", \"kind\": \"y\"}}, \"data\": {" + ManyKeys(40, string.Empty) + "}},"
            + "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"b\"}, \"data\": {" + ManyKeys(40, string.Empty) + "}, \"name\": \"top-level\"}]}";
        foreach (var name in new[] { "ok.json", "ok.yaml" })
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllText(path, json);
            var seen = new List<ManifestObject>();

            ManifestScanner.Scan([path], [new Recording(seen)], CancellationToken.None);

            Assert.Equal(["ConfigMap a", "ConfigMap b"], seen.Select(o => $"{o.Kind} {o.Name}"));
            Assert.All(seen, o => Assert.Equal(40, ((Yaml.ManifestMapping)o.Root["data"]!).Entries.Count));
        }
    }

    private sealed class Recording(List<ManifestObject> seen) : IManifestCollector
    {
        public void Visit(ManifestObject manifest) => seen.Add(manifest);
    }
}
