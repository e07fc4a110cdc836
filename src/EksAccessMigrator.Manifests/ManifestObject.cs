using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests.Yaml;

namespace EksAccessMigrator.Manifests;

/// <summary>One Kubernetes object read from the inputs. It lives only while collectors look at it.</summary>
public sealed record ManifestObject(string ApiVersion, string Kind, string? Namespace, string? Name, ManifestMapping Root, SourceLocation Location)
{
    public string Describe => $"{Kind} {(Namespace is null ? string.Empty : Namespace + "/")}{Name ?? "(unnamed)"}";
}
