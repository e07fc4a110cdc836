using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>
/// Builds one node (one object, or one small value) from the event stream. Aliases share the anchored node
/// instead of copying it, so alias bombs cost no memory; nesting deeper than <see cref="MaxDepth"/> is refused, and
/// so is a document whose aliases would expand to more than <see cref="MaxNodesThroughAliases"/> nodes (anchors
/// nested in anchors anywhere), since whoever walks the objects would walk every expanded node.
/// </summary>
internal sealed class NodeLoader(IParser parser, string file)
{
    public const int MaxDepth = 256;

    /// <summary>Nodes that aliases may add to one document: far above any real manifest, far below a bomb.</summary>
    public const long MaxNodesThroughAliases = 1_000_000;

    private readonly Dictionary<string, (ManifestNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private readonly MappingKeys _keys = new(file);
    private readonly NamePool _names = new();

    // One list of each kind per depth, reused: a node keeps a copy of exactly its size (as the JSON path does).
    private readonly List<List<KeyValuePair<string, ManifestNode>>> _entries = [];
    private readonly List<List<ManifestNode>> _items = [];
    private long _nodes;
    private long _throughAliases;

    /// <summary>Forgets anchors at a document boundary (anchors are document-scoped), and restarts the alias budget.</summary>
    public void ResetAnchors()
    {
        _anchors.Clear();
        _nodes = 0;
        _throughAliases = 0;
    }

    public ManifestNode Load(int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw ManifestException.At(file, Line(parser.Current), $"nesting is deeper than {MaxDepth} levels; this is not a Kubernetes manifest.");
        }

        var first = _nodes++;
        switch (parser.Current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return Remember(scalar.Anchor, first, new ManifestScalar(
                    _names.ShareValue(scalar.Value),
                    scalar.Style == ScalarStyle.Plain,
                    scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded,
                    Line(scalar)));
            case SequenceStart start:
                {
                    parser.MoveNext();
                    var items = At(_items, depth);
                    while (parser.Current is not SequenceEnd)
                    {
                        items.Add(Load(depth + 1));
                    }

                    parser.MoveNext();
                    return Remember(start.Anchor, first, new ManifestSequence(items.ToArray(), Line(start)));
                }

            case MappingStart start:
                {
                    parser.MoveNext();
                    var entries = At(_entries, depth);
                    var mark = _keys.Open();
                    while (parser.Current is not MappingEnd)
                    {
                        var keyLine = Line(parser.Current);
                        var key = Key(depth + 1, keyLine);
                        _keys.Add(mark, key, keyLine);
                        entries.Add(new(key, Load(depth + 1)));
                    }

                    _keys.Close(mark);
                    parser.MoveNext();
                    return Remember(start.Anchor, first, new ManifestMapping(entries.ToArray(), Line(start)));
                }

            case AnchorAlias alias:
                parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw ManifestException.At(file, Line(alias), $"the alias *{alias.Value.Value} refers to no anchor.");
                }

                _nodes += anchored.Size - 1;
                _throughAliases += anchored.Size;
                if (_throughAliases > MaxNodesThroughAliases)
                {
                    throw ManifestException.At(file, Line(alias), $"the aliases of this document expand to more than {MaxNodesThroughAliases:N0} nodes (anchors nested in anchors: an alias bomb); this is not a Kubernetes export.");
                }

                return anchored.Node;
            default:
                throw ManifestException.At(file, Line(parser.Current), $"unexpected YAML event {parser.Current?.GetType().Name ?? "end of input"}.");
        }
    }

    /// <summary>The list kept for <paramref name="depth"/>, empty.</summary>
    private static List<T> At<T>(List<List<T>> lists, int depth)
    {
        while (lists.Count <= depth)
        {
            lists.Add([]);
        }

        var list = lists[depth];
        list.Clear();
        return list;
    }

    /// <summary>A mapping key: a plain scalar is taken as its text without a node of its own (most keys); anything else is loaded as a node.</summary>
    private string Key(int depth, int line)
    {
        if (parser.Current is Scalar { Anchor.IsEmpty: true } scalar)
        {
            _nodes++;
            parser.MoveNext();
            return _names.ShareName(scalar.Value);
        }

        return Load(depth) is ManifestScalar key
            ? key.Value
            : throw ManifestException.At(file, line, "a mapping key is a list or mapping; Kubernetes manifests only have string keys.");
    }

    private ManifestNode Remember(AnchorName anchor, long firstNode, ManifestNode node)
    {
        if (!anchor.IsEmpty)
        {
            // The anchored node's size as expanded: its own nodes plus what the aliases inside it stand for.
            _anchors[anchor.Value] = (node, _nodes - firstNode);
        }

        return node;
    }

    public static int Line(ParsingEvent? e) => e is null ? 0 : (int)e.Start.Line;
}
