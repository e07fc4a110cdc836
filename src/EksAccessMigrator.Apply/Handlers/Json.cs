using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>Small JSON helpers for journal records and request bodies.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Camel = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string Body(object value) => JsonSerializer.Serialize(value, Camel);

    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    public static string? Text(JsonObject? obj, string name) => obj?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Flag(JsonObject? obj, string name) => obj?[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static JsonObject StringMap(IReadOnlyDictionary<string, string?> values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }

    public static Dictionary<string, string?> ReadStringMap(JsonObject? obj, string name)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (obj?[name] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                result[key] = value?.GetValue<string>();
            }
        }

        return result;
    }

    /// <summary>Whether two JSON texts are the same document (member order within objects ignored).</summary>
    public static bool SameDocument(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a == b;
        }

        try
        {
            return JsonNode.DeepEquals(Normalize(JsonNode.Parse(a)), Normalize(JsonNode.Parse(b)));
        }
        catch (JsonException)
        {
            return string.Equals(a, b, StringComparison.Ordinal);
        }
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalize)]),
        _ => node?.DeepClone(),
    };
}
