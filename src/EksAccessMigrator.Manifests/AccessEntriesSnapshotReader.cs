using System.Collections.Immutable;
using System.Text.Json;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Reads a cluster's existing access entries for offline plans: <c>{"accessEntries": [...]}</c>, each item shaped
/// like DescribeAccessEntry's <c>accessEntry</c> (principalArn, type, username, kubernetesGroups) plus the
/// <c>associatedAccessPolicies</c> of ListAssociatedAccessPolicies (policyArn, accessScope).
/// </summary>
public static class AccessEntriesSnapshotReader
{
    /// <summary>The one top-level key of the export.</summary>
    public const string ListKey = "accessEntries";

    public static ImmutableArray<ExistingAccessEntry> Read(string file)
    {
        using var stream = File.OpenRead(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw ManifestException.At(file, (int)(ex.LineNumber ?? -1) + 1, $"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(ListKey, out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new ManifestException($"{file}: no 'accessEntries' list; see docs/plan-format.md, \"Offline access entries\".");
            }

            var result = ImmutableArray.CreateBuilder<ExistingAccessEntry>();
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var where = $"{file}: accessEntries[{index}]";
                result.Add(new ExistingAccessEntry(
                    RequiredString(entry, "principalArn", where),
                    EntryType(RequiredString(entry, "type", where), where),
                    OptionalString(entry, "username", where),
                    Strings(entry, "kubernetesGroups", where),
                    Policies(entry, where)));
                index++;
            }

            return result.ToImmutable();
        }
    }

    private static ImmutableArray<ExistingPolicyAssociation> Policies(JsonElement entry, string where)
    {
        if (!entry.TryGetProperty("associatedAccessPolicies", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestException($"{where}.associatedAccessPolicies is not a list.");
        }

        var result = ImmutableArray.CreateBuilder<ExistingPolicyAssociation>();
        foreach (var policy in list.EnumerateArray())
        {
            var scope = policy.TryGetProperty("accessScope", out var s) && s.ValueKind == JsonValueKind.Object ? s : throw new ManifestException($"{where}: an associated policy has no accessScope.");
            var text = RequiredString(scope, "type", where + ".accessScope");
            if (!WireNames.TryParse<AccessScopeType>(text, out var type))
            {
                throw new ManifestException($"{where}.accessScope.type '{text}' is neither cluster nor namespace.");
            }

            result.Add(new ExistingPolicyAssociation(RequiredString(policy, "policyArn", where), new AccessScope(type, Strings(scope, "namespaces", where))));
        }

        return result.ToImmutable();
    }

    private static AccessEntryType EntryType(string text, string where) =>
        WireNames.TryParse<AccessEntryType>(text, out var type)
            ? type
            : throw new ManifestException($"{where}.type '{text}' is not an access-entry type ({string.Join(", ", WireNames.All<AccessEntryType>())}).");

    private static string RequiredString(JsonElement element, string name, string where) =>
        OptionalString(element, name, where) ?? throw new ManifestException($"{where} has no '{name}'.");

    private static string? OptionalString(JsonElement element, string name, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestException($"{where} is not an object.");
        }

        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ManifestException($"{where}.{name} is not a string.");
    }

    private static ImmutableArray<string> Strings(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new ManifestException($"{where}.{name} is not a list of strings.");
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }
}
