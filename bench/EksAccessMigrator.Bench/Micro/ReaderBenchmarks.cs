using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using EksAccessMigrator.Bench.Measurements;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Bench.Micro;

/// <summary>
/// The readers over one generated export held in memory, each beside its floor (the baseline of its category, so the
/// Ratio column is reader / floor): <see cref="JsonManifestReader"/> against <c>Utf8JsonReader</c> reading every
/// token, and <see cref="ManifestStreamReader"/> (what <c>ManifestScanner</c> calls for YAML) against YamlDotNet's
/// <c>Parser</c> reading every event. The floors are the whole-command harness's (<see cref="Floors"/>).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ReaderBenchmarks
{
    private MicroExport _export = null!;

    [Params(MicroSize.S, MicroSize.M)]
    public MicroSize Size { get; set; } = MicroSize.S;

    [GlobalSetup]
    public void Setup()
    {
        _export = MicroExport.Of(Size);
        Sanity.Require(_export.Json.Length > 0 && _export.Yaml.Length > 0, nameof(ReaderBenchmarks), "the generated export is empty");
        Sanity.Require(JsonReader() == _export.Objects, nameof(JsonReader), $"the JSON reader saw {JsonReader():N0} objects, the generator made {_export.Objects:N0}");
        Sanity.Require(YamlReader() == _export.Objects, nameof(YamlReader), $"the YAML reader saw {YamlReader():N0} objects, the generator made {_export.Objects:N0}");

        // Every object is a mapping of at least apiVersion, kind and metadata: six tokens or events at least.
        Sanity.Require(JsonFloor() > 6L * _export.Objects, nameof(JsonFloor), $"Utf8JsonReader read only {JsonFloor():N0} tokens");
        Sanity.Require(YamlFloor() > 6L * _export.Objects, nameof(YamlFloor), $"the YAML parser read only {YamlFloor():N0} events");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("JSON")]
    public long JsonFloor() => Floors.JsonTokens(new MemoryStream(_export.Json, writable: false));

    [Benchmark]
    [BenchmarkCategory("JSON")]
    public int JsonReader()
    {
        var objects = 0;
        JsonManifestReader.Read(new MemoryStream(_export.Json, writable: false), _export.JsonPath, _ => objects++, CancellationToken.None);
        return objects;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("YAML")]
    public long YamlFloor()
    {
        using var text = Text(_export.Yaml);
        return Floors.YamlEvents(text);
    }

    [Benchmark]
    [BenchmarkCategory("YAML")]
    public int YamlReader()
    {
        var objects = 0;
        using var text = Text(_export.Yaml);
        ManifestStreamReader.Read(text, _export.YamlPath, _ => objects++, CancellationToken.None);
        return objects;
    }

    /// <summary>The text reader <c>ManifestScanner</c> opens over a YAML file (strict UTF-8, 64 KiB buffer), over the bytes in memory.</summary>
    private static StreamReader Text(byte[] bytes) =>
        new(new MemoryStream(bytes, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
}
