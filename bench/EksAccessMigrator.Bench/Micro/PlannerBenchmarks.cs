using BenchmarkDotNet.Attributes;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Bench.Micro;

/// <summary><see cref="MigrationPlanner.Plan"/>, the planner's one entry, over the offline scan's inventory of a generated cluster.</summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private ClusterInventory _inventory = null!;

    [Params(MicroSize.S, MicroSize.M)]
    public MicroSize Size { get; set; } = MicroSize.S;

    [GlobalSetup]
    public void Setup()
    {
        var export = MicroExport.Of(Size);
        _inventory = MicroPlans.Inventory(export);
        var plan = Plan();
        var entries = plan.Changes.OfType<CreateAccessEntryChange>().Count();
        Sanity.Require(plan.Changes.Length > 0, nameof(Plan), "the plan has no changes");
        Sanity.Require(entries == export.Shape.AwsAuthRows, nameof(Plan), $"the plan creates {entries:N0} access entries for {export.Shape.AwsAuthRows:N0} aws-auth rows");
    }

    [Benchmark]
    public MigrationPlan Plan() => MigrationPlanner.Plan(_inventory, MicroPlans.Options);
}
