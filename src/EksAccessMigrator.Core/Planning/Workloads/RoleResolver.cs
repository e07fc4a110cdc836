using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>Rule K3: from an annotation value to a role ARN, as kube2iam or kiam would compute it.</summary>
internal static class RoleResolver
{
    public static bool IsUnrendered(string value) =>
        value.Contains("{{", StringComparison.Ordinal) || value.Contains("${", StringComparison.Ordinal)
        || value.Contains("$(", StringComparison.Ordinal) || value.Contains('<', StringComparison.Ordinal);

    /// <summary>The ARN the agent would assume for this value, before any IAM lookup.</summary>
    public static RoleResolution Resolve(string value, IdentityConfiguration config)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return RoleResolution.Fail(new RoleProblem(RoleProblemKind.Empty, text));
        }

        if (IsUnrendered(text))
        {
            return RoleResolution.Fail(new RoleProblem(RoleProblemKind.Unrendered, text));
        }

        string arnText;
        var isArn = config.IsKiam ? text.StartsWith("arn:", StringComparison.Ordinal) : text.StartsWith("arn:", StringComparison.OrdinalIgnoreCase);
        if (isArn)
        {
            arnText = text;
        }
        else if (config.BaseArn is null)
        {
            return RoleResolution.Fail(new RoleProblem(RoleProblemKind.BaseUnknown, text, config.BaseArnProblem));
        }
        else
        {
            arnText = config.BaseArn + (config.IsKiam && text.StartsWith('/') ? text[1..] : text);
        }

        if (!IamPrincipalArn.TryParse(arnText, out var arn, out var error) || arn.Kind != IamPrincipalKind.Role)
        {
            return RoleResolution.Fail(new RoleProblem(RoleProblemKind.NotARoleArn, arnText, error));
        }

        return RoleResolution.Of(arn);
    }

    /// <summary>
    /// Checks the ARN the agent (or IRSA) asked STS for against IAM data: a complete listing of the role's account, or a
    /// trust policy read for it. The role is exactly that ARN, path included, never a role found by its name alone: a
    /// role of that name under another path is <c>role-path-mismatch</c>; a covered account without the role is
    /// <c>principal-not-found</c>; no data keeps the ARN as asked.
    /// </summary>
    public static RoleResolution Verify(IamPrincipalArn arn, IamSnapshot iam, ImmutableArray<RoleTrustPolicy> trust)
    {
        IamPrincipalArn? elsewhere = null;
        foreach (var (known, _) in TrustPolicyIndex.Of(trust).For(arn))
        {
            if (SamePath(known, arn))
            {
                return RoleResolution.Of(known);
            }

            elsewhere ??= known;
        }

        var covered = iam.Covers(arn.AccountId);
        if (covered && iam.FindRole(arn.AccountId, arn.Name) is { } found)
        {
            if (SamePath(found, arn))
            {
                return RoleResolution.Of(found);
            }

            elsewhere ??= found;
        }

        if (elsewhere is not null)
        {
            return RoleResolution.Fail(new RoleProblem(RoleProblemKind.PathMismatch, arn.ToString(), Asked: arn, Found: elsewhere));
        }

        return covered
            ? RoleResolution.Fail(new RoleProblem(RoleProblemKind.NotFound, arn.ToString(), Asked: arn))
            : RoleResolution.Of(arn);
    }

    /// <summary>IAM paths are case-sensitive.</summary>
    private static bool SamePath(IamPrincipalArn a, IamPrincipalArn b) => string.Equals(a.Path, b.Path, StringComparison.Ordinal);

    /// <summary>The same role name in the same account (role names are unique case-insensitively), whatever the path.</summary>
    public static bool Same(IamPrincipalArn a, IamPrincipalArn b) =>
        a.Kind == b.Kind && a.AccountId == b.AccountId && a.Partition == b.Partition && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
