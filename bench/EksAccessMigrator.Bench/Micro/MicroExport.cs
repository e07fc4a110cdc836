using System.Text;
using EksAccessMigrator.Bench.Generation;

namespace EksAccessMigrator.Bench.Micro;

/// <summary>
/// One generated cluster (<see cref="SyntheticCluster"/> of a <see cref="ClusterShape"/>) exported as JSON and YAML,
/// held in memory for the readers' benchmarks and written once to <c>$TMPDIR/eam-bench/micro/</c> for those that read
/// files (<c>ManifestScanner.Scan</c>, the offline scanner): the same bytes either way.
/// </summary>
internal sealed class MicroExport
{
    private static readonly Dictionary<MicroSize, MicroExport> Made = [];

    private MicroExport(ClusterShape shape)
    {
        Shape = shape;
        var objects = SyntheticCluster.Objects(shape).ToList();
        Objects = objects.Count;
        using (var json = new MemoryStream())
        {
            ExportWriter.WriteJson(json, objects);
            Json = json.ToArray();
        }

        using (var yaml = new MemoryStream())
        {
            using (var writer = new StreamWriter(yaml, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                ExportWriter.WriteYaml(writer, objects);
            }

            Yaml = yaml.ToArray();
        }

        var directory = Path.Combine(Path.GetTempPath(), "eam-bench", "micro");
        Directory.CreateDirectory(directory);
        JsonPath = Path.Combine(directory, $"{shape.Name}.json");
        YamlPath = Path.Combine(directory, $"{shape.Name}.yaml");
        File.WriteAllBytes(JsonPath, Json);
        File.WriteAllBytes(YamlPath, Yaml);
    }

    public ClusterShape Shape { get; }

    /// <summary>How many objects the generator made: what every reader must hand out.</summary>
    public int Objects { get; }

    public byte[] Json { get; }

    public byte[] Yaml { get; }

    public string JsonPath { get; }

    public string YamlPath { get; }

    /// <summary>The export of shape <paramref name="size"/>, made once per process.</summary>
    public static MicroExport Of(MicroSize size)
    {
        lock (Made)
        {
            if (!Made.TryGetValue(size, out var export))
            {
                var shape = size switch
                {
                    MicroSize.S => ClusterShape.S,
                    MicroSize.M => ClusterShape.M,
                    _ => throw new ArgumentOutOfRangeException(nameof(size), size, "S or M."),
                };
                export = new MicroExport(shape);
                Made[size] = export;
            }

            return export;
        }
    }

    public string PathOf(string format) => format switch
    {
        "json" => JsonPath,
        "yaml" => YamlPath,
        _ => throw new ArgumentException($"no export format '{format}': json or yaml.", nameof(format)),
    };
}
