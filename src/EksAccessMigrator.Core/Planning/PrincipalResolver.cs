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
            findings.Add(AwsAuthFindings.RootUser(text, mapping.Source, rootAccount));
            return [];
        }

        if (!IamPrincipalArn.TryParse(text, out var arn, out var error))
        {
            findings.Add(AwsAuthFindings.ArnDoesNotParse(text, mapping.Source, error));
            return [];
        }

        // Rule P7: the authenticator looks every caller up in both maps, so a role ARN in mapUsers matches the
        // role. A user ARN in mapRoles is left alone: nothing in the rules says how it behaves.
        if (mapping.IsRoleSection && arn.Kind == IamPrincipalKind.User)
        {
            findings.Add(AwsAuthFindings.UserArnInRoleSection(text, mapping.Source, mapping.Section));
            return [];
        }

        var resolved = arn.Kind == IamPrincipalKind.Role ? ResolveRole(mapping, arn) : ResolveUser(mapping, arn);
        if (resolved is null)
        {
            return [];
        }

        if (resolved.IsServiceLinked || (resolved.Kind == IamPrincipalKind.Role && resolved.Name.StartsWith("AWSServiceRoleFor", StringComparison.Ordinal)))
        {
            findings.Add(AccessEntryFindings.ServiceLinked(resolved, mapping.Source));
            return [];
        }

        return [resolved];
    }

    private IamPrincipalArn? ResolveRole(AwsAuthMapping mapping, IamPrincipalArn arn)
    {
        // Rows written with a path never reach here: the parser sets them aside (rule P6).
        if (!iam.Covers(arn.AccountId))
        {
            findings.Add(AccessEntryFindings.RolePathUnverified(arn, mapping.Source));
            return arn;
        }

        var real = iam.FindRole(arn.AccountId, arn.Name);
        if (real is null || real.Partition != arn.Partition)
        {
            findings.Add(AccessEntryFindings.RoleNotFound(arn, mapping.Source));
            return null;
        }

        return real;
    }

    private IamPrincipalArn? ResolveUser(AwsAuthMapping mapping, IamPrincipalArn arn)
    {
        if (!iam.Covers(arn.AccountId))
        {
            findings.Add(AccessEntryFindings.UserPathUnverified(arn, mapping.Source));
            return arn;
        }

        var real = iam.FindUser(arn.AccountId, arn.Name);
        if (real is null)
        {
            findings.Add(AccessEntryFindings.UserNotFound(arn, mapping.Source));
            return null;
        }

        if (!string.Equals(real.ToString(), arn.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            // Rule P6: a user's canonical ARN carries its path, so a row with another path never matched.
            findings.Add(AwsAuthFindings.UserRowNeverMatched(arn.ToString(), mapping.Source, real.ToString()));
            return null;
        }

        return real;
    }

    private ImmutableArray<IamPrincipalArn> ResolveSso(AwsAuthMapping mapping, SsoMatcher sso)
    {
        var subject = $"sso:{sso.Partition}:{sso.AccountId}:{sso.PermissionSetName}";
        if (!AccountIds.IsValid(sso.AccountId))
        {
            findings.Add(AwsAuthFindings.SsoAccountInvalid(subject, mapping.Source, sso.AccountId));
            return [];
        }

        if (!iam.Covers(sso.AccountId))
        {
            findings.Add(AccessEntryFindings.SsoWithoutIamData(subject, mapping.Source, sso));
            return [];
        }

        var roles = iam.RolesWithNamePrefix(sso.AccountId, sso.RoleNamePrefix)
            .Where(r => r.Partition == sso.Partition && r.Path.StartsWith("/aws-reserved/sso.amazonaws.com/", StringComparison.Ordinal))
            .ToImmutableArray();
        if (roles.IsEmpty)
        {
            findings.Add(AccessEntryFindings.SsoWithoutRoles(subject, mapping.Source, sso));
        }

        var overlapping = roles.Where(r => !SsoMatcher.IsOwnSuffix(r.Name[sso.RoleNamePrefix.Length..])).ToList();
        if (overlapping.Count > 0)
        {
            findings.Add(AccessEntryFindings.SsoMatchesOtherPermissionSets(subject, mapping.Source, sso, overlapping.Select(r => r.Name)));
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
