using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>
/// How aws-iam-authenticator finds a caller's row (rules P4, P6, P7): by the caller's canonical ARN, lower-cased,
/// first in the role map, then in the user map. An assumed role's canonical ARN is the path-less
/// <c>arn:PARTITION:iam::ACCOUNT:role/NAME</c>, so a role row written with a path, or as an STS session ARN,
/// is a key no caller ever has.
/// </summary>
internal static class AuthenticatorLookup
{
    /// <summary>
    /// True when no caller can ever match the row (rule P6); <paramref name="canonical"/> is the ARN the row
    /// would have needed and <paramref name="why"/> says what is wrong with the one it has.
    /// </summary>
    public static bool NeverMatches(AwsAuthMapping mapping, out string canonical, out string why)
    {
        canonical = string.Empty;
        why = string.Empty;
        if (mapping.Arn is not { } text)
        {
            return false;
        }

        if (IamPrincipalArn.TryParse(text, out var arn, out _))
        {
            if (arn.Kind != IamPrincipalKind.Role || arn.Path == "/")
            {
                return false;
            }

            canonical = arn.WithoutPath().ToString();
            why = $"it carries the role's IAM path ({arn.Path}), which canonical role ARNs never do";
            return true;
        }

        if (CallerArn.ToPrincipal(text) is { } role)
        {
            canonical = role.ToString();
            why = "it is an STS assumed-role session ARN, which the authenticator turns into the role's ARN before looking it up";
            return true;
        }

        return false;
    }

    /// <summary>
    /// The key two rows share when they stand for the same caller. The authenticator keys both maps by the
    /// lower-cased ARN (aws-iam-authenticator's <c>configmap.go</c>, <c>saveMap</c>; rule P7), so role and user ARNs
    /// alike compare case-insensitively, and a role ARN in mapUsers matches like a role row.
    /// </summary>
    public static string KeyOf(AwsAuthMapping mapping)
    {
        var text = mapping.Arn ?? string.Empty;
        if (IamPrincipalArn.TryParse(text, out var arn, out _))
        {
            return $"{(arn.Kind == IamPrincipalKind.Role ? "role" : "user")}:{text.ToLowerInvariant()}";
        }

        return $"{(mapping.IsRoleSection ? "unparsed-role" : "unparsed-user")}:{text.ToLowerInvariant()}";
    }

    /// <summary>The order in which the authenticator prefers rows of one key: mapRoles over mapUsers, then the last one.</summary>
    public static (int SectionRank, int Index) Precedence(AwsAuthMapping mapping) => (mapping.IsRoleSection ? 1 : 0, mapping.Index);
}
