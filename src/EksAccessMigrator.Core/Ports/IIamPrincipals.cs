namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// Every role and user of the credentials' account (the live scan, rule A1), page by page as IAM returns them, so
/// that the caller can report progress per page. Failures throw a <see cref="ServiceCallException"/>.
/// </summary>
public interface IIamPrincipals
{
    /// <summary>The roles (with their trust policies), asking for <paramref name="pageSize"/> per page.</summary>
    IAsyncEnumerable<IReadOnlyList<ListedRole>> ListRolePagesAsync(int pageSize, CancellationToken cancellationToken);

    /// <summary>The users, asking for <paramref name="pageSize"/> per page.</summary>
    IAsyncEnumerable<IReadOnlyList<ListedUser>> ListUserPagesAsync(int pageSize, CancellationToken cancellationToken);
}
