using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Bench.Generation;

/// <summary>Block-style YAML of a JSON tree, as kubectl prints it: plain scalars where safe, double-quoted otherwise, literal blocks for multi-line text.</summary>
internal sealed class YamlEmitter(TextWriter writer)
{
    /// <summary>Writes <paramref name="node"/> as an item of a block sequence at <paramref name="indent"/> (kubectl's style: "- " at the parent's column).</summary>
    public void WriteListItem(JsonNode? node, int indent)
    {
        Indent(indent);
        writer.Write("- ");
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                WriteMapping(obj, indent + 2, firstInline: true);
                break;
            default:
                WriteInline(node, indent + 2);
                break;
        }
    }

    private void WriteMapping(JsonObject obj, int indent, bool firstInline)
    {
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (!(first && firstInline))
            {
                Indent(indent);
            }

            first = false;
            writer.Write(Scalar(key));
            writer.Write(':');
            switch (value)
            {
                case JsonObject child when child.Count > 0:
                    writer.Write('\n');
                    WriteMapping(child, indent + 2, firstInline: false);
                    break;
                case JsonArray array when array.Count > 0:
                    writer.Write('\n');
                    foreach (var item in array)
                    {
                        WriteListItem(item, indent);
                    }

                    break;
                default:
                    writer.Write(' ');
                    WriteInline(value, indent + 2);
                    break;
            }
        }
    }

    private void WriteInline(JsonNode? node, int indent)
    {
        switch (node)
        {
            case null:
                writer.Write("null\n");
                break;
            case JsonObject:
                writer.Write("{}\n");
                break;
            case JsonArray:
                writer.Write("[]\n");
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text.Contains('\n', StringComparison.Ordinal))
                {
                    writer.Write(text.EndsWith('\n') ? "|\n" : "|-\n");
                    foreach (var line in text.TrimEnd('\n').Split('\n'))
                    {
                        Indent(indent);
                        writer.Write(line);
                        writer.Write('\n');
                    }
                }
                else
                {
                    writer.Write(Scalar(text));
                    writer.Write('\n');
                }

                break;
            default:
                writer.Write(node.ToJsonString());
                writer.Write('\n');
                break;
        }
    }

    private void Indent(int indent)
    {
        for (var i = 0; i < indent; i++)
        {
            writer.Write(' ');
        }
    }

    private static string Scalar(string text) => NeedsQuotes(text) ? JsonSerializer.Serialize(text) : text;

    private static bool NeedsQuotes(string text) =>
        text.Length == 0
        || text is "true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~"
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '/' or '_'))
        || text[0] is '-' or '.';
}
