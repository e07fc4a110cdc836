using System.Text.Json;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>A role of the examples' account: in moto for the live side, in list-roles output for the offline side.</summary>
public sealed record SeedRole(string Name, string Path, string TrustPolicy)
{
    /// <summary>A trust policy for roles an example gives without one: the kube2iam/kiam node role may assume it.</summary>
    public const string NodeTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/shop-nodes\"},\"Action\":\"sts:AssumeRole\"}]}";

    public string Arn => $"arn:aws:iam::{WorkloadMoto.Account}:role{Path}{Name}";

    public static SeedRole Named(string name) => new(name, "/", NodeTrust);

    /// <summary><c>aws iam list-roles</c> output for these roles, as an --iam-snapshot file holds it.</summary>
    public static string ListRolesJson(IEnumerable<SeedRole> roles) => JsonSerializer.Serialize(new
    {
        Roles = roles.Select(r => new { r.Path, RoleName = r.Name, RoleId = "AROA" + r.Name.ToUpperInvariant(), r.Arn, AssumeRolePolicyDocument = r.TrustPolicy }),
    });

    /// <summary>
    /// <c>aws iam get-account-authorization-details</c> output for these roles (rules N1-N3): each role with no inline
    /// or attached policy, as moto holds them.
    /// </summary>
    public static string AuthorizationDetailsJson(IEnumerable<SeedRole> roles) => JsonSerializer.Serialize(new
    {
        RoleDetailList = roles.Select(r => new { r.Path, RoleName = r.Name, RoleId = "AROA" + r.Name.ToUpperInvariant(), r.Arn, AssumeRolePolicyDocument = r.TrustPolicy, RolePolicyList = Array.Empty<object>(), AttachedManagedPolicies = Array.Empty<object>() }),
        Policies = Array.Empty<object>(),
    });
}
