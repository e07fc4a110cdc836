namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>
/// The keys of one mapping as they are read (rule P8): the API server stores one value per key, so a file with a
/// key twice in one mapping is no export of a stored object and is refused, naming both lines, never merged.
/// Most mappings have a handful of keys: those are compared in a list, and a dictionary is built only past
/// <see cref="ListLimit"/> keys, so the check stays linear without a dictionary per small mapping.
/// </summary>
internal sealed class MappingKeys(string file)
{
    private const int ListLimit = 8;

    private readonly List<KeyValuePair<string, int>> _small = [];
    private Dictionary<string, int>? _lines;

    public void Add(string key, int line)
    {
        if (_lines is null)
        {
            foreach (var (seen, first) in _small)
            {
                if (string.Equals(seen, key, StringComparison.Ordinal))
                {
                    Refuse(key, line, first);
                }
            }

            if (_small.Count < ListLimit)
            {
                _small.Add(new(key, line));
                return;
            }

            _lines = new Dictionary<string, int>(_small, StringComparer.Ordinal);
        }

        if (!_lines.TryAdd(key, line))
        {
            Refuse(key, line, _lines[key]);
        }
    }

    private void Refuse(string key, int line, int first)
    {
        var shown = key.Length <= 60 ? key : string.Concat(key.AsSpan(0, 57), "...");
        throw ManifestException.At(file, line, $"the key '{shown}' appears twice in one mapping (first at line {first}); the API server keeps one value per key, so this is not an export of a stored object and neither value is taken. Remove the duplicate and run again.");
    }
}
