using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace EksAccessMigrator.Bench.Micro;

/// <summary>
/// <c>--micro</c>: the BenchmarkDotNet micro-benchmarks of the readers', collectors', planner's and plan file's hot
/// paths, through <see cref="BenchmarkSwitcher"/> (its arguments: <c>--filter '*Reader*'</c>, <c>--job short</c>, ...).
/// They run in process (<c>--inProcess</c> is added): the default toolchain generates and builds a project per run
/// beside this one, which inherits the repository's build settings and costs a build on a shared machine. With no
/// <c>--filter</c> all run (the switcher would otherwise ask on the console which). Artifacts go to
/// <c>$TMPDIR/eam-bench/BenchmarkDotNet.Artifacts</c> unless <c>--artifacts</c> is given. Exit code 1 when a
/// benchmark failed, its sanity check included.
/// </summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var all = new List<string>(args);
        if (!all.Contains("--inProcess") && !all.Contains("-i"))
        {
            all.Add("--inProcess");
        }

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
