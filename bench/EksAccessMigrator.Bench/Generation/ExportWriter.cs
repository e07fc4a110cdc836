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
        WriteJson(stream, objects);
    }

    /// <summary>The same bytes as the file <see cref="WriteJson(string, IEnumerable{JsonObject})"/> writes, to <paramref name="stream"/> (left open).</summary>
    public static void WriteJson(Stream stream, IEnumerable<JsonObject> objects)
    {
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
        WriteYaml(writer, objects);
    }

    /// <summary>The same text as the file <see cref="WriteYaml(string, IEnumerable{JsonObject})"/> writes, to <paramref name="writer"/> (left open).</summary>
    public static void WriteYaml(TextWriter writer, IEnumerable<JsonObject> objects)
    {
        writer.Write("apiVersion: v1\nitems:\n");
        var emitter = new YamlEmitter(writer);
        foreach (var item in objects)
        {
            emitter.WriteListItem(item, 0);
        }

        writer.Write("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
    }
}
