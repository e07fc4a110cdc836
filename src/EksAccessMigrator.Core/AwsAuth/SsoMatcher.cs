namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>The aws-auth <c>sso</c> matcher: every IAM Identity Center role of a permission set in an account (rule A8).</summary>
public sealed record SsoMatcher(string PermissionSetName, string AccountId, string Partition)
{
    /// <summary>The name prefix of the roles IAM Identity Center creates for the permission set.</summary>
    public string RoleNamePrefix => $"AWSReservedSSO_{PermissionSetName}_";

    /// <summary>
    /// True when what follows <see cref="RoleNamePrefix"/> in a role name is the suffix IAM Identity Center gives
    /// this permission set's own roles (hex, no '_'); anything with a '_' belongs to another permission set whose
    /// name starts with this one's (rule A8).
    /// </summary>
    public static bool IsOwnSuffix(string suffix) => suffix.Length > 0 && !suffix.Contains('_', StringComparison.Ordinal);
}
