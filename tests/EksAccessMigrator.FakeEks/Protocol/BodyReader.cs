using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>Reads typed members from a JSON request body, remembering the first type error.</summary>
internal sealed class BodyReader(JsonObject body)
{
    public ApiResponse? Error { get; private set; }

    public bool Has(string member) => body.ContainsKey(member) && body[member] is not null;

    public string? String(string member)
    {
        var node = body[member];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            Fail(member, "string");
            return null;
        }

        return node.GetValue<string>();
    }

    public bool? Boolean(string member)
    {
        var node = body[member];
        if (node is null)
        {
            return null;
        }

        var kind = node.GetValueKind();
        if (kind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail(member, "boolean");
            return null;
        }

        return kind == JsonValueKind.True;
    }

    public List<string>? StringList(string member) => StringList(body, member);

    public List<string>? StringList(JsonObject parent, string member)
    {
        var node = parent[member];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array || array.Any(item => item is null || item.GetValueKind() != JsonValueKind.String))
        {
            Fail(member, "list of strings");
            return null;
        }

        return array.Select(item => item!.GetValue<string>()).ToList();
    }

    public SortedDictionary<string, string>? StringMap(string member)
    {
        var node = body[member];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject map || map.Any(pair => pair.Value is null || pair.Value.GetValueKind() != JsonValueKind.String))
        {
            Fail(member, "map of strings");
            return null;
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in map)
        {
            result[pair.Key] = pair.Value!.GetValue<string>();
        }

        return result;
    }

    public JsonObject? Object(string member)
    {
        var node = body[member];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject obj)
        {
            Fail(member, "structure");
            return null;
        }

        return obj;
    }

    public JsonArray? Array(string member)
    {
        var node = body[member];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            Fail(member, "list");
            return null;
        }

        return array;
    }

    private void Fail(string member, string expected) =>
        Error ??= EksErrors.Serialization($"Member '{member}' must be a {expected}.");
}
