using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Ports;

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
    public static Task<IReadOnlyList<ListedRole>> ListRolesAsync(IIamPrincipals iam, int pageSize, IScanProgress progress, CancellationToken cancellationToken) =>
        AllAsync(iam.ListRolePagesAsync(pageSize, cancellationToken), count => progress.StepAdvanced(ScanStep.IamRoles, count));

    public static Task<IReadOnlyList<ListedUser>> ListUsersAsync(IIamPrincipals iam, int pageSize, IScanProgress progress, CancellationToken cancellationToken) =>
        AllAsync(iam.ListUserPagesAsync(pageSize, cancellationToken), count => progress.StepAdvanced(ScanStep.IamUsers, count));

    /// <summary>The planner's snapshot: every listed principal, in ARN order.</summary>
    public static IamSnapshot Snapshot(IEnumerable<ListedRole> roles, IEnumerable<ListedUser> users)
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

    /// <summary>Every item of every page; <paramref name="progress"/> hears the running count after each page.</summary>
    private static async Task<IReadOnlyList<T>> AllAsync<T>(IAsyncEnumerable<IReadOnlyList<T>> pages, Action<int> progress)
    {
        var items = new List<T>();
        await foreach (var page in pages.ConfigureAwait(false))
        {
            items.AddRange(page);
            progress(items.Count);
        }

        return items;
    }
}
