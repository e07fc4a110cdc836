using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace EksAccessMigrator.Bench.Micro;

/// <summary>
/// <c>--micro</c>: the BenchmarkDotNet micro-benchmarks of the readers', collectors', planner's and plan file's hot
/// paths, through <see cref="BenchmarkSwitcher"/> (its arguments: <c>--filter '*Reader*'</c>, <c>--job short</c>, ...).
/// BenchmarkDotNet's default toolchain: it builds a project referencing this one (under <c>bin/</c>, about 30 s) and
/// runs each benchmark in a process of its own, so one benchmark's heap does not weigh on the next;
/// <c>--inProcess</c> skips the build and runs them all in this process. With no <c>--filter</c> all run (the
/// switcher would otherwise ask on the console which). Artifacts go to <c>$TMPDIR/eam-bench/BenchmarkDotNet.Artifacts</c>
/// unless <c>--artifacts</c> is given. Exit code 1 when a benchmark failed, its sanity check included.
/// </summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var all = new List<string>(args);
        if (!all.Contains("--filter") && !all.Contains("-f") && !all.Contains("--list"))
        {
            all.AddRange(["--filter", "*"]);
        }

        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(Path.GetTempPath(), "eam-bench", "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run([.. all], config).ToList();
        var failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed && !all.Contains("--list") ? 1 : 0;
    }
}
