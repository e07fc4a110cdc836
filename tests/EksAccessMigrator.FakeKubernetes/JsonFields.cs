using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Small helpers for reading and writing Kubernetes object JSON.</summary>
internal static class JsonFields
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static long? Long(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    public static string? Name(JsonObject obj) => String(Metadata(obj)["name"]);

    public static string? Namespace(JsonObject obj) => String(Metadata(obj)["namespace"]);

    public static string? ResourceVersion(JsonObject obj) => String(Metadata(obj)["resourceVersion"]);

    public static JsonObject Object(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject child)
        {
            return child;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}
