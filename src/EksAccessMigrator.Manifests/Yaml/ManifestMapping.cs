using System.Runtime.CompilerServices;
namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>A mapping with string keys, in document order; the loader refuses a repeated key (rule P8).</summary>
public sealed class ManifestMapping(IReadOnlyList<KeyValuePair<string, ManifestNode>> entries, int line) : ManifestNode(line)
{
    public IReadOnlyList<KeyValuePair<string, ManifestNode>> Entries { get; } = entries;

    public override string KindName => "mapping";

    public ManifestNode? this[string key]
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get
        {
            for (var i = Entries.Count - 1; i >= 0; i--)
            {
                if (Entries[i].Key == key)
                {
                    return Entries[i].Value;
                }
            }

            return null;
        }
    }
}
