using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EksAccessMigrator.Manifests.Yaml;

/// <summary>
/// Builds one node (one object, or one small value) from the event stream. Aliases share the anchored node
/// instead of copying it, so alias bombs cost no memory; nesting deeper than <see cref="MaxDepth"/> is refused.
/// </summary>
internal sealed class NodeLoader(IParser parser, string file)
{
    public const int MaxDepth = 256;

    private readonly Dictionary<string, ManifestNode> _anchors = new(StringComparer.Ordinal);

    /// <summary>Forgets anchors at a document boundary (anchors are document-scoped).</summary>
    public void ResetAnchors() => _anchors.Clear();

    public ManifestNode Load(int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw ManifestException.At(file, Line(parser.Current), $"nesting is deeper than {MaxDepth} levels; this is not a Kubernetes manifest.");
        }

        switch (parser.Current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return Remember(scalar.Anchor, new ManifestScalar(
                    scalar.Value,
                    scalar.Style == ScalarStyle.Plain,
                    scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded,
                    Line(scalar)));
            case SequenceStart start:
                {
                    parser.MoveNext();
                    var items = new List<ManifestNode>();
                    while (parser.Current is not SequenceEnd)
                    {
                        items.Add(Load(depth + 1));
                    }

                    parser.MoveNext();
                    return Remember(start.Anchor, new ManifestSequence(items, Line(start)));
                }

            case MappingStart start:
                {
                    parser.MoveNext();
                    var entries = new List<KeyValuePair<string, ManifestNode>>();
                    var keys = new MappingKeys(file);
                    while (parser.Current is not MappingEnd)
                    {
                        var keyLine = Line(parser.Current);
                        if (Load(depth + 1) is not ManifestScalar key)
                        {
                            throw ManifestException.At(file, keyLine, "a mapping key is a list or mapping; Kubernetes manifests only have string keys.");
                        }

                        keys.Add(key.Value, keyLine);
                        entries.Add(new(key.Value, Load(depth + 1)));
                    }

                    parser.MoveNext();
                    return Remember(start.Anchor, new ManifestMapping(entries, Line(start)));
                }

            case AnchorAlias alias:
                parser.MoveNext();
                return _anchors.TryGetValue(alias.Value.Value, out var node)
                    ? node
                    : throw ManifestException.At(file, Line(alias), $"the alias *{alias.Value.Value} refers to no anchor.");
            default:
                throw ManifestException.At(file, Line(parser.Current), $"unexpected YAML event {parser.Current?.GetType().Name ?? "end of input"}.");
        }
    }

    private ManifestNode Remember(AnchorName anchor, ManifestNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    public static int Line(ParsingEvent? e) => e is null ? 0 : (int)e.Start.Line;
}
