using System.Diagnostics;
using System.Globalization;
using EksAccessMigrator.Bench.Generation;
using EksAccessMigrator.Bench.Measurements;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.FakeEks;

// Usage: dotnet bench/EksAccessMigrator.Bench/bin/Release/net10.0/EksAccessMigrator.Bench.dll [--skip-apply | --apply-only | --phases-only] [--entries 1000] [--throttle-rate 50]
// Prints one table: every issue-11 measurement, each with its floor measured in the same run.
// Or: ... EksAccessMigrator.Bench.dll --micro [BenchmarkDotNet arguments]: the micro-benchmarks (Micro/, README.md).
if (args.Contains("--micro"))
{
    return EksAccessMigrator.Bench.Micro.MicroBenchmarks.Run([.. args.Where(a => a != "--micro")]);
}

if (args is ["--floor-process", var floorKind, var floorFile])
{
    // The parser alone as a fresh process (started by the table below): the floor of a command that starts cold.
    using var floorInput = File.OpenRead(floorFile);
    Console.WriteLine(floorKind == "yaml" ? Floors.YamlEvents(new StreamReader(floorInput)) : Floors.JsonTokens(floorInput));
    return 0;
}

var skipApply = args.Contains("--skip-apply");
var applyOnly = args.Contains("--apply-only");
var entries = Arg("--entries", 1000);
var throttleRate = Arg("--throttle-rate", 50);
var directory = Path.Combine(Path.GetTempPath(), "eam-bench");
Directory.CreateDirectory(directory);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average before: {Load()}");

var exports = new Dictionary<string, (string Json, string Yaml)>(StringComparer.Ordinal);
foreach (var shape in new[] { ClusterShape.S, ClusterShape.M, ClusterShape.L })
{
    var json = Path.Combine(directory, $"{shape.Name}.json");
    var yaml = Path.Combine(directory, $"{shape.Name}.yaml");
    if (!File.Exists(json) || !File.Exists(yaml))
    {
        ExportWriter.WriteJson(json, SyntheticCluster.Objects(shape));
        ExportWriter.WriteYaml(yaml, SyntheticCluster.Objects(shape));
    }

    exports[shape.Name] = (json, yaml);
    Console.WriteLine($"{shape}: JSON {Size(json)}, YAML {Size(yaml)}");
}

if (args.Contains("--phases-only"))
{
    // --cold: L first, so its phases include the JIT's first compilations and tiering (as a plan process pays them).
    foreach (var name in args.Contains("--cold") ? new[] { "L", "L" } : ["M", "L"])
    {
        Console.WriteLine($"{name} JSON: {PlanPhases.Measure(exports[name].Json)}");
    }

    Console.WriteLine($"L YAML: {PlanPhases.Measure(exports["L"].Yaml)}");
    Console.WriteLine($"floors: L JSON Utf8JsonReader {Floors.Json(exports["L"].Json).TotalSeconds:F2} s, L YAML Parser {Floors.Yaml(exports["L"].Yaml).TotalSeconds:F2} s; load average after: {Load()}");

    return 0;
}

var rows = new List<string[]>();
void Row(string what, string floor, string measured, string ratio, string target, bool? met) =>
    rows.Add([what, floor, measured, ratio, target, met is null ? "-" : met.Value ? "met" : "NOT met"]);

if (!applyOnly)
{
    // Offline plan of L, JSON and YAML: the real CLI, a fresh process per run (median of 3; peak RSS the highest).
    var lPlan = Path.Combine(directory, "L.plan.json");
    var jsonFloor = Floors.Json(exports["L"].Json);
    var jsonColdFloor = ChildRun.MedianFloor(3, "json", exports["L"].Json);
    var jsonPlan = Plan(exports["L"].Json, lPlan);
    Row($"offline plan of L, JSON ({Size(exports["L"].Json)})", $"{Sec(jsonColdFloor.Wall)} Utf8JsonReader as a process (warm in-process: {Sec(jsonFloor)})", $"{Sec(jsonPlan.Wall)}, {Mib(jsonPlan.PeakRssBytes)}", X(jsonPlan.Wall / jsonFloor), "<= 3 s, <= 400 MB", jsonPlan.Wall.TotalSeconds <= 3 && jsonPlan.PeakRssBytes <= 400L * 1000 * 1000);
    var yamlFloor = Floors.Yaml(exports["L"].Yaml);
    var yamlColdFloor = ChildRun.MedianFloor(3, "yaml", exports["L"].Yaml);
    var yamlPlan = Plan(exports["L"].Yaml, Path.Combine(directory, "L-yaml.plan.json"));

    // A plan is a fresh process: its floor is the parser alone as a fresh process (start, JIT and tiering included);
    // the parser warm in this process, best of 3, is shown beside it.
    Row(
        $"offline plan of L, YAML ({Size(exports["L"].Yaml)})",
        $"{Sec(yamlColdFloor.Wall)} YamlDotNet Parser as a process (warm in-process: {Sec(yamlFloor)})",
        $"{Sec(yamlPlan.Wall)}, {Mib(yamlPlan.PeakRssBytes)}",
        $"{X(yamlPlan.Wall / yamlColdFloor.Wall)} (warm: {X(yamlPlan.Wall / yamlFloor)})",
        "<= 1.5 x floor, <= 400 MB",
        yamlPlan.Wall / yamlColdFloor.Wall <= 1.5 && yamlPlan.PeakRssBytes <= 400L * 1000 * 1000);

    // The same plan with an IAM export of 5,000 roles (the 500 the workloads use among others): every workload's role
    // is verified against it and every changed trust policy read from it (rules K3, K6); measured, no target of its own.
    var iamSnapshot = Path.Combine(directory, "iam-5000-roles.json");
    if (!File.Exists(iamSnapshot))
    {
        IamSnapshotWriter.Write(iamSnapshot, 5000);
    }

    var withIam = Plan(exports["L"].Json, Path.Combine(directory, "L-iam.plan.json"), "--iam-snapshot", iamSnapshot);
    Row($"offline plan of L, JSON, with --iam-snapshot of 5,000 roles ({Size(iamSnapshot)})", "plan without it", $"{Sec(withIam.Wall)}, {Mib(withIam.PeakRssBytes)}", X(withIam.Wall / jsonPlan.Wall), "measured", null);

    // Growth: M -> L is 10 x the input.
    var mPlan = Plan(exports["M"].Json, Path.Combine(directory, "M.plan.json"));
    var sPlan = Plan(exports["S"].Json, Path.Combine(directory, "S.plan.json"));
    Row("growth S -> M -> L (JSON plan)", $"S {Sec(sPlan.Wall)}", $"M {Sec(mPlan.Wall)}, L {Sec(jsonPlan.Wall)}", $"M->L {X(jsonPlan.Wall / mPlan.Wall)}", "M->L <= 12 x", jsonPlan.Wall / mPlan.Wall <= 12);

    // The L plan file: read (as apply and show do) and written (as plan --out does), in-process; show as the CLI.
    var planBytes = File.ReadAllBytes(lPlan);
    MigrationPlan? read = null;
    var readTime = Floors.Best(() => read = EksAccessMigrator.Apply.SavedPlan.FromBytes(planBytes, lPlan).Plan);
    var writeTime = Floors.Best(() =>
    {
        using var file = File.Create(Path.Combine(directory, "L.rewritten.plan.json"));
        PlanJson.Serialize(file, read!);
    });
    var planFloor = Floors.Json(lPlan);
    Row($"L plan file ({Size(lPlan)}, {read!.Changes.Length:N0} changes): read / write", $"{Sec(planFloor)} Utf8JsonReader", $"read {Sec(readTime)}, write {Sec(writeTime)}", $"read {X(readTime / planFloor)}", "measured", null);
    var show = ChildRun.Median(3, "show", lPlan);
    Row("show of the L plan (CLI process)", $"plan file read {Sec(readTime)}", $"{Sec(show.Wall)}, {Mib(show.PeakRssBytes)}", X(show.Wall / readTime), "measured", show.ExitCode is 0 or 2 or 4 ? null : false);

    // Where the L plan's time goes: the same calls as plan --from, in this process, once each.
    Row("phases of the L JSON plan (in-process, once)", "-", PlanPhases.Measure(exports["L"].Json), "-", "profile", null);
    Row("phases of the L YAML plan (in-process, once)", "-", PlanPhases.Measure(exports["L"].Yaml), "-", "profile", null);

    // Cold start: a fresh process each time, median of 11; the floor is the runtime starting an empty program.
    var help = ChildRun.Median(11, "--help");
    Row("eks-access-migrator --help cold start", "-", $"{Ms(help.Wall)} (median of 11), {Mib(help.PeakRssBytes)}", "-", "<= 300 ms", help.Wall.TotalMilliseconds <= 300);

}

if (!skipApply)
{
    // Apply at the API's limit: each call answered after 50 ms, --parallel 8; ideal = (entries + 1) writes x 50 ms / 8.
    var slow = await ApplyBench.RunAsync(directory, entries, 8, new FakeEksOptions { ResponseDelay = TimeSpan.FromMilliseconds(50), UpdatePollsUntilComplete = 0 });
    var ideal = TimeSpan.FromMilliseconds((entries + 1) * 50.0 / 8);
    Row($"apply of {entries:N0} access entries, 50 ms per call, --parallel 8", $"ideal {Sec(ideal)}", $"{Sec(slow.Wall)}; EKS requests: {slow.RequestText}{(slow.Succeeded ? string.Empty : "; FAILED: " + slow.Failure)}", X(slow.Wall / ideal), "<= 1.3 x ideal", slow.Succeeded && slow.Wall / ideal <= 1.3);

    // Throttled: the fake EKS answers ThrottlingException above the rate; throughput = requests answered OK per second.
    // The server's bucket starts with one second's worth, so the run must be long against that second: with apply
    // at about one call per entry, as many entries as the unthrottled run.
    var throttledEntries = Math.Max(1, entries);
    var throttled = await ApplyBench.RunAsync(directory, throttledEntries, 8, new FakeEksOptions { MaxRequestsPerSecond = throttleRate, UpdatePollsUntilComplete = 0 });
    var throttledCount = throttled.Requests.Sum(r => r.Value) - throttled.Accepted;
    var throughput = throttled.Accepted / throttled.Wall.TotalSeconds;
    Row($"apply of {throttledEntries:N0} entries, server throttling above {throttleRate} req/s", $"{throttleRate} req/s", $"{throughput:F1} req/s accepted ({throttled.Accepted} OK, {throttledCount} throttled) in {Sec(throttled.Wall)}{(throttled.Succeeded ? string.Empty : "; FAILED: " + throttled.Failure)}", X(throughput / throttleRate), "within 20% of the rate", throttled.Succeeded && Math.Abs(throughput - throttleRate) <= 0.2 * throttleRate);
}

Console.WriteLine();
Console.WriteLine("| what | floor (same run) | measured | ratio | target | |");
Console.WriteLine("|---|--:|--:|--:|---|---|");
foreach (var row in rows)
{
    Console.WriteLine("| " + string.Join(" | ", row) + " |");
}

Console.WriteLine($"load average after: {Load()}");
return 0;

ChildRun Plan(string export, string output, params string[] extra)
{
    var run = ChildRun.Median(3, ["plan", "--from", export, "--cluster", SyntheticCluster.Name, "--region", SyntheticCluster.Region, "--account", SyntheticCluster.Account, "--created-at", "2026-12-01T00:00:00Z", "--out", output, .. extra]);
    if (run.ExitCode is not (0 or 2 or 4))
    {
        throw new InvalidOperationException($"plan of {export} failed ({run.ExitCode}): {run.Error}");
    }

    return run;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string Size(string path) => $"{new FileInfo(path).Length / 1e6:F0} MB";

static string Sec(TimeSpan t) => $"{t.TotalSeconds:F2} s";

static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F0} ms";

static string Mib(long bytes) => $"{bytes / 1e6:F0} MB peak RSS";

static string X(double ratio) => $"{ratio:F2} x";
