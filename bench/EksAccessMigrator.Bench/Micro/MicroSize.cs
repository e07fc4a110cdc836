namespace EksAccessMigrator.Bench.Micro;

/// <summary>The generator's shapes the micro-benchmarks run on (L is too large for BenchmarkDotNet's many iterations); S is listed first.</summary>
public enum MicroSize
{
    S,
    M,
}
