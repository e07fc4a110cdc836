using System.Diagnostics;
using System.Globalization;

namespace EksAccessMigrator.Bench.Measurements;

/// <summary>One run of the real CLI as a child process: wall time, peak RSS (VmHWM, read from /proc while it runs), exit code.</summary>
internal sealed record ChildRun(TimeSpan Wall, long PeakRssBytes, int ExitCode, string Error)
{
    /// <summary>
    /// The CLI as built by the bench's project reference, in its own output folder (its own deps and runtime
    /// config: the copy next to the bench would resolve assemblies through the bench's ASP.NET Core framework).
    /// </summary>
    public static string Cli { get; } = FindCli();

    private static string FindCli()
    {
        // <repo>/bench/EksAccessMigrator.Bench/bin/<Configuration>/<tfm>/
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = output.Name;
        var configuration = output.Parent!.Name;
        var repo = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var cli = Path.Combine(repo, "src", "EksAccessMigrator.Cli", "bin", configuration, tfm, OperatingSystem.IsWindows() ? "eks-access-migrator.exe" : "eks-access-migrator");
        return File.Exists(cli) ? cli : throw new FileNotFoundException($"The CLI is not built at {cli}: build the bench with 'dotnet build -c Release bench/EksAccessMigrator.Bench'.", cli);
    }

    public static ChildRun Run(params string[] args) => Start(Cli, args);

    /// <summary>A parser floor (<c>yaml</c> or <c>json</c>) as a fresh process: this bench run with <c>--floor-process</c>; the median of <paramref name="count"/>.</summary>
    public static ChildRun MedianFloor(int count, string kind, string file)
    {
        var runs = Enumerable.Range(0, count)
            .Select(_ => Start(Environment.ProcessPath!, [typeof(ChildRun).Assembly.Location, "--floor-process", kind, file]))
            .OrderBy(r => r.Wall)
            .ToList();
        return runs.Any(r => r.ExitCode != 0)
            ? throw new InvalidOperationException($"the {kind} floor process failed: {runs.First(r => r.ExitCode != 0).Error}")
            : runs[runs.Count / 2];
    }

    private static ChildRun Start(string fileName, string[] args)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the CLI did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(10))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
        }

        watch.Stop();
        stdout.Wait();
        return new ChildRun(watch.Elapsed, peak, process.ExitCode, stderr.Result);
    }

    /// <summary>The median run of <paramref name="count"/> (by wall time); each run is a fresh process.</summary>
    public static ChildRun Median(int count, params string[] args)
    {
        var runs = Enumerable.Range(0, count).Select(_ => Run(args)).OrderBy(r => r.Wall).ToList();
        return runs[runs.Count / 2] with { PeakRssBytes = runs.Max(r => r.PeakRssBytes) };
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between two readings.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
