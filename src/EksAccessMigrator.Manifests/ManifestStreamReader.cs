using System.Runtime.CompilerServices;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Reads Kubernetes objects from YAML (multi-document) or JSON as a stream, one object at a time: the items
/// of a <c>kind: List</c> (as <c>kubectl get -o yaml</c> prints it) are handed out one by one and never held
/// together, so memory stays flat however large the export.
/// </summary>
public static class ManifestStreamReader
{
    /// <summary>Hands every object to <paramref name="visit"/>; returns how many documents held an object or a List.</summary>
    public static int Read(TextReader text, string file, Action<ManifestObject> visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        using var parser = new ReadAheadParser(new Parser(new BoundedRunReader(text, file)), cancellationToken);
        var loader = new NodeLoader(parser, file);
        var documents = 0;
        try
        {
            parser.Consume<StreamStart>();
            while (parser.Current is not StreamEnd)
            {
                cancellationToken.ThrowIfCancellationRequested();
                parser.Consume<DocumentStart>();
                loader.ResetAnchors();
                documents += ReadDocument(parser, loader, file, visit, cancellationToken) ? 1 : 0;
                parser.Consume<DocumentEnd>();
            }

            return documents;
        }
        catch (YamlException ex)
        {
            throw ManifestException.At(file, (int)ex.Start.Line, $"not valid YAML or JSON: {FirstLine(ex.Message)}");
        }
    }

    private static bool ReadDocument(ReadAheadParser parser, NodeLoader loader, string file, Action<ManifestObject> visit, CancellationToken cancellationToken)
    {
        if (parser.Current is Scalar { Value: "" } or Scalar { Value: "null" or "~", Style: ScalarStyle.Plain })
        {
            parser.MoveNext();
            return false;
        }

        if (parser.Current is not MappingStart start)
        {
            var line = NodeLoader.Line(parser.Current);
            throw ManifestException.At(file, line, "this document is not a Kubernetes object (it is not a mapping with apiVersion and kind); --from takes exported manifests.");
        }

        parser.MoveNext();
        var entries = new List<KeyValuePair<string, ManifestNode>>();
        var streamedItems = 0;
        var firstItemLine = 0;
        var keys = new MappingKeys(file);
        var mark = keys.Open();
        while (parser.Current is not MappingEnd)
        {
            var keyLine = NodeLoader.Line(parser.Current);
            if (loader.Load() is not ManifestScalar key)
            {
                throw ManifestException.At(file, keyLine, "a mapping key is a list or mapping; Kubernetes manifests only have string keys.");
            }

            keys.Add(mark, key.Value, keyLine);

            if (key.Value == "items" && parser.Current is SequenceStart)
            {
                firstItemLine = NodeLoader.Line(parser.Current);
                parser.MoveNext();
                while (parser.Current is not SequenceEnd)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var item = loader.Load(1);
                    visit(ToObject(item, file, "List item"));
                    streamedItems++;
                }

                parser.MoveNext();
                continue;
            }

            entries.Add(new(key.Value, loader.Load(1)));
        }

        parser.MoveNext();
        var root = new ManifestMapping(entries, NodeLoader.Line(start));
        var kind = (root["kind"] as ManifestScalar)?.Value;
        if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal))
        {
            return true;
        }

        if (streamedItems > 0)
        {
            throw ManifestException.At(file, firstItemLine, $"this document has 'items' but its kind is '{kind ?? "(none)"}', not a List; only List objects (kubectl get -o yaml) hold items.");
        }

        visit(ToObject(root, file, "document"));
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ManifestObject ToObject(ManifestNode node, string file, string what)
    {
        if (node is not ManifestMapping map)
        {
            throw ManifestException.At(file, node.Line, $"this {what} is a {node.KindName}, not a Kubernetes object.");
        }

        var apiVersion = RequiredString(map, "apiVersion", file, what);
        var kind = RequiredString(map, "kind", file, what);
        string? ns = null, name = null;
        if (map["metadata"] is { } metadataNode)
        {
            if (metadataNode is not ManifestMapping metadata)
            {
                throw ManifestException.At(file, metadataNode.Line, $"{kind}.metadata is a {metadataNode.KindName}, not a mapping.");
            }

            ns = OptionalString(metadata, "namespace", file, kind);
            name = OptionalString(metadata, "name", file, kind);
        }

        return new ManifestObject(apiVersion, kind, ns, name, map, new SourceLocation(file, map.Line));
    }

    private static string RequiredString(ManifestMapping map, string key, string file, string what)
    {
        if (map[key] is ManifestScalar { IsNull: false } scalar && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            return scalar.Value;
        }

        throw ManifestException.At(file, map[key]?.Line ?? map.Line, $"this {what} has no '{key}', so it is not a Kubernetes object; --from takes exported manifests, and the AWS CLI output it recognises (aws iam list-roles, list-users, get-role, get-account-authorization-details; the access-entries export).");
    }

    private static string? OptionalString(ManifestMapping map, string key, string file, string kind)
    {
        return map[key] switch
        {
            null => null,
            ManifestScalar { IsNull: true } => null,
            ManifestScalar scalar => scalar.Value,
            var other => throw ManifestException.At(file, other.Line, $"{kind}.metadata.{key} is a {other.KindName}, not a string."),
        };
    }

    private static string FirstLine(string message)
    {
        var index = message.IndexOfAny(['\r', '\n']);
        return index < 0 ? message : message[..index];
    }
}
