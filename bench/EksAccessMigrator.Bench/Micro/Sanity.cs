namespace EksAccessMigrator.Bench.Micro;

/// <summary>
/// The check each benchmark class runs on its own result in its setup, so that a benchmark cannot silently measure
/// nothing (an empty input, a reader that saw no objects, a plan without changes): it throws and the run fails.
/// </summary>
internal static class Sanity
{
    public static void Require(bool condition, string benchmark, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"micro-benchmark {benchmark}: {what}; it would measure the wrong thing, so the run stops. Check the generator and the code under test.");
        }
    }
}
