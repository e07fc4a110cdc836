using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Bench.Micro;

/// <summary>
/// The collectors the offline scan uses (<see cref="AwsAuthCollector"/> and <see cref="WorkloadCollector"/>, as
/// <c>OfflineInventoryScanner.ReadManifests</c> makes them) visiting every object of a generated export, read once
/// beforehand by the JSON reader and held in memory, so this is the collectors' own cost; then the workload
/// inventory they build. Reader and collectors together are <see cref="OfflineScanBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class CollectorBenchmarks
{
    private MicroExport _export = null!;
    private List<ManifestObject> _objects = null!;

    [Params(MicroSize.S, MicroSize.M)]
    public MicroSize Size { get; set; } = MicroSize.S;

    [GlobalSetup]
    public void Setup()
    {
        _export = MicroExport.Of(Size);
        _objects = [];
        JsonManifestReader.Read(new MemoryStream(_export.Json, writable: false), _export.JsonPath, _objects.Add, CancellationToken.None);
        Sanity.Require(_objects.Count == _export.Objects, nameof(CollectorBenchmarks), $"the JSON reader handed out {_objects.Count:N0} objects, the generator made {_export.Objects:N0}");
        var inventory = Collectors();
        var shape = _export.Shape;
        Sanity.Require(inventory.Namespaces.Length == shape.Namespaces + 1, nameof(Collectors), $"{inventory.Namespaces.Length:N0} namespaces collected, {shape.Namespaces + 1:N0} generated");
        Sanity.Require(inventory.ServiceAccounts.Length == shape.Workloads - ((shape.Workloads + 2) / 3), nameof(Collectors), $"{inventory.ServiceAccounts.Length:N0} ServiceAccounts collected");
        Sanity.Require(inventory.Workloads.Length >= shape.Workloads + shape.Pods, nameof(Collectors), $"{inventory.Workloads.Length:N0} workloads collected, {shape.Workloads + shape.Pods:N0} Deployments and Pods generated");
        Sanity.Require(inventory.Agents.Length == 1, nameof(Collectors), $"{inventory.Agents.Length} identity agents collected, 1 (kube2iam) generated");
    }

    [Benchmark]
    public WorkloadInventory Collectors()
    {
        var awsAuth = new AwsAuthCollector();
        var workloads = new WorkloadCollector();
        foreach (var manifest in _objects)
        {
            awsAuth.Visit(manifest);
            workloads.Visit(manifest);
        }

        if (awsAuth.AwsAuth is null)
        {
            throw new InvalidOperationException("the aws-auth collector found no aws-auth ConfigMap in the generated export.");
        }

        return workloads.ToInventory(ImmutableArray<RoleTrustPolicy>.Empty);
    }
}
