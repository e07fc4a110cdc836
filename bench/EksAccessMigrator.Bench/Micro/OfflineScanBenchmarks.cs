using BenchmarkDotNet.Attributes;
using EksAccessMigrator.Bench.Generation;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Bench.Micro;

/// <summary>
/// The offline scan over a generated export file (written once; the page cache holds it): <see cref="ManifestScanner.Scan"/>
/// with the collectors the offline scan uses (reader and collectors), and <see cref="OfflineInventoryScanner.Scan"/>,
/// which adds the inventory it builds from them, with the settings <c>plan --from</c> gives it.
/// </summary>
[MemoryDiagnoser]
public class OfflineScanBenchmarks
{
    private MicroExport _export = null!;
    private string _path = null!;
    private OfflineScanSettings _settings = null!;

    [Params(MicroSize.S, MicroSize.M)]
    public MicroSize Size { get; set; } = MicroSize.S;

    [Params("json", "yaml")]
    public string Format { get; set; } = "json";

    [GlobalSetup]
    public void Setup()
    {
        _export = MicroExport.Of(Size);
        _path = _export.PathOf(Format);
        var cluster = new ClusterOptions { Cluster = SyntheticCluster.Name, Region = SyntheticCluster.Region, Account = SyntheticCluster.Account };
        _settings = OfflineInventory.Settings(new InputOptions { From = [_path] }, cluster, null, null, null);
        Sanity.Require(new FileInfo(_path).Length > 0, nameof(OfflineScanBenchmarks), $"{_path} is empty");
        Sanity.Require(Scan() == _export.Objects, nameof(Scan), $"ManifestScanner.Scan saw {Scan():N0} objects of {_path}, the generator made {_export.Objects:N0}");
        var inventory = Inventory();
        Sanity.Require(inventory.AwsAuth is not null, nameof(Inventory), "the inventory has no aws-auth ConfigMap");
        Sanity.Require(inventory.Workloads.Workloads.Length >= _export.Shape.Workloads + _export.Shape.Pods, nameof(Inventory), $"the inventory holds {inventory.Workloads.Workloads.Length:N0} workloads");
    }

    [Benchmark]
    public int Scan() => ManifestScanner.Scan([_path], [new AwsAuthCollector(), new WorkloadCollector()], CancellationToken.None);

    [Benchmark]
    public ClusterInventory Inventory() => new OfflineInventoryScanner(_settings).Scan(CancellationToken.None).Inventory;
}
