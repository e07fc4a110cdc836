using BenchmarkDotNet.Attributes;
using EksAccessMigrator.Bench.Generation;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Bench.Micro;

/// <summary>
/// <see cref="AwsAuthParser.Parse"/> of the generator's aws-auth ConfigMap (one node-role row, the rest team roles),
/// as the offline scan hands it over: exported as JSON and read back by the JSON reader and the aws-auth collector.
/// </summary>
[MemoryDiagnoser]
public class AwsAuthBenchmarks
{
    private AwsAuthConfigMap _configMap = null!;

    /// <summary>M's and L's aws-auth.</summary>
    [Params(290, 2_900)]
    public int Rows { get; set; } = 2_900;

    [GlobalSetup]
    public void Setup()
    {
        var awsAuth = SyntheticCluster.Objects(ClusterShape.S with { AwsAuthRows = Rows })
            .First(o => (string?)o["kind"] == "ConfigMap" && (string?)o["metadata"]?["name"] == "aws-auth");
        using var json = new MemoryStream();
        ExportWriter.WriteJson(json, [awsAuth]);
        json.Position = 0;
        var collector = new AwsAuthCollector();
        JsonManifestReader.Read(json, "aws-auth.json", collector.Visit, CancellationToken.None);
        _configMap = collector.AwsAuth ?? throw new InvalidOperationException("the aws-auth collector did not find the generated aws-auth ConfigMap.");
        var mappings = Parse();
        Sanity.Require(mappings == Rows, nameof(Parse), $"the parser read {mappings:N0} mappings of {Rows:N0} rows");
    }

    [Benchmark]
    public int Parse() => AwsAuthParser.Parse(_configMap).Mappings.Length;
}
