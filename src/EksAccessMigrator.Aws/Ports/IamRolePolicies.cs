using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>The <see cref="IRolePolicies"/> port over <see cref="IamClient"/>; IAM's NoSuchEntity is the port's null or false.</summary>
/// <param name="iam">The IAM client.</param>
/// <param name="tracker">Sees each call of the live scan's reads (each page, each get); null for none.</param>
public sealed class IamRolePolicies(IamClient iam, IAwsCallTracker? tracker = null) : IRolePolicies
{
    public async Task<IReadOnlyList<string>> ListAttachedPolicyArnsAsync(string roleName, CancellationToken cancellationToken)
    {
        var attached = await AwsPaginator.ListAllAsync<IamAttachedPolicy>(
            "IAM ListAttachedRolePolicies",
            async (marker, ct) => await AwsCalls.RunAsync(tracker, () => iam.ListAttachedRolePoliciesPageAsync(roleName, marker, null, ct)).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return [.. attached.Select(p => p.PolicyArn)];
    }

    public async Task<IReadOnlyList<string>> ListPolicyNamesAsync(string roleName, CancellationToken cancellationToken) =>
        await AwsPaginator.ListAllAsync<string>(
            "IAM ListRolePolicies",
            async (marker, ct) => await AwsCalls.RunAsync(tracker, () => iam.ListRolePoliciesPageAsync(roleName, marker, null, ct)).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

    public Task<string> GetListedRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken) =>
        AwsCalls.RunAsync(tracker, () => iam.GetRolePolicyAsync(roleName, policyName, cancellationToken));

    public async Task<string> GetManagedPolicyDocumentAsync(string policyArn, CancellationToken cancellationToken)
    {
        var version = await AwsCalls.RunAsync(tracker, () => iam.GetPolicyDefaultVersionAsync(policyArn, cancellationToken)).ConfigureAwait(false);
        return await AwsCalls.RunAsync(tracker, () => iam.GetPolicyVersionDocumentAsync(policyArn, version, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<string?> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken)
    {
        try
        {
            return await iam.GetRolePolicyAsync(roleName, policyName, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    public Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken) =>
        iam.PutRolePolicyAsync(roleName, policyName, policyDocument, cancellationToken);

    public async Task<bool> DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken)
    {
        try
        {
            await iam.DeleteRolePolicyAsync(roleName, policyName, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsResourceNotFoundException)
        {
            return false;
        }
    }
}
