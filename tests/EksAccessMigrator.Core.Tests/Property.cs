namespace EksAccessMigrator.Core.Tests;

/// <summary>
/// A small property-based test runner: runs a check over many generated inputs from a fixed seed, and on failure
/// reports the seed, the case and the input, so the failure can be replayed exactly
/// (set EAM_PROPERTY_SEED to run from another seed).
/// </summary>
internal static class Property
{
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("EAM_PROPERTY_SEED"), out var seed) ? seed : 20261123;

    public static void ForAll<T>(int cases, Func<Random, T> generate, Action<T> check, Func<T, string>? describe = null)
    {
        var seed = Seed;
        for (var i = 0; i < cases; i++)
        {
            // Not HashCode.Combine: it is seeded per process, so a failure could not be replayed.
            var input = generate(new Random(unchecked((seed * 1_000_003) + i)));
            try
            {
                check(input);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException(
                    $"Property failed on case {i} of {cases} (seed {seed}; replay with EAM_PROPERTY_SEED={seed}).\nInput:\n{(describe ?? (x => x?.ToString() ?? "null"))(input)}\nFailure: {ex.Message}");
            }
        }
    }
}
