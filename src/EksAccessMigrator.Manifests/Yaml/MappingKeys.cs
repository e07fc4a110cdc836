using System.Runtime.CompilerServices;
namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>
/// The keys of the mappings being read (rule P8): the API server stores one value per key, so a file with a key
/// twice in one mapping is no export of a stored object and is refused, naming both lines, never merged.
/// One instance serves a whole reader: the open mappings' keys are kept on one stack, each mapping's from the mark
/// <see cref="Open"/> gave it, and <see cref="Close"/> drops them, so reading a mapping allocates nothing here.
/// Most mappings have a handful of keys and are compared in place; past <see cref="ListLimit"/> keys a mapping gets a
/// dictionary, so a hostile mapping of many keys stays linear.
/// </summary>
internal sealed class MappingKeys(string file)
{
    private const int ListLimit = 16;

    private readonly List<(string Key, int Line)> _keys = [];
    private readonly Stack<(int Mark, Dictionary<string, int> Lines)> _large = new();

    /// <summary>Starts a mapping; its keys are checked against each other only, whatever the enclosing mappings hold.</summary>
    public int Open() => _keys.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int mark, string key, int line)
    {
        if (_large.TryPeek(out var top) && top.Mark == mark)
        {
            if (!top.Lines.TryAdd(key, line))
            {
                Refuse(key, line, top.Lines[key]);
            }

            return;
        }

        for (var i = mark; i < _keys.Count; i++)
        {
            if (string.Equals(_keys[i].Key, key, StringComparison.Ordinal))
            {
                Refuse(key, line, _keys[i].Line);
            }
        }

        if (_keys.Count - mark < ListLimit)
        {
            _keys.Add((key, line));
            return;
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = mark; i < _keys.Count; i++)
        {
            lines.Add(_keys[i].Key, _keys[i].Line);
        }

        lines.Add(key, line);
        _large.Push((mark, lines));
    }

    /// <summary>Ends the mapping <see cref="Open"/> gave <paramref name="mark"/> to (the innermost open one).</summary>
    public void Close(int mark)
    {
        if (_large.TryPeek(out var top) && top.Mark == mark)
        {
            _large.Pop();
        }

        _keys.RemoveRange(mark, _keys.Count - mark);
    }

    private void Refuse(string key, int line, int first)
    {
        var shown = key.Length <= 60 ? key : string.Concat(key.AsSpan(0, 57), "...");
        throw ManifestException.At(file, line, $"the key '{shown}' appears twice in one mapping (first at line {first}); the API server keeps one value per key, so this is not an export of a stored object and neither value is taken. Remove the duplicate and run again.");
    }
}
