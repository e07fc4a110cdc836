namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>A list.</summary>
public sealed class ManifestSequence(IReadOnlyList<ManifestNode> items, int line) : ManifestNode(line)
{
    public IReadOnlyList<ManifestNode> Items { get; } = items;

    public override string KindName => "list";
}
