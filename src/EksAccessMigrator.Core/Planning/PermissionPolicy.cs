using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// An IAM permission policy as JSON nodes, read for one question (rule N2): which statements allow
/// <c>sts:AssumeRole</c>, on which resources; and the document without such statements.
/// </summary>
internal sealed class PermissionPolicy
{
    private const string AssumeRole = "sts:AssumeRole";
    private readonly JsonObject _root;

    private PermissionPolicy(JsonObject root) => _root = root;

    /// <summary>Null when the text is not a JSON object with a Statement.</summary>
    public static PermissionPolicy? Parse(string text) => PolicyJson.Parse(text) is { } root ? new PermissionPolicy(root) : null;

    public IReadOnlyList<JsonObject> Statements => [.. ((JsonArray)_root["Statement"]!).OfType<JsonObject>()];

    /// <summary>The statement's resources when it allows sts:AssumeRole; <c>NotResource</c> counts as <c>*</c>; empty otherwise.</summary>
    public static ImmutableArray<string> AssumeResources(JsonObject statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (!string.Equals(Text(statement["Effect"]), "Allow", StringComparison.Ordinal))
        {
            return [];
        }

        var allows = statement["Action"] is { } action
            ? Values(action).Any(a => IamWildcard.Matches(a, AssumeRole, ignoreCase: true))
            : statement["NotAction"] is { } notAction && !Values(notAction).Any(a => IamWildcard.Matches(a, AssumeRole, ignoreCase: true));
        if (!allows)
        {
            return [];
        }

        return statement["Resource"] is { } resource ? [.. Values(resource)] : ["*"];
    }

    /// <summary>The document with these statements taken out, compact JSON; null when nothing would be left.</summary>
    public string? Without(IReadOnlyCollection<JsonObject> statements)
    {
        var copy = (JsonObject)_root.DeepClone();
        var list = (JsonArray)copy["Statement"]!;
        foreach (var statement in statements)
        {
            var index = list.Select((s, i) => (s, i)).First(p => JsonNode.DeepEquals(p.s, statement)).i;
            list.RemoveAt(index);
        }

        return list.Count == 0 ? null : copy.ToJsonString();
    }

    private static string? Text(JsonNode? node) => PolicyJson.Text(node);

    private static IEnumerable<string> Values(JsonNode node) => node switch
    {
        JsonArray array => array.Select(Text).OfType<string>(),
        _ => Text(node) is { } s ? [s] : [],
    };
}
