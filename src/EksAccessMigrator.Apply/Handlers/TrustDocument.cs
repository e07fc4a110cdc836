using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.Apply.Handlers;

/// <summary>Removes, then adds trust-policy statements (by <c>Sid</c>), never twice, never touching other statements.</summary>
internal static class TrustDocument
{
    /// <summary>The document with the statements added and removed; null and a reason when a Sid is taken by a different statement.</summary>
    public static (string? Document, string? Conflict, bool Changed) Apply(string document, IEnumerable<JsonElement> added, IEnumerable<JsonElement> removed)
    {
        var root = JsonNode.Parse(document) as JsonObject ?? throw new JsonException("The trust policy is not a JSON object.");
        JsonArray statements;
        if (root["Statement"] is JsonArray array)
        {
            statements = array;
        }
        else
        {
            statements = root["Statement"] is JsonObject single ? [single.DeepClone()] : [];
            root["Statement"] = statements;
        }

        var changed = false;

        // Removed first: a statement narrowed in finalize (rule R2) comes back in its place, under its own Sid.
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var statement in removed)
        {
            var text = statement.GetRawText();
            var present = statements.Where(s => Json.SameDocument(s?.ToJsonString(), text)).ToList();
            foreach (var s in present)
            {
                if (s?["Sid"] is JsonValue v && v.TryGetValue<string>(out var removedSid))
                {
                    places.TryAdd(removedSid, statements.IndexOf(s));
                }

                statements.Remove(s);
                changed = true;
            }
        }

        foreach (var statement in added)
        {
            var node = JsonNode.Parse(statement.GetRawText());
            var sid = node?["Sid"]?.GetValue<string>();
            var same = statements.FirstOrDefault(s => sid is not null && string.Equals(s?["Sid"]?.GetValue<string>(), sid, StringComparison.Ordinal));
            if (same is not null)
            {
                if (!Json.SameDocument(same.ToJsonString(), node?.ToJsonString()))
                {
                    return (null, $"the trust policy already has a different statement with Sid {sid}", false);
                }

                continue;
            }

            if (statements.Any(s => Json.SameDocument(s?.ToJsonString(), node?.ToJsonString())))
            {
                continue;
            }

            if (sid is not null && places.TryGetValue(sid, out var place) && place <= statements.Count)
            {
                statements.Insert(place, node);
            }
            else
            {
                statements.Add(node);
            }

            changed = true;
        }

        return (root.ToJsonString(), null, changed);
    }

    public static string RoleName(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];
}
