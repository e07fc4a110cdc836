namespace EksAccessMigrator.Core.Ports;

/// <summary>An IAM user as ListUsers reports it.</summary>
/// <param name="Path">Its path.</param>
/// <param name="UserName">Its name.</param>
/// <param name="UserId">Its id.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="CreateDate">When it was created; null when IAM did not say.</param>
public sealed record ListedUser(string Path, string UserName, string UserId, string Arn, DateTimeOffset? CreateDate);
