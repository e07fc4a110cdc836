using System.IO.Compression;
using System.Text.Json;

namespace EksAccessMigrator.TestSupport;

/// <summary>
/// The AWS service and paginator models as the installed botocore package ships them
/// (botocore/data/SERVICE/VERSION/service-2.json, gzip-compressed as service-2.json.gz in newer releases).
/// The package is located once per test process.
/// </summary>
public static class BotocoreModels
{
    private static readonly Lazy<string> DataFolder = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>botocore/data of the python3 on PATH.</summary>
    public static string Data => DataFolder.Value;

    public static JsonDocument Service(string service) => Load(service, "service-2");

    public static JsonDocument Paginators(string service) => Load(service, "paginators-1");

    private static JsonDocument Load(string service, string model)
    {
        var folder = Path.Combine(Data, service);
        var version = Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (version is null)
        {
            throw new FileNotFoundException($"botocore at {Data} has no model for '{service}'.");
        }

        var plain = Path.Combine(folder, version, model + ".json");
        if (File.Exists(plain))
        {
            return JsonDocument.Parse(File.ReadAllBytes(plain));
        }

        var compressed = plain + ".gz";
        if (!File.Exists(compressed))
        {
            throw new FileNotFoundException($"botocore has neither {plain} nor {compressed}.");
        }

        using var file = File.OpenRead(compressed);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }

    private static string Locate()
    {
        var (exitCode, output) = Python.RunAsync(TimeSpan.FromSeconds(60), "-c", "import botocore, os; print(os.path.dirname(botocore.__file__))")
            .GetAwaiter().GetResult();
        if (exitCode != 0)
        {
            throw new InvalidOperationException("python3 with botocore is a prerequisite of these tests (pip install botocore): " + output);
        }

        var data = Path.Combine(output.Trim(), "data");
        return Directory.Exists(data) ? data : throw new DirectoryNotFoundException($"botocore's data folder {data} does not exist.");
    }
}
