using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>Stable addresses of changes: unique within a plan, the same for the same inputs (I3).</summary>
public static class Addresses
{
    public const string AuthenticationMode = "cluster/authentication-mode";

    /// <summary>A role's inline policy (rule N2): <c>role-policy/ROLE-ARN/POLICY-NAME</c>.</summary>
    public static string RolePolicy(string roleArn, string policyName) => $"role-policy/{roleArn}/{policyName}";

    public static string AccessEntry(string principalArn) => $"access-entry/{principalArn}";

    public static string AccessPolicy(string principalArn, string policyArn, AccessScope scope) =>
        $"access-policy/{principalArn}/{AccessPolicyArns.NameOf(policyArn)}/{scope.Key}";
}
