using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Planning.Workloads;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Catalogue, rules R1-R4 (IRSA to Pod Identity). Decided in <c>Planning/Workloads/IrsaServiceAccounts</c> (R1, R4;
/// the role checks of K3 applied to IRSA role ARNs) and <c>Planning/Workloads/TrustPolicyPlanner</c> (R2, R3, and
/// the trust a blocked workload keeps).
/// </summary>
public static class IrsaFindings
{
    public static readonly FindingDescriptor AddonServiceAccount = new(FindingCodes.AddonServiceAccount, Severity.Info, "R1");
    public static readonly FindingDescriptor NotIncluded = new(FindingCodes.IrsaNotIncluded, Severity.Info, "R1");
    public static readonly FindingDescriptor RoleUnresolved = new(FindingCodes.RoleUnresolved, Severity.Blocker, "R1");
    public static readonly FindingDescriptor RoleArnInvalid = new(FindingCodes.PrincipalArnInvalid, Severity.Blocker, "R1");
    public static readonly FindingDescriptor RolePathMismatch = new(FindingCodes.RolePathMismatch, Severity.Blocker, "R1");
    public static readonly FindingDescriptor RoleNotFound = new(FindingCodes.PrincipalNotFound, Severity.Blocker, "R1");
    public static readonly FindingDescriptor CrossAccountRole = new(FindingCodes.CrossAccountRole, Severity.Blocker, "R1");
    public static readonly FindingDescriptor OidcIssuerUnknown = new(FindingCodes.OidcIssuerUnknown, Severity.Info, "R2");
    public static readonly FindingDescriptor TrustStillNeeded = new(FindingCodes.TrustStillNeeded, Severity.Info, "R2");
    public static readonly FindingDescriptor WildcardTrust = new(FindingCodes.IrsaWildcardTrust, Severity.Warning, "R3");
    public static readonly FindingDescriptor UnsupportedCompute = new(FindingCodes.PodIdentityUnsupportedCompute, Severity.Blocker, "R4");

    /// <summary>R1: a ServiceAccount of an EKS add-on is left to the add-on.</summary>
    public static Finding AddonOwned(string key) =>
        AddonServiceAccount.Create(key,
            $"{key} belongs to an EKS add-on; move it to Pod Identity through the add-on's own podIdentityAssociations setting (aws eks update-addon), not by hand. Nothing is planned for it.",
            key);

    /// <summary>R1: IRSA ServiceAccounts found, but <c>--include-irsa</c> not given.</summary>
    public static Finding IrsaLeftAlone(IReadOnlyList<string> serviceAccounts) =>
        NotIncluded.Create("irsa",
            $"{serviceAccounts.Count} ServiceAccount(s) use IRSA ({string.Join(", ", serviceAccounts.Take(10))}{(serviceAccounts.Count > 10 ? ", ..." : string.Empty)}). IRSA keeps working; add --include-irsa to plan their move to Pod Identity too.");

    /// <summary>R1 (as K3): an unrendered IRSA role.</summary>
    public static Finding RoleUnrendered(string key, string value) =>
        RoleUnresolved.Create(key, $"{key}: the IRSA role '{value}' is an unrendered template or variable. Render the manifest or export it from the cluster, then plan again.", key);

    /// <summary>R1 (as K3): an IRSA annotation that is not a role ARN.</summary>
    public static Finding NotARoleArn(string key, string value, string? error) =>
        RoleArnInvalid.Create(key, $"{key}: '{value}' is not an IAM role ARN ({error ?? "it names a user"}). IRSA cannot have worked with it; fix or remove the annotation.", key);

    /// <summary>R1 (as K3): the IAM data contradicts the IRSA role ARN.</summary>
    internal static Finding RoleNotVerified(string key, IamPrincipalArn arn, RoleProblem problem)
    {
        var descriptor = problem.Kind switch
        {
            RoleProblemKind.PathMismatch => RolePathMismatch,
            RoleProblemKind.NotFound => RoleNotFound,
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "Not a verification problem."),
        };
        return descriptor.Create(key, $"{key} uses {arn}, but {RoleProblemWording.Describe(problem)}. It stays on IRSA.", key);
    }

    /// <summary>R1 (as K7): an IRSA role outside the cluster's account.</summary>
    public static Finding RoleInOtherAccount(string key, IamPrincipalArn role, string clusterAccount) =>
        CrossAccountRole.Create(key,
            $"{key} uses {role} of account {role.AccountId}; a Pod Identity association's role must be in the cluster's account {clusterAccount}. It stays on IRSA. Create a role in {clusterAccount} that may assume it and associate that with targetRoleArn.",
            key);

    /// <summary>R2: without <c>--oidc-issuer</c> this cluster's OIDC statement cannot be told from another cluster's.</summary>
    public static Finding IssuerUnknown(IamPrincipalArn role, IEnumerable<string> sources) =>
        OidcIssuerUnknown.Create(role.ToString(),
            $"{role} was used through IRSA; to remove this cluster's OIDC trust statement (and never another cluster's), give --oidc-issuer with the cluster's issuer URL.",
            sources);

    /// <summary>
    /// R2 and the reference's rule for blockers: finalize keeps the trust that workloads not migrated still need,
    /// through the agent (<paramref name="agent"/>, <paramref name="usedThroughAgent"/>) or through this cluster's
    /// OIDC provider (<paramref name="stayingOnIrsa"/>). Null when nothing needs it.
    /// </summary>
    public static Finding? TrustKept(IamPrincipalArn role, string agent, IReadOnlyList<string> usedThroughAgent, IReadOnlyList<string> stayingOnIrsa, IEnumerable<string> sources)
    {
        var reasons = new List<string>();
        if (usedThroughAgent.Count > 0)
        {
            reasons.Add($"{role} is still used through {agent} by {List(usedThroughAgent)} (blocked or not migrated, or with a role that cannot be known and may be this one), so its trust in the agents stays until they are migrated too");
        }

        if (stayingOnIrsa.Count > 0)
        {
            reasons.Add($"its trust in this cluster's OIDC provider is still needed by {List(stayingOnIrsa)}, which stay on IRSA, so only the migrated ServiceAccounts' subjects are taken out of it");
        }

        return reasons.Count == 0 ? null : TrustStillNeeded.Create(role.ToString(), string.Join("; ", reasons) + ".", sources.Distinct());
    }

    /// <summary>R3: a wildcard <c>:sub</c> condition; each ServiceAccount found needs its own association.</summary>
    public static Finding Wildcards(IamPrincipalArn role, IEnumerable<string> wildcards, IEnumerable<string> serviceAccounts, IEnumerable<string> sources) =>
        WildcardTrust.Create(role.ToString(),
            $"{role} trusts IRSA tokens by wildcard ({string.Join(", ", wildcards)}). Pod Identity needs one association per ServiceAccount; the ones found in the inputs are {string.Join(", ", serviceAccounts)}, each planned separately. ServiceAccounts not in the inputs that the wildcard also matched lose the role at clean-up: list them and plan again with them included.",
            sources);

    /// <summary>R4 (as K9): an IRSA ServiceAccount used on Windows nodes or Fargate stays on IRSA.</summary>
    public static Finding OnUnsupportedCompute(string key, IEnumerable<string> workloads) =>
        UnsupportedCompute.Create(key,
            $"{key} is used by workloads on Windows nodes or Fargate ({string.Join(", ", workloads)}); {WorkloadFindings.SupportedCompute} It stays on IRSA.",
            key);

    private static string List(IReadOnlyList<string> keys) => $"{string.Join(", ", keys.Take(10))}{(keys.Count > 10 ? ", ..." : string.Empty)}";
}
