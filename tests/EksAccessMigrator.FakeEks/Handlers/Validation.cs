using EksAccessMigrator.FakeEks.Protocol;

namespace EksAccessMigrator.FakeEks.Handlers;

/// <summary>The input rules EKS enforces on access entries.</summary>
internal static class Validation
{
    private static readonly string[] ReservedUsernamePrefixes = ["system:", "eks:", "aws:", "amazon:", "iam:"];
    private static readonly string[] StandardForbiddenTemplates = ["{{SessionNameRaw}}", "{{AccessKeyID}}", "{{AccountID}}", "{{EC2PrivateDNSName}}"];

    public static ApiResponse? Groups(IReadOnlyList<string> groups, string clusterName)
    {
        foreach (var group in groups)
        {
            if (group.Length == 0 || group.Length > 63 * 4)
            {
                return EksErrors.InvalidParameter("Kubernetes group names must be between 1 and 252 characters.", clusterName);
            }

            if (group.StartsWith("system:", StringComparison.Ordinal))
            {
                return EksErrors.InvalidParameter($"The kubernetes group name {group} is invalid, it cannot start with system:", clusterName);
            }

            if (group.Contains("{{", StringComparison.Ordinal))
            {
                return EksErrors.InvalidParameter($"The kubernetes group name {group} is invalid, templates are not supported in group names.", clusterName);
            }
        }

        return null;
    }

    public static ApiResponse? Username(string username, string clusterName)
    {
        if (username.Length == 0)
        {
            return EksErrors.InvalidParameter("The username cannot be empty.", clusterName);
        }

        foreach (var prefix in ReservedUsernamePrefixes)
        {
            if (username.StartsWith(prefix, StringComparison.Ordinal))
            {
                return EksErrors.InvalidParameter($"The username {username} is invalid, it cannot start with {prefix}", clusterName);
            }
        }

        foreach (var template in StandardForbiddenTemplates)
        {
            if (username.Contains(template, StringComparison.Ordinal))
            {
                return EksErrors.InvalidParameter($"The username {username} is invalid, {template} is not supported.", clusterName);
            }
        }

        var session = username.IndexOf("{{SessionName}}", StringComparison.Ordinal);
        if (session >= 0 && username.IndexOf(':', StringComparison.Ordinal) is var colon && (colon < 0 || colon > session))
        {
            return EksErrors.InvalidParameter($"The username {username} is invalid, {{{{SessionName}}}} must follow a ':'.", clusterName);
        }

        return null;
    }
}
