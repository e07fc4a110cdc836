using System.Globalization;
using System.Text;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Signing;

namespace EksAccessMigrator.Aws.Iam;

/// <summary>Serialises IAM Query-protocol requests (form-urlencoded POST to "/", Version=2010-05-08).</summary>
public static class IamRequests
{
    public const string ApiVersion = "2010-05-08";
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public static AwsWireRequest GetRole(string roleName) => Build("GetRole", ("RoleName", roleName));

    public static AwsWireRequest GetUser(string? userName) => Build("GetUser", ("UserName", userName));

    public static AwsWireRequest ListRoles(string? pathPrefix, string? marker, int? maxItems) =>
        Build("ListRoles", ("PathPrefix", pathPrefix), ("Marker", marker), ("MaxItems", maxItems?.ToString(CultureInfo.InvariantCulture)));

    public static AwsWireRequest ListUsers(string? pathPrefix, string? marker, int? maxItems) =>
        Build("ListUsers", ("PathPrefix", pathPrefix), ("Marker", marker), ("MaxItems", maxItems?.ToString(CultureInfo.InvariantCulture)));

    public static AwsWireRequest UpdateAssumeRolePolicy(string roleName, string policyDocument) =>
        Build("UpdateAssumeRolePolicy", ("RoleName", roleName), ("PolicyDocument", policyDocument));

    public static AwsWireRequest ListAttachedRolePolicies(string roleName, string? marker, int? maxItems) =>
        Build("ListAttachedRolePolicies", ("RoleName", roleName), ("Marker", marker), ("MaxItems", maxItems?.ToString(CultureInfo.InvariantCulture)));

    public static AwsWireRequest ListRolePolicies(string roleName, string? marker, int? maxItems) =>
        Build("ListRolePolicies", ("RoleName", roleName), ("Marker", marker), ("MaxItems", maxItems?.ToString(CultureInfo.InvariantCulture)));

    public static AwsWireRequest GetRolePolicy(string roleName, string policyName) =>
        Build("GetRolePolicy", ("RoleName", roleName), ("PolicyName", policyName));

    public static AwsWireRequest PutRolePolicy(string roleName, string policyName, string policyDocument) =>
        Build("PutRolePolicy", ("RoleName", roleName), ("PolicyName", policyName), ("PolicyDocument", policyDocument));

    public static AwsWireRequest DeleteRolePolicy(string roleName, string policyName) =>
        Build("DeleteRolePolicy", ("RoleName", roleName), ("PolicyName", policyName));

    public static AwsWireRequest GetPolicy(string policyArn) => Build("GetPolicy", ("PolicyArn", policyArn));

    public static AwsWireRequest GetPolicyVersion(string policyArn, string versionId) =>
        Build("GetPolicyVersion", ("PolicyArn", policyArn), ("VersionId", versionId));

    public static AwsWireRequest ListOpenIdConnectProviders() => Build("ListOpenIDConnectProviders");

    public static AwsWireRequest TagRole(string roleName, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var parameters = new List<(string, string?)> { ("RoleName", roleName) };
        for (var i = 0; i < tags.Count; i++)
        {
            parameters.Add(($"Tags.member.{i + 1}.Key", tags[i].Key));
            parameters.Add(($"Tags.member.{i + 1}.Value", tags[i].Value));
        }

        return Build("TagRole", [.. parameters]);
    }

    private static AwsWireRequest Build(string action, params (string Name, string? Value)[] parameters)
    {
        var sb = new StringBuilder("Action=").Append(action).Append("&Version=").Append(ApiVersion);
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                sb.Append('&').Append(SigV4Encoding.FormEncode(name)).Append('=').Append(SigV4Encoding.FormEncode(value));
            }
        }

        // Every IAM call used here is a read or an idempotent overwrite, so repeating it is safe.
        return new AwsWireRequest(action, "POST", "/", string.Empty, Encoding.UTF8.GetBytes(sb.ToString()), ContentType, SafeToRetry: true);
    }
}
