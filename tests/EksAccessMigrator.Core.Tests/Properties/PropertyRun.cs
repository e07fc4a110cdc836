using FsCheck;
using Microsoft.FSharp.Core;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>
/// FsCheck settings of the property tests: a fixed number of cases from a fixed seed, throwing (with the shrunk
/// counterexample and the seed) on the first failure. EAM_PROPERTY_SEED replays another seed.
/// </summary>
internal static class PropertyRun
{
    public static ulong Seed =>
        ulong.TryParse(Environment.GetEnvironmentVariable("EAM_PROPERTY_SEED"), out var seed) ? seed : 20261123;

    public static Config Cases(int count) => Config.QuickThrowOnFailure
        .WithMaxTest(count)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed), FSharpOption<int>.None)));
}
