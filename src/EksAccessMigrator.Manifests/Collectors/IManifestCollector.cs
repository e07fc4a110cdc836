namespace EksAccessMigrator.Manifests.Collectors;

/// <summary>Keeps what the planner needs from the objects streamed past it, and nothing else.</summary>
public interface IManifestCollector
{
    void Visit(ManifestObject manifest);
}
