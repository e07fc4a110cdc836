using System.Collections.Immutable;
using System.Text.Json;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Reads roles' trust policies from <c>--iam-snapshot</c> files: <c>aws iam list-roles</c> and
/// <c>aws iam get-account-authorization-details</c> output (each role carries its <c>AssumeRolePolicyDocument</c>) and <c>aws iam get-role</c> output (<c>{"Role": {...}}</c>). The document may
/// be a JSON object (as the AWS CLI prints it) or the URL-encoded string the IAM API returns.
/// </summary>
public static class TrustPolicyReader
{
    /// <summary>The result for one file; <see cref="IsGetRole"/> marks <c>get-role</c> output, which names one role only.</summary>
    public sealed record FileResult(bool IsGetRole, ImmutableArray<RoleTrustPolicy> Policies, ImmutableArray<IamPrincipalArn> Roles);

    public static FileResult Read(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = File.OpenRead(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw ManifestException.At(file, (int)(ex.LineNumber ?? -1) + 1, $"not valid JSON: {ex.Message} --iam-snapshot takes the output of 'aws iam list-roles', 'aws iam list-users' or 'aws iam get-role'.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new FileResult(false, [], []);
            }

            if (root.TryGetProperty("Role", out var single))
            {
                var (policy, arn) = Role(single, file, "Role");
                return new FileResult(true, policy is null ? [] : [policy], [arn]);
            }

            var policies = ImmutableArray.CreateBuilder<RoleTrustPolicy>();
            foreach (var key in IamSnapshotReader.RoleListKeys)
            {
                if (!root.TryGetProperty(key, out var roles) || roles.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var index = 0;
                foreach (var role in roles.EnumerateArray())
                {
                    if (Role(role, file, $"{key}[{index}]").Policy is { } policy)
                    {
                        policies.Add(policy);
                    }

                    index++;
                }
            }

            return new FileResult(false, policies.ToImmutable(), []);
        }
    }

    private static (RoleTrustPolicy? Policy, IamPrincipalArn Arn) Role(JsonElement role, string file, string where)
    {
        var arnText = role.ValueKind == JsonValueKind.Object && role.TryGetProperty("Arn", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (!IamPrincipalArn.TryParse(arnText, out var arn, out var error) || arn.Kind != IamPrincipalKind.Role)
        {
            throw new ManifestException($"{file}: {where}.Arn '{arnText}' is not an IAM role ARN: {error ?? "it names a user"}.");
        }

        if (!role.TryGetProperty("AssumeRolePolicyDocument", out var doc))
        {
            return (null, arn);
        }

        var text = doc.ValueKind switch
        {
            JsonValueKind.Object => doc.GetRawText(),
            JsonValueKind.String => PolicyText.Decode(doc.GetString()!),
            _ => throw new ManifestException($"{file}: {where}.AssumeRolePolicyDocument is neither a JSON object nor a string."),
        };
        return (new RoleTrustPolicy(arn.ToString(), text, $"{Path.GetFileName(file)}:{where}"), arn);
    }
}
