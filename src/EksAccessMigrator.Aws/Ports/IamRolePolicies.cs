using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>The <see cref="IRolePolicies"/> port over <see cref="IamClient"/>; IAM's NoSuchEntity is the port's null or false.</summary>
public sealed class IamRolePolicies(IamClient iam) : IRolePolicies
{
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
