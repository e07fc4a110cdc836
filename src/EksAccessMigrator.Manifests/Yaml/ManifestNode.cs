namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>A node of one Kubernetes object read from YAML or JSON, with the line it starts on.</summary>
public abstract class ManifestNode(int line)
{
    public int Line { get; } = line;

    /// <summary>A word for messages: "mapping", "list" or "scalar".</summary>
    public abstract string KindName { get; }
}
