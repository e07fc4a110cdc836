using BenchmarkDotNet.Attributes;
using EksAccessMigrator.Apply;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Bench.Micro;

/// <summary>
/// The plan file of a generated cluster: <see cref="PlanJson.Serialize(Stream, MigrationPlan)"/> as <c>plan --out</c>
/// writes it (streamed, here into a buffer of the file's size, made once), and read strictly as <c>apply</c> reads it
/// (<see cref="SavedPlan.FromBytes"/>: UTF-8 decode, <see cref="PlanJson.Deserialize"/> with its checks, SHA-256;
/// <c>show</c> does the same three).
/// </summary>
[MemoryDiagnoser]
public class PlanFileBenchmarks
{
    private MigrationPlan _plan = null!;
    private byte[] _bytes = null!;
    private byte[] _written = null!;

    [Params(MicroSize.S, MicroSize.M)]
    public MicroSize Size { get; set; } = MicroSize.S;

    [GlobalSetup]
    public void Setup()
    {
        var export = MicroExport.Of(Size);
        _plan = MigrationPlanner.Plan(MicroPlans.Inventory(export), MicroPlans.Options);
        _bytes = System.Text.Encoding.UTF8.GetBytes(PlanJson.Serialize(_plan));
        _written = new byte[_bytes.Length];
        Sanity.Require(_plan.Changes.Length > 0, nameof(PlanFileBenchmarks), "the plan has no changes");
        Sanity.Require(Write() == _bytes.Length && _written.AsSpan().SequenceEqual(_bytes), nameof(Write), "the streamed plan file differs from PlanJson.Serialize's");
        Sanity.Require(Read() == _plan.Changes.Length, nameof(Read), $"the plan read back has {Read():N0} changes, {_plan.Changes.Length:N0} written");
    }

    [Benchmark]
    public long Write()
    {
        using var file = new MemoryStream(_written, writable: true);
        PlanJson.Serialize(file, _plan);
        return file.Position;
    }

    [Benchmark]
    public int Read() => SavedPlan.FromBytes(_bytes, "plan.json").Plan.Changes.Length;
}
