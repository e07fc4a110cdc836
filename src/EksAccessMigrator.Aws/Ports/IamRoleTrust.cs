using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>The <see cref="IRoleTrust"/> port over <see cref="IamClient"/>.</summary>
public sealed class IamRoleTrust(IamClient iam) : IRoleTrust
{
    public async Task<RoleTrust> GetRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var role = await iam.GetRoleAsync(roleName, cancellationToken).ConfigureAwait(false);
        return new RoleTrust(role.Arn, role.RoleName, role.AssumeRolePolicyDocument, role.CreateDate);
    }

    public Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken) =>
        iam.UpdateAssumeRolePolicyAsync(roleName, policyDocument, cancellationToken);
}
