using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Turns a mapping's principal into the real ARNs an access entry needs: rules P5 (parse), A1 (path from IAM),
/// A7 (service-linked roles) and A8 (sso matchers).
/// </summary>
internal sealed class PrincipalResolver(IamSnapshot iam, FindingList findings)
{
    /// <summary>The principals the mapping stands for; empty when a blocker was recorded.</summary>
    public ImmutableArray<IamPrincipalArn> Resolve(AwsAuthMapping mapping)
    {
        if (mapping.Sso is { } sso)
        {
            return ResolveSso(mapping, sso);
        }

        var text = mapping.Arn!;
        if (!IamPrincipalArn.TryParse(text, out var arn, out var error))
        {
            findings.Blocker(FindingCodes.PrincipalArnInvalid, text,
                $"The ARN '{text}' in {mapping.Source} does not parse: {error}. The authenticator cannot match it either; it is not migrated. Correct the ARN in aws-auth and plan again.",
                mapping.Source);
            return [];
        }

        var expected = mapping.IsRoleSection ? IamPrincipalKind.Role : IamPrincipalKind.User;
        if (arn.Kind != expected)
        {
            findings.Blocker(FindingCodes.PrincipalArnInvalid, text,
                $"{mapping.Source} holds an IAM {Word(arn.Kind)} ARN, but {mapping.Section} takes {Word(expected)} ARNs; it is not migrated. Move the entry to {(expected == IamPrincipalKind.Role ? AwsAuthSection.MapUsers : AwsAuthSection.MapRoles)} and plan again.",
                mapping.Source);
            return [];
        }

        var resolved = arn.Kind == IamPrincipalKind.Role ? ResolveRole(mapping, arn) : ResolveUser(mapping, arn);
        if (resolved is null)
        {
            return [];
        }

        if (resolved.IsServiceLinked || (resolved.Kind == IamPrincipalKind.Role && resolved.Name.StartsWith("AWSServiceRoleFor", StringComparison.Ordinal)))
        {
            findings.Blocker(FindingCodes.ServiceLinkedRole, resolved.ToString(),
                $"{resolved} ({mapping.Source}) is a service-linked role; EKS does not allow access entries for service-linked roles. It stays in aws-auth; the service that owns it must get access its own way.",
                mapping.Source);
            return [];
        }

        return [resolved];
    }

    private IamPrincipalArn? ResolveRole(AwsAuthMapping mapping, IamPrincipalArn arn)
    {
        if (arn.Path != "/")
        {
            findings.Warning(FindingCodes.AwsAuthArnHasPath, arn.ToString(),
                $"{mapping.Source} names the role with a path ({arn.Path}). aws-auth matches role ARNs without their path, so this entry may never have matched anyone; migrating it can grant access that was not in effect. Check that the role really used this mapping before applying.",
                mapping.Source);
        }

        if (!iam.Covers(arn.AccountId))
        {
            findings.Warning(FindingCodes.PrincipalPathUnverified, arn.ToString(),
                $"No IAM data for account {arn.AccountId}, so the role's real ARN (with its IAM path) is unverified; the plan uses {arn}. If the role has a path, CreateAccessEntry will name the wrong principal. Pass --iam-snapshot with 'aws iam list-roles' output for {arn.AccountId}, or plan live.",
                mapping.Source);
            return arn;
        }

        var real = iam.FindRole(arn.AccountId, arn.Name);
        if (real is null || real.Partition != arn.Partition)
        {
            findings.Blocker(FindingCodes.PrincipalNotFound, arn.ToString(),
                $"{mapping.Source} maps the role {arn.Name}, but account {arn.AccountId} has no such role in the IAM data. An access entry cannot be created for a principal that does not exist; it stays in aws-auth. Remove the stale mapping or refresh the IAM data.",
                mapping.Source);
            return null;
        }

        return real;
    }

    private IamPrincipalArn? ResolveUser(AwsAuthMapping mapping, IamPrincipalArn arn)
    {
        if (!iam.Covers(arn.AccountId))
        {
            findings.Warning(FindingCodes.PrincipalPathUnverified, arn.ToString(),
                $"No IAM data for account {arn.AccountId}, so the user {arn} could not be checked; the plan uses the ARN as written. Pass --iam-snapshot with 'aws iam list-users' output for {arn.AccountId}, or plan live.",
                mapping.Source);
            return arn;
        }

        var real = iam.FindUser(arn.AccountId, arn.Name);
        if (real is null || real.ToString() != arn.ToString())
        {
            var hint = real is null ? "account has no such user" : $"the user's real ARN is {real}, and aws-auth compares user ARNs exactly, so this entry never matched";
            findings.Blocker(FindingCodes.PrincipalNotFound, arn.ToString(),
                $"{mapping.Source} maps {arn}, but the {hint}. It is not migrated; correct or remove the mapping.",
                mapping.Source);
            return null;
        }

        return real;
    }

    private ImmutableArray<IamPrincipalArn> ResolveSso(AwsAuthMapping mapping, SsoMatcher sso)
    {
        var subject = $"sso:{sso.Partition}:{sso.AccountId}:{sso.PermissionSetName}";
        if (!AccountIds.IsValid(sso.AccountId))
        {
            findings.Blocker(FindingCodes.PrincipalArnInvalid, subject,
                $"{mapping.Source} has an sso matcher whose accountID '{sso.AccountId}' is not a 12-digit account ID; it is not migrated. Correct it and plan again.",
                mapping.Source);
            return [];
        }

        if (!iam.Covers(sso.AccountId))
        {
            findings.Blocker(FindingCodes.SsoMatcherUnresolved, subject,
                $"{mapping.Source} matches every IAM Identity Center role of permission set '{sso.PermissionSetName}' in account {sso.AccountId}, but there is no IAM data for that account, so the roles cannot be listed. Pass --iam-snapshot with 'aws iam list-roles' output for {sso.AccountId}, or plan live.",
                mapping.Source);
            return [];
        }

        var roles = iam.RolesWithNamePrefix(sso.AccountId, sso.RoleNamePrefix)
            .Where(r => r.Partition == sso.Partition && r.Path.StartsWith("/aws-reserved/sso.amazonaws.com/", StringComparison.Ordinal))
            .ToImmutableArray();
        if (roles.IsEmpty)
        {
            findings.Blocker(FindingCodes.SsoMatcherUnresolved, subject,
                $"{mapping.Source} matches IAM Identity Center roles named {sso.RoleNamePrefix}* in account {sso.AccountId}, but the IAM data has none. Nothing can be migrated for it; check the permission set name and that it is provisioned to the account.",
                mapping.Source);
        }

        return roles;
    }

    private static string Word(IamPrincipalKind kind) => kind == IamPrincipalKind.Role ? "role" : "user";
}
