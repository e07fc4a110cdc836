using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>
/// The trust policies of the listed roles, in the form <c>TrustPolicyReader</c> yields for <c>list-roles</c> output: the
/// role's ARN and its decoded JSON document. ListRoles carries every document, so no GetRole call is needed.
/// </summary>
internal static class RoleTrustPolicies
{
    public static ImmutableArray<RoleTrustPolicy> Of(IEnumerable<ListedRole> roles) =>
        [.. roles
            .Where(r => !string.IsNullOrWhiteSpace(r.AssumeRolePolicyDocument))
            .OrderBy(r => r.Arn, StringComparer.Ordinal)
            .Select(r => new RoleTrustPolicy(r.Arn, r.AssumeRolePolicyDocument!, $"IAM ListRoles ({r.Arn})"))];
}
