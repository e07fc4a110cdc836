namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>The aws-auth <c>sso</c> matcher: every IAM Identity Center role of a permission set in an account (rule A8).</summary>
public sealed record SsoMatcher(string PermissionSetName, string AccountId, string Partition)
{
    /// <summary>The name prefix of the roles IAM Identity Center creates for the permission set.</summary>
    public string RoleNamePrefix => $"AWSReservedSSO_{PermissionSetName}_";
}
