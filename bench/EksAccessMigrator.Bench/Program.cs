using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EksAccessMigrator.Bench;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;
using YamlDotNet.Core;

// Usage: dotnet run -c Release --project bench/EksAccessMigrator.Bench -- [pods=100000]
// Prints one table: each path's wall time (best of three) against its parser floor, measured in the same run.
var pods = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var yaml = Path.Combine(Path.GetTempPath(), $"eam-bench-{pods}.yaml");
var json = Path.Combine(Path.GetTempPath(), $"eam-bench-{pods}.json");
if (!File.Exists(yaml))
{
    ExportGenerator.Write(yaml, pods);
}

if (!File.Exists(json))
{
    ExportGenerator.WriteJson(json, pods);
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {pods} pods: YAML {Size(yaml)}, JSON {Size(json)}");

var yamlFloor = Measure(() =>
{
    using var reader = File.OpenText(yaml);
    var parser = new Parser(reader);
    var events = 0;
    while (parser.MoveNext())
    {
        events++;
    }

    return events;
});
var yamlScan = Measure(() => Scan(yaml));
var jsonFloor = Measure(() =>
{
    var bytes = File.ReadAllBytes(json);
    var reader = new Utf8JsonReader(bytes);
    var tokens = 0;
    while (reader.Read())
    {
        tokens++;
    }

    return tokens;
});
var jsonScan = Measure(() => Scan(json));

Console.WriteLine();
Console.WriteLine("| path | floor | scan (aws-auth + workload collectors) | scan / floor |");
Console.WriteLine("|---|--:|--:|--:|");
Console.WriteLine($"| YAML | {yamlFloor.TotalSeconds:F2} s (YamlDotNet Parser events) | {yamlScan.TotalSeconds:F2} s | {yamlScan / yamlFloor:F2}x |");
Console.WriteLine($"| JSON | {jsonFloor.TotalSeconds:F2} s (Utf8JsonReader tokens) | {jsonScan.TotalSeconds:F2} s | {jsonScan / jsonFloor:F2}x |");
Console.WriteLine($"peak working set of the whole run: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");
return 0;

static int Scan(string path) =>
    ManifestScanner.Scan([path], [new AwsAuthCollector(), new WorkloadCollector()], CancellationToken.None);

static string Size(string path) => $"{new FileInfo(path).Length / 1024.0 / 1024.0:F0} MiB";

static TimeSpan Measure(Func<int> action)
{
    action(); // warm-up
    GC.Collect();
    var best = TimeSpan.MaxValue;
    for (var i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        best = watch.Elapsed < best ? watch.Elapsed : best;
    }

    return best;
}
