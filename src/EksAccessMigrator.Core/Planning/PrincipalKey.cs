using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// How principals are compared: roles by account and name case-insensitively (their path aside); users by their ARN
/// case-insensitively (IAM user names are unique regardless of case, and the authenticator lower-cases user ARNs).
/// </summary>
internal static class PrincipalKey
{
    public static string Of(IamPrincipalArn arn) =>
        arn.Kind == IamPrincipalKind.Role
            ? $"role:{arn.Partition}:{arn.AccountId}:{arn.Name.ToLowerInvariant()}"
            : $"user:{arn.ToString().ToLowerInvariant()}";

    public static string? Of(string arn) => IamPrincipalArn.TryParse(arn, out var parsed, out _) ? Of(parsed) : null;
}
