using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Bench.Generation;

/// <summary>Writes objects as one <c>kind: List</c>, the way <c>kubectl get -o json</c> (4-space indent) or <c>-o yaml</c> prints it.</summary>
internal static class ExportWriter
{
    public static void WriteJson(string path, IEnumerable<JsonObject> objects)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("apiVersion", "v1");
        json.WritePropertyName("items");
        json.WriteStartArray();
        foreach (var item in objects)
        {
            item.WriteTo(json);
            json.Flush();
        }

        json.WriteEndArray();
        json.WriteString("kind", "List");
        json.WritePropertyName("metadata");
        json.WriteStartObject();
        json.WriteString("resourceVersion", string.Empty);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteYaml(string path, IEnumerable<JsonObject> objects)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("apiVersion: v1\nitems:\n");
        var emitter = new YamlEmitter(writer);
        foreach (var item in objects)
        {
            emitter.WriteListItem(item, 0);
        }

        writer.Write("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
    }
}
