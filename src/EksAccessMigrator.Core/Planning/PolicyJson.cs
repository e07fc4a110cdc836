using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Core.Planning;

/// <summary>Reading an IAM policy document (trust or permission) as JSON nodes: one parse, one string reading, for both kinds.</summary>
internal static class PolicyJson
{
    /// <summary>
    /// The document's root with <c>Statement</c> always an array (IAM allows a single statement object); null when the
    /// text is not a JSON object with a Statement.
    /// </summary>
    public static JsonObject? Parse(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject root && root["Statement"] is JsonArray or JsonObject)
            {
                if (root["Statement"] is JsonObject single)
                {
                    root["Statement"] = new JsonArray(single.DeepClone());
                }

                return root;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The node's string value; null when it is not a string.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
