namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>
/// The keys of one mapping as they are read (rule P8): the API server stores one value per key, so a file with a
/// key twice in one mapping is no export of a stored object and is refused, naming both lines, never merged.
/// </summary>
internal sealed class MappingKeys(string file)
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public void Add(string key, int line)
    {
        if (_lines.TryAdd(key, line))
        {
            return;
        }

        var shown = key.Length <= 60 ? key : string.Concat(key.AsSpan(0, 57), "...");
        throw ManifestException.At(file, line, $"the key '{shown}' appears twice in one mapping (first at line {_lines[key]}); the API server keeps one value per key, so this is not an export of a stored object and neither value is taken. Remove the duplicate and run again.");
    }
}
