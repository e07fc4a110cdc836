using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Writes stored objects as deterministic JSON: objects in key order, properties sorted.</summary>
internal static class SnapshotWriter
{
    private static readonly string[] ServerFields = ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IEnumerable<JsonObject> objects, bool includeServerFields)
    {
        var array = new JsonArray();
        foreach (var obj in objects)
        {
            var copy = (JsonObject)obj.DeepClone();
            if (!includeServerFields)
            {
                copy.Remove("status");
                var metadata = JsonFields.Metadata(copy);
                foreach (var field in ServerFields)
                {
                    metadata.Remove(field);
                }
            }

            array.Add(Sorted(copy));
        }

        return array.ToJsonString(Indented);
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
