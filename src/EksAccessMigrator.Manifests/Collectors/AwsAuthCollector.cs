using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests.Yaml;

namespace EksAccessMigrator.Manifests.Collectors;

/// <summary>Finds the <c>kube-system/aws-auth</c> ConfigMap; a second one is an error.</summary>
public sealed class AwsAuthCollector : IManifestCollector
{
    public AwsAuthConfigMap? AwsAuth { get; private set; }

    public void Visit(ManifestObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Kind != "ConfigMap" || manifest.ApiVersion != "v1" || manifest.Name != "aws-auth" || manifest.Namespace != "kube-system")
        {
            return;
        }

        var file = manifest.Location.File;
        var data = ImmutableArray.CreateBuilder<AwsAuthDataValue>();
        switch (manifest.Root["data"])
        {
            case null:
            case ManifestScalar { IsNull: true }:
                break;
            case ManifestMapping map:
                foreach (var (key, value) in map.Entries)
                {
                    data.Add(value is ManifestScalar scalar
                        ? new AwsAuthDataValue(key, scalar.IsNull ? string.Empty : scalar.Value, true, new SourceLocation(file, scalar.Line), scalar.IsBlock ? 1 : 0)
                        : new AwsAuthDataValue(key, null, false, new SourceLocation(file, value.Line), 0));
                }

                break;
            case var other:
                throw ManifestException.At(file, other.Line, $"the aws-auth ConfigMap's data is a {other.KindName}, not a mapping of keys to strings.");
        }

        var resourceVersion = ((manifest.Root["metadata"] as ManifestMapping)?["resourceVersion"] as ManifestScalar)?.Value;
        var found = new AwsAuthConfigMap(manifest.Location, data.ToImmutable(), resourceVersion);
        if (AwsAuth is not null)
        {
            throw ManifestException.At(file, manifest.Location.Line,
                $"a second kube-system/aws-auth ConfigMap; the first is at {AwsAuth.Location}. Give --from the export of one cluster only.");
        }

        AwsAuth = found;
    }
}
