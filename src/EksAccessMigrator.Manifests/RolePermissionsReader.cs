using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Reads the roles' permissions from <c>aws iam get-account-authorization-details</c> output given as
/// <c>--iam-snapshot</c> (rules N1-N3): each <c>RoleDetailList</c> item's <c>AttachedManagedPolicies</c> and
/// <c>RolePolicyList</c> (inline documents, a JSON object as the AWS CLI prints them or the URL-encoded string the
/// IAM API returns), and the default version's document of every <c>Policies</c> item. Files of other shapes
/// (<c>list-roles</c>, <c>get-role</c>) carry no permissions and are passed over.
/// </summary>
public static class RolePermissionsReader
{
    /// <summary>The permissions read; null when no file was <c>get-account-authorization-details</c> output.</summary>
    public static NodeRolePolicies? Read(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var roles = ImmutableArray.CreateBuilder<NodeRolePermissions>();
        var policies = ImmutableArray.CreateBuilder<RolePolicyDocument>();
        var found = false;
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            found |= Read(stream, file, roles, policies);
        }

        return found
            ? new NodeRolePolicies([.. roles.OrderBy(r => r.RoleArn, StringComparer.Ordinal)], [.. policies.OrderBy(p => p.Name, StringComparer.Ordinal)])
            : null;
    }

    private static bool Read(Stream json, string file, ImmutableArray<NodeRolePermissions>.Builder roles, ImmutableArray<RolePolicyDocument>.Builder policies)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw ManifestException.At(file, (int)(ex.LineNumber ?? -1) + 1, $"not valid JSON: {ex.Message} --iam-snapshot takes the output of 'aws iam get-account-authorization-details'.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("RoleDetailList", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var name = Path.GetFileName(file);
            var index = 0;
            foreach (var role in list.EnumerateArray())
            {
                roles.Add(Role(role, file, $"{name}:RoleDetailList[{index}]"));
                index++;
            }

            if (root.TryGetProperty("Policies", out var managed) && managed.ValueKind == JsonValueKind.Array)
            {
                index = 0;
                foreach (var policy in managed.EnumerateArray())
                {
                    if (ManagedDocument(policy, file, $"Policies[{index}]") is { } doc)
                    {
                        policies.Add(doc);
                    }

                    index++;
                }
            }

            return true;
        }
    }

    private static NodeRolePermissions Role(JsonElement role, string file, string where)
    {
        var arnText = Text(role, "Arn");
        if (!IamPrincipalArn.TryParse(arnText, out var arn, out var error) || arn.Kind != IamPrincipalKind.Role)
        {
            throw new ManifestException($"{file}: {where}.Arn '{arnText}' is not an IAM role ARN: {error ?? "it names a user"}.");
        }

        var attached = Items(role, "AttachedManagedPolicies").Select(p => Text(p, "PolicyArn")).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var inline = Items(role, "RolePolicyList")
            .Select((p, i) => new RolePolicyDocument(
                Text(p, "PolicyName") ?? throw new ManifestException($"{file}: {where}.RolePolicyList[{i}] has no PolicyName."),
                Document(p, "PolicyDocument", file, $"{where}.RolePolicyList[{i}]")))
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        return new NodeRolePermissions(arn.ToString(), [.. attached], [.. inline], where)
        {
            CreateDate = Text(role, "CreateDate") is { } date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null,
        };
    }

    private static RolePolicyDocument? ManagedDocument(JsonElement policy, string file, string where)
    {
        var arn = Text(policy, "Arn");
        var version = Items(policy, "PolicyVersionList").FirstOrDefault(v => v.TryGetProperty("IsDefaultVersion", out var d) && d.ValueKind == JsonValueKind.True);
        return arn is null || version.ValueKind != JsonValueKind.Object || !version.TryGetProperty("Document", out _)
            ? null
            : new RolePolicyDocument(arn, Document(version, "Document", file, where));
    }

    private static List<JsonElement> Items(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    private static string? Text(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Document(JsonElement parent, string key, string file, string where) =>
        parent.TryGetProperty(key, out var doc) ? doc.ValueKind switch
        {
            JsonValueKind.Object => doc.GetRawText(),
            JsonValueKind.String => PolicyText.Decode(doc.GetString()!),
            _ => throw new ManifestException($"{file}: {where}.{key} is neither a JSON object nor a string."),
        }
        : throw new ManifestException($"{file}: {where} has no {key}.");
}
