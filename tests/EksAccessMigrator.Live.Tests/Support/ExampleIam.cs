using System.Text.Json;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>The IAM roles of a shipped example, read from its --iam-snapshot files (list-roles or get-role output).</summary>
internal static class ExampleIam
{
    public static List<SeedRole> Read(params string[] files)
    {
        var roles = new List<SeedRole>();
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var items = root.TryGetProperty("Role", out var single) ? [single] : root.GetProperty("Roles").EnumerateArray().ToList();
            roles.AddRange(items.Select(Role));
        }

        return roles;
    }

    private static SeedRole Role(JsonElement role)
    {
        var trust = !role.TryGetProperty("AssumeRolePolicyDocument", out var doc) ? SeedRole.NodeTrust
            : doc.ValueKind == JsonValueKind.Object ? doc.GetRawText()
            : Uri.UnescapeDataString(doc.GetString()!);
        return new SeedRole(role.GetProperty("RoleName").GetString()!, role.GetProperty("Path").GetString()!, trust);
    }
}
