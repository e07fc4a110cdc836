using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;
using k8s;
using k8s.Models;

namespace EksAccessMigrator.Live;

/// <summary>
/// Hands one live object to the offline collectors: serialized to JSON by KubernetesClient's own serializer (with the
/// apiVersion and kind list items lack) and read back by <see cref="ManifestStreamReader"/>, exactly as an exported
/// object would be. One object at a time: its JSON and node tree are garbage as soon as the collectors are done.
/// </summary>
internal static class LiveObjectStream
{
    public static void Visit(IKubernetesObject<V1ObjectMeta> item, WorkloadKindList kind, IReadOnlyList<IManifestCollector> collectors, CancellationToken cancellationToken)
    {
        item.ApiVersion = kind.ApiVersion;
        item.Kind = kind.Kind;
        var json = KubernetesJson.Serialize(item);
        var metadata = item.Metadata;
        var source = metadata?.NamespaceProperty is { } ns ? $"cluster:{ns}/{kind.Kind}/{metadata.Name}" : $"cluster:{kind.Kind}/{metadata?.Name}";
        using var reader = new StringReader(json);
        ManifestStreamReader.Read(reader, source, manifest =>
        {
            foreach (var collector in collectors)
            {
                collector.Visit(manifest);
            }
        }, cancellationToken);
    }
}
