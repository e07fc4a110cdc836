using System.Diagnostics;
using System.Globalization;
using EksAccessMigrator.Bench;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;
using YamlDotNet.Core;

// Usage: dotnet run -c Release --project bench/EksAccessMigrator.Bench -- [pods=100000]
var pods = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var path = Path.Combine(Path.GetTempPath(), $"eam-bench-{pods}.yaml");
if (!File.Exists(path))
{
    ExportGenerator.Write(path, pods);
}

var size = new FileInfo(path).Length;
Console.WriteLine($"export: {pods} pods, {size / 1024.0 / 1024.0:F1} MiB ({path})");

var bare = Measure("bare YamlDotNet parse (events only)", () =>
{
    using var reader = File.OpenText(path);
    var parser = new Parser(reader);
    var events = 0;
    while (parser.MoveNext())
    {
        events++;
    }

    return events;
});

var scan = Measure("offline scan (stream + collectors)", () =>
    ManifestScanner.Scan([path], [new AwsAuthCollector()], CancellationToken.None));

Console.WriteLine($"scan / bare parse: {scan.TotalSeconds / bare.TotalSeconds:F2}x");
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");
return 0;

static TimeSpan Measure(string name, Func<int> action)
{
    action(); // warm-up
    GC.Collect();
    var best = TimeSpan.MaxValue;
    var count = 0;
    for (var i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        count = action();
        watch.Stop();
        best = watch.Elapsed < best ? watch.Elapsed : best;
    }

    Console.WriteLine($"{name}: best of 3 {best.TotalSeconds:F2} s ({count} items), heap after {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F0} MiB");
    return best;
}
