using System.Globalization;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) over RFC 6901 pointers.</summary>
public static class JsonPatch
{
    /// <summary>Applies the operations in <paramref name="patch"/> to a copy of <paramref name="target"/>.</summary>
    public static JsonPatchResult Apply(JsonNode target, JsonNode? patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (patch is not JsonArray operations)
        {
            return new JsonPatchResult(null, "a JSON patch must be an array of operations");
        }

        var document = target.DeepClone();
        foreach (var operation in operations)
        {
            var error = operation is JsonObject op ? ApplyOne(ref document, op) : "a JSON patch operation must be an object";
            if (error is not null)
            {
                return new JsonPatchResult(null, error);
            }
        }

        return new JsonPatchResult(document, null);
    }

    private static string? ApplyOne(ref JsonNode document, JsonObject op)
    {
        var name = op["op"]?.GetValue<string>();
        var path = op["path"]?.GetValue<string>();
        if (name is null || path is null)
        {
            return "a JSON patch operation needs 'op' and 'path'";
        }

        switch (name)
        {
            case "add":
                return Add(ref document, path, op["value"]?.DeepClone(), op.ContainsKey("value"));
            case "remove":
                return Remove(document, path, out _);
            case "replace":
                var removeError = Remove(document, path, out _);
                return removeError ?? Add(ref document, path, op["value"]?.DeepClone(), op.ContainsKey("value"));
            case "move":
            case "copy":
                var from = op["from"]?.GetValue<string>();
                if (from is null)
                {
                    return $"'{name}' needs 'from'";
                }

                if (!TryResolve(document, from, out var source))
                {
                    return $"'{from}' does not exist";
                }

                var value = source?.DeepClone();
                if (name == "move")
                {
                    var moveError = Remove(document, from, out _);
                    if (moveError is not null)
                    {
                        return moveError;
                    }
                }

                return Add(ref document, path, value, true);
            case "test":
                if (!TryResolve(document, path, out var actual) || !JsonNode.DeepEquals(actual, op["value"]))
                {
                    return $"test operation failed at '{path}'";
                }

                return null;
            default:
                return $"unknown JSON patch operation '{name}'";
        }
    }

    private static string? Add(ref JsonNode document, string path, JsonNode? value, bool hasValue)
    {
        if (!hasValue)
        {
            return "'add' needs 'value'";
        }

        if (path.Length == 0)
        {
            if (value is null)
            {
                return "the document cannot be replaced by null";
            }

            document = value;
            return null;
        }

        if (!TrySplit(path, out var parentPath, out var last) || !TryResolve(document, parentPath, out var parent))
        {
            return $"the parent of '{path}' does not exist";
        }

        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                return null;
            case JsonArray array:
                if (last == "-")
                {
                    array.Add(value);
                    return null;
                }

                if (!int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > array.Count)
                {
                    return $"index '{last}' is out of range at '{path}'";
                }

                array.Insert(index, value);
                return null;
            default:
                return $"the parent of '{path}' is not a container";
        }
    }

    private static string? Remove(JsonNode document, string path, out JsonNode? removed)
    {
        removed = null;
        if (!TrySplit(path, out var parentPath, out var last) || !TryResolve(document, parentPath, out var parent))
        {
            return $"'{path}' does not exist";
        }

        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                removed = obj[last];
                obj.Remove(last);
                return null;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                removed = array[index];
                array.RemoveAt(index);
                return null;
            default:
                return $"'{path}' does not exist";
        }
    }

    private static bool TrySplit(string path, out string parentPath, out string last)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            parentPath = string.Empty;
            last = string.Empty;
            return false;
        }

        parentPath = path[..slash];
        last = Unescape(path[(slash + 1)..]);
        return true;
    }

    private static bool TryResolve(JsonNode? document, string path, out JsonNode? node)
    {
        node = document;
        if (path.Length == 0)
        {
            return true;
        }

        if (!path.StartsWith('/'))
        {
            return false;
        }

        foreach (var raw in path[1..].Split('/'))
        {
            var token = Unescape(raw);
            switch (node)
            {
                case JsonObject obj when obj.ContainsKey(token):
                    node = obj[token];
                    break;
                case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    node = array[index];
                    break;
                default:
                    node = null;
                    return false;
            }
        }

        return true;
    }

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
