using System.Text;
using System.Text.Json;
using EksAccessMigrator.Manifests.Collectors;
using EksAccessMigrator.Manifests.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>
/// Issue 11: the JSON path (Utf8JsonReader, no DOM) hands the collectors exactly what the YAML path does, streams List
/// items across buffer refills, and refuses what the YAML path refuses, with the file and line.
/// </summary>
public sealed class JsonManifestReaderTests : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly string _dir = Directory.CreateTempSubdirectory("eam-json-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Repo(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EksAccessMigrator.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir!.FullName, .. parts]);
    }

    /// <summary>Every object as the collectors see it: kind, name, and the whole tree with its scalars' styles.</summary>
    private static List<string> Objects(string file)
    {
        var seen = new List<string>();
        ManifestScanner.Scan([file], [new Recorder(seen)], CancellationToken.None);
        return seen;
    }

    /// <summary>The export as <c>kubectl get -o json</c> prints it: one List of the YAML file's objects.</summary>
    private string AsJson(string yamlFile, string name)
    {
        var deserializer = new DeserializerBuilder().Build();
        IParser parser = new Parser(new StringReader(File.ReadAllText(yamlFile)));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var objects = new List<object?>();
        while (!parser.Accept<YamlDotNet.Core.Events.StreamEnd>(out _))
        {
            var value = deserializer.Deserialize<object>(parser);
            if (value is Dictionary<object, object> map && map.TryGetValue("kind", out var kind) && kind is "List" && map["items"] is List<object> items)
            {
                objects.AddRange(items);
            }
            else if (value is not null)
            {
                objects.Add(value);
            }
        }

        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, object> { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = objects }, Indented));
        return path;
    }

    [Theory]
    [InlineData("kube2iam-cluster")]
    [InlineData("kiam-cluster")]
    [InlineData("aws-auth-every-rule")]
    public void AJsonExport_GivesTheCollectorsWhatTheYamlExportGives(string example)
    {
        var yaml = Repo("playbooks", "examples", example, "cluster-export.yaml");
        var json = AsJson(yaml, example + ".json");

        Assert.Equal(Objects(yaml), Objects(json));
    }

    [Fact]
    public void ListItemsStreamAcrossBufferRefills_WithTheirLines()
    {
        var items = Enumerable.Range(0, 6000).Select(i => new Dictionary<string, object>
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new Dictionary<string, object> { ["name"] = $"app{i}", ["namespace"] = $"team{i % 9}", ["labels"] = new Dictionary<string, object> { ["app"] = new string('x', i % 500) } },
            ["spec"] = new Dictionary<string, object> { ["replicas"] = i % 3, ["paused"] = i % 2 == 0, ["template"] = new Dictionary<string, object> { ["metadata"] = new Dictionary<string, object> { ["annotations"] = new Dictionary<string, object> { ["iam.amazonaws.com/role"] = $"role-{i}" } } } },
        }).ToList();
        var path = Path.Combine(_dir, "big.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, object> { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items }, Indented));
        Assert.True(new FileInfo(path).Length > 3 * 1024 * 1024, "the file spans several 1 MiB buffers");

        var seen = new List<ManifestObject>();
        using (var stream = File.OpenRead(path))
        {
            Assert.Equal(1, JsonManifestReader.Read(stream, path, seen.Add, CancellationToken.None));
        }

        Assert.Equal(6000, seen.Count);
        Assert.Equal(Enumerable.Range(0, 6000).Select(i => $"app{i}"), seen.Select(o => o.Name));
        var lines = File.ReadAllLines(path);
        Assert.All(new[] { 0, 1234, 5999 }, i => Assert.Contains("{", lines[seen[i].Location.Line - 1], StringComparison.Ordinal));
        Assert.Equal("role-5999", ((ManifestScalar)((ManifestMapping)((ManifestMapping)((ManifestMapping)((ManifestMapping)seen[5999].Root["spec"]!)["template"]!)["metadata"]!)["annotations"]!)["iam.amazonaws.com/role"]!).Value);
    }

    [Fact]
    public void SharedStrings_ReadEveryKeyAndValueAsWritten_RepeatedUniqueEscapedAndLong()
    {
        // Far more distinct keys and values than the reader's string tables hold: each must still read as written.
        static Dictionary<string, object> Data(int i) => new()
        {
            ["same"] = "team-1",
            ["unique"] = $"value-{i}",
            ["escaped"] = $"a\u00e9\"\\b{i % 7}",
            ["long"] = new string('x', 60 + (i % 10)) + i,
            [$"key-{i}"] = i % 2 == 0 ? "true" : string.Empty,
            ["n"] = i,
            ["flag"] = i % 3 == 0,
        };
        var items = Enumerable.Range(0, 20_000).Select(i => new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new Dictionary<string, object> { ["name"] = $"cm{i}", ["namespace"] = $"team{i % 9}" },
            ["data"] = Data(i),
        }).ToList();
        var path = Path.Combine(_dir, "strings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, object> { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items }, Indented));

        var seen = new List<ManifestObject>();
        using (var stream = File.OpenRead(path))
        {
            JsonManifestReader.Read(stream, path, seen.Add, CancellationToken.None);
        }

        Assert.Equal(20_000, seen.Count);
        for (var i = 0; i < seen.Count; i++)
        {
            var data = (ManifestMapping)seen[i].Root["data"]!;
            Assert.Equal($"team{i % 9}", seen[i].Namespace);
            Assert.Equal("team-1", ((ManifestScalar)data["same"]!).Value);
            Assert.Equal($"value-{i}", ((ManifestScalar)data["unique"]!).Value);
            Assert.Equal($"a\u00e9\"\\b{i % 7}", ((ManifestScalar)data["escaped"]!).Value);
            Assert.Equal(new string('x', 60 + (i % 10)) + i, ((ManifestScalar)data["long"]!).Value);
            Assert.Equal(i % 2 == 0 ? "true" : string.Empty, ((ManifestScalar)data[$"key-{i}"]!).Value);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), ((ManifestScalar)data["n"]!).Value);
            Assert.Equal(i % 3 == 0 ? "true" : "false", ((ManifestScalar)data["flag"]!).Value);
        }
    }

    [Theory]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"kind\": \"Secret\"}", "x.json:1: the key 'kind' appears twice")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"k1\": \"\", \"k2\": \"\", \"k3\": \"\", \"k4\": \"\", \"k5\": \"\", \"k6\": \"\", \"k7\": \"\",\n \"k8\": \"\", \"k9\": \"\", \"k10\": \"\",\n \"k8\": \"\"}}", "x.json:3: the key 'k8' appears twice in one mapping (first at line 2)")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"a\\u0062\": \"\",\n \"ab\": \"\"}}", "x.json:2: the key 'ab' appears twice in one mapping (first at line 1)")]
    [InlineData("{\"apiVersion\": \"v1\",\n \"kind\": \"List\",\n \"items\": [42]}", "x.json:3: this List item is a scalar")]
    [InlineData("{\"apiVersion\": \"v1\",\n \"kind\": \"ConfigMap\",\n \"data\": {\"a\": }}", "x.json:3: not valid JSON")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"", "x.json:1: not valid JSON")]
    [InlineData("{\"kind\": \"ConfigMap\"}", "has no 'apiVersion'")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}]}", "its kind is 'Pod', not a List")]
    public void BadJson_IsRefusedWithFileAndLine(string json, string expected)
    {
        var path = Path.Combine(_dir, "x.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<ManifestException>(() => ManifestScanner.Scan([path], [new AwsAuthCollector()], CancellationToken.None));

        Assert.Contains(expected, error.Message.Replace(_dir + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private sealed class Recorder(List<string> seen) : IManifestCollector
    {
        public void Visit(ManifestObject manifest) => seen.Add($"{manifest.Describe}: {Tree(manifest.Root)}");

        private static string Tree(ManifestNode node) => node switch
        {
            ManifestMapping m => "{" + string.Join(",", m.Entries.Select(e => $"{e.Key}={Tree(e.Value)}")) + "}",
            ManifestSequence s => "[" + string.Join(",", s.Items.Select(Tree)) + "]",
            ManifestScalar s => (s.IsNull ? "null" : s.Value).Replace(",", "\\,", StringComparison.Ordinal),
            _ => "?",
        };
    }
}
