using System.Collections.Immutable;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Live;

/// <summary>
/// Lists every role and user of the credentials' account (rule A1), page by page with the largest page IAM allows.
/// <para>
/// Why list instead of GetRole/GetUser per referenced name: the planner treats an account it has data for as
/// completely known (a missing name is <c>principal-not-found</c>), IAM Identity Center matchers (rule A8) need every
/// role whose name starts with a prefix, and the offline path reads the same <c>list-roles</c>/<c>list-users</c>
/// output. Listing costs one request per 1,000 principals (5 sequential pages for an account with 5,000 roles), and
/// each list is one sequential stream of pages, so the concurrency stays bounded by design; per-name GetRole calls
/// would cost one request per aws-auth entry and still could not expand SSO prefixes.
/// </para>
/// </summary>
internal static class IamPrincipalLister
{
    public static async Task<IReadOnlyList<IamRole>> ListRolesAsync(IamClient iam, int pageSize, RetryRecorder recorder, IScanProgress progress, CancellationToken cancellationToken) =>
        await AwsPaginator.ListAllAsync<IamRole>(
            "IAM ListRoles",
            async (marker, ct) => await recorder.TrackAsync(() => iam.ListRolesPageAsync(null, marker, pageSize, ct)).ConfigureAwait(false),
            cancellationToken,
            count => progress.StepAdvanced(ScanStep.IamRoles, count)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<IamUser>> ListUsersAsync(IamClient iam, int pageSize, RetryRecorder recorder, IScanProgress progress, CancellationToken cancellationToken) =>
        await AwsPaginator.ListAllAsync<IamUser>(
            "IAM ListUsers",
            async (marker, ct) => await recorder.TrackAsync(() => iam.ListUsersPageAsync(null, marker, pageSize, ct)).ConfigureAwait(false),
            cancellationToken,
            count => progress.StepAdvanced(ScanStep.IamUsers, count)).ConfigureAwait(false);

    /// <summary>The planner's snapshot: every listed principal, in ARN order.</summary>
    public static IamSnapshot Snapshot(IEnumerable<IamRole> roles, IEnumerable<IamUser> users)
    {
        var principals = ImmutableArray.CreateBuilder<IamPrincipalArn>();
        foreach (var arn in roles.Select(r => r.Arn).Concat(users.Select(u => u.Arn)).Order(StringComparer.Ordinal))
        {
            if (IamPrincipalArn.TryParse(arn, out var parsed, out _))
            {
                principals.Add(parsed);
            }
        }

        return new IamSnapshot(principals.ToImmutable());
    }
}
