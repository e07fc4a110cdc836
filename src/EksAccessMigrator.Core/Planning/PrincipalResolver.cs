using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Turns a mapping's principal into the real ARNs an access entry needs: rules P5 (parse), P6 (user rows without
/// the user's path), P7 (role ARNs in mapUsers, root principals), A1 (path from IAM), A7 (service-linked roles)
/// and A8 (sso matchers).
/// </summary>
internal sealed class PrincipalResolver(IamSnapshot iam, FindingList findings)
{
    /// <summary>The principals the mapping stands for; empty when a finding says why there is none.</summary>
    public ImmutableArray<IamPrincipalArn> Resolve(AwsAuthMapping mapping)
    {
        if (mapping.Sso is { } sso)
        {
            return ResolveSso(mapping, sso);
        }

        var text = mapping.Arn!;
        if (IsRootArn(text, out var rootAccount))
        {
            findings.Blocker(FindingCodes.RootPrincipalUnsupported, text,
                $"{mapping.Source} maps the root user of account {rootAccount}. The authenticator does let the root user in through this row, but EKS accepts an access entry for a root principal and then ignores it, so this access cannot be migrated. It stays in aws-auth; give the people who use the root user an IAM role or user of their own, map that instead, and plan again.",
                mapping.Source);
            return [];
        }

        if (!IamPrincipalArn.TryParse(text, out var arn, out var error))
        {
            findings.Blocker(FindingCodes.PrincipalArnInvalid, text,
                $"The ARN '{text}' in {mapping.Source} does not parse: {error}. The authenticator cannot match it either; it is not migrated. Correct the ARN in aws-auth and plan again.",
                mapping.Source);
            return [];
        }

        // Rule P7: the authenticator looks every caller up in both maps, so a role ARN in mapUsers matches the
        // role. A user ARN in mapRoles is left alone: nothing in the rules says how it behaves.
        if (mapping.IsRoleSection && arn.Kind == IamPrincipalKind.User)
        {
            findings.Blocker(FindingCodes.PrincipalArnInvalid, text,
                $"{mapping.Source} holds an IAM user ARN, but {mapping.Section} takes role ARNs; it is not migrated and stays in aws-auth. Move the entry to {AwsAuthSection.MapUsers} and plan again.",
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
        // Rows written with a path never reach here: the parser sets them aside (rule P6).
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
        if (real is null)
        {
            findings.Blocker(FindingCodes.PrincipalNotFound, arn.ToString(),
                $"{mapping.Source} maps {arn}, but account {arn.AccountId} has no such user in the IAM data. An access entry cannot be created for a principal that does not exist; it stays in aws-auth. Remove the stale mapping or refresh the IAM data.",
                mapping.Source);
            return null;
        }

        if (!string.Equals(real.ToString(), arn.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            // Rule P6: a user's canonical ARN carries its path, so a row with another path never matched.
            findings.Warning(FindingCodes.AwsAuthRowNeverMatched, arn.ToString(),
                $"{mapping.Source} maps '{arn}', but the user's ARN is {real}: the authenticator looks callers up by their canonical ARN, which includes the user's path, so this row never matched anyone and grants nothing today. It is not migrated (that would grant access nobody had). If the user should have this access, that is a new grant: review it, write the row as {real} or create the access entry deliberately; otherwise remove the row.",
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

        var overlapping = roles.Where(r => !SsoMatcher.IsOwnSuffix(r.Name[sso.RoleNamePrefix.Length..])).ToList();
        if (overlapping.Count > 0)
        {
            findings.Warning(FindingCodes.SsoMatcherOverlap, subject,
                $"{mapping.Source} matches permission set '{sso.PermissionSetName}', and the authenticator's pattern {sso.RoleNamePrefix}* also matches roles of other permission sets: {string.Join(", ", overlapping.Select(r => r.Name))}. They have this access today, so they are migrated with it (I1). If they should not have it, that is a change to today's access: rename one of the permission sets or give those roles a mapping of their own, then plan again.",
                mapping.Source);
        }

        return roles;
    }

    private static bool IsRootArn(string text, out string account)
    {
        var parts = text.Split(':');
        account = parts.Length == 6 ? parts[4] : string.Empty;
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[3].Length == 0
            && AccountIds.IsValid(parts[4]) && parts[5] == "root";
    }
}
