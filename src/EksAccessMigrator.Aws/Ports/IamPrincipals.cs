using System.Runtime.CompilerServices;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>The <see cref="IIamPrincipals"/> port over <see cref="IamClient"/>: ListRoles and ListUsers, page by page.</summary>
/// <param name="iam">The IAM client.</param>
/// <param name="tracker">Sees each page request; null for none.</param>
public sealed class IamPrincipals(IamClient iam, IAwsCallTracker? tracker = null) : IIamPrincipals
{
    public async IAsyncEnumerable<IReadOnlyList<ListedRole>> ListRolePagesAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = AwsPaginator.PagesAsync<IamRole>(
            "IAM ListRoles",
            async (marker, ct) => await AwsCalls.RunAsync(tracker, () => iam.ListRolesPageAsync(null, marker, pageSize, ct)).ConfigureAwait(false),
            cancellationToken);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            yield return [.. page.Items.Select(r => new ListedRole(r.Path, r.RoleName, r.RoleId, r.Arn, r.CreateDate, r.AssumeRolePolicyDocument, r.Description, r.MaxSessionDuration, r.Tags))];
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<ListedUser>> ListUserPagesAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = AwsPaginator.PagesAsync<IamUser>(
            "IAM ListUsers",
            async (marker, ct) => await AwsCalls.RunAsync(tracker, () => iam.ListUsersPageAsync(null, marker, pageSize, ct)).ConfigureAwait(false),
            cancellationToken);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            yield return [.. page.Items.Select(u => new ListedUser(u.Path, u.UserName, u.UserId, u.Arn, u.CreateDate))];
        }
    }
}
