namespace EksAccessMigrator.Core.Ports;

/// <summary>An IAM role as ListRoles reports it.</summary>
/// <param name="Path">Its path.</param>
/// <param name="RoleName">Its name.</param>
/// <param name="RoleId">Its id.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="CreateDate">When it was created; null when IAM did not say.</param>
/// <param name="AssumeRolePolicyDocument">Its trust policy, decoded JSON; null when IAM gave none.</param>
/// <param name="Description">Its description.</param>
/// <param name="MaxSessionDuration">Its longest session, in seconds.</param>
/// <param name="Tags">Its tags (empty for none).</param>
public sealed record ListedRole(
    string Path,
    string RoleName,
    string RoleId,
    string Arn,
    DateTimeOffset? CreateDate,
    string? AssumeRolePolicyDocument,
    string? Description,
    int? MaxSessionDuration,
    IReadOnlyDictionary<string, string> Tags);
