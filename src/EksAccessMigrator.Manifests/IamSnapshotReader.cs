using System.Collections.Immutable;
using System.Text.Json;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Reads the JSON that <c>aws iam list-roles</c>, <c>aws iam list-users</c> and
/// <c>aws iam get-account-authorization-details</c> print (<c>{"Roles": [...]}</c>, <c>{"Users": [...]}</c>,
/// <c>{"RoleDetailList": [...], "UserDetailList": [...]}</c>, each item with an <c>Arn</c>), one or more files,
/// possibly of several accounts.
/// </summary>
public static class IamSnapshotReader
{
    /// <summary>Where roles are listed: <c>list-roles</c>, <c>get-account-authorization-details</c>.</summary>
    public static IReadOnlyList<string> RoleListKeys { get; } = ["Roles", "RoleDetailList"];

    /// <summary>Where users are listed: <c>list-users</c>, <c>get-account-authorization-details</c>.</summary>
    public static IReadOnlyList<string> UserListKeys { get; } = ["Users", "UserDetailList"];

    /// <summary>
    /// The first top-level key of a JSON file that marks it as IAM output this tool reads as an IAM snapshot
    /// (<c>get-role</c>'s <c>Role</c> included), as opposed to Kubernetes objects.
    /// </summary>
    public static IReadOnlyList<string> SnapshotKeys { get; } = ["Roles", "RoleDetailList", "Users", "UserDetailList", "Role"];

    public static IamSnapshot Read(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var principals = ImmutableArray.CreateBuilder<IamPrincipalArn>();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            principals.AddRange(Read(stream, file));
        }

        return new IamSnapshot(principals.ToImmutable());
    }

    public static IReadOnlyList<IamPrincipalArn> Read(Stream json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw ManifestException.At(file, (int)(ex.LineNumber ?? -1) + 1, $"not valid JSON: {ex.Message} --iam-snapshot takes the output of 'aws iam list-roles' or 'aws iam list-users'.");
        }

        using (document)
        {
            var root = document.RootElement;
            var result = new List<IamPrincipalArn>();
            var found = false;
            foreach (var key in RoleListKeys.Concat(UserListKeys))
            {
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(key, out var list))
                {
                    continue;
                }

                found = true;
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new ManifestException($"{file}: '{key}' is not a list.");
                }

                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var arnText = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("Arn", out var arn) && arn.ValueKind == JsonValueKind.String ? arn.GetString() : null;
                    if (!IamPrincipalArn.TryParse(arnText, out var parsed, out var error))
                    {
                        throw new ManifestException($"{file}: {key}[{index}].Arn '{arnText}' is not an IAM principal ARN: {error}.");
                    }

                    result.Add(parsed);
                    index++;
                }
            }

            if (!found)
            {
                throw new ManifestException($"{file}: no 'Roles', 'Users', 'RoleDetailList' or 'UserDetailList' list; --iam-snapshot takes the output of 'aws iam list-roles', 'aws iam list-users', 'aws iam get-role' or 'aws iam get-account-authorization-details'.");
            }

            return result;
        }
    }
}
