using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Catalogue, rules A1-A11 (aws-auth to access entries). Decided in <c>Planning/PrincipalResolver</c> (A1, A7, A8),
/// <c>Planning/IdentityClassifier</c> (A2 node shapes, A4, A5), <c>Planning/DesiredAccessEntries</c> (A2 accounts and
/// Linux/Windows rows, A6, A8 collisions) and <c>Planning/AccessEntryChanges</c> (A2 existing node entries, A9-A11).
/// </summary>
public static class AccessEntryFindings
{
    public static readonly FindingDescriptor PathUnverified = new(FindingCodes.PrincipalPathUnverified, Severity.Warning, "A1");
    public static readonly FindingDescriptor NotFound = new(FindingCodes.PrincipalNotFound, Severity.Blocker, "A1");
    public static readonly FindingDescriptor NodeRoleCrossAccount = new(FindingCodes.NodeRoleCrossAccount, Severity.Blocker, "A2");
    public static readonly FindingDescriptor NodeMappingUnrecognized = new(FindingCodes.NodeMappingUnrecognized, Severity.Blocker, "A2");
    public static readonly FindingDescriptor NodeRoleSharedOs = new(FindingCodes.NodeRoleSharedOs, Severity.Blocker, "A2");
    public static readonly FindingDescriptor GroupNotMigratable = new(FindingCodes.GroupNotMigratable, Severity.Blocker, "A4");
    public static readonly FindingDescriptor TemplateUnsupported = new(FindingCodes.UsernameTemplateUnsupported, Severity.Blocker, "A5");
    public static readonly FindingDescriptor ReservedPrefix = new(FindingCodes.UsernameReservedPrefix, Severity.Blocker, "A5");
    public static readonly FindingDescriptor UsernameGenerated = new(FindingCodes.UsernameGenerated, Severity.Warning, "A5");
    public static readonly FindingDescriptor SessionNameRawRewritten = new(FindingCodes.SessionNameRawRewritten, Severity.Warning, "A5");
    public static readonly FindingDescriptor MapAccounts = new(FindingCodes.MapAccountsUnsupported, Severity.Blocker, "A6");
    public static readonly FindingDescriptor ServiceLinkedRole = new(FindingCodes.ServiceLinkedRole, Severity.Blocker, "A7");
    public static readonly FindingDescriptor SsoUnresolved = new(FindingCodes.SsoMatcherUnresolved, Severity.Blocker, "A8");
    public static readonly FindingDescriptor SsoOverlap = new(FindingCodes.SsoMatcherOverlap, Severity.Warning, "A8");
    public static readonly FindingDescriptor SsoDuplicate = new(FindingCodes.AwsAuthDuplicate, Severity.Warning, "A8");
    public static readonly FindingDescriptor RowOverridden = new(FindingCodes.AwsAuthRowOverridden, Severity.Warning, "A9");
    public static readonly FindingDescriptor EntryConflict = new(FindingCodes.AccessEntryConflict, Severity.Warning, "A9");
    public static readonly FindingDescriptor ExtraPolicy = new(FindingCodes.ExtraAccessPolicy, Severity.Info, "A9");
    public static readonly FindingDescriptor CreatorAdmin = new(FindingCodes.ClusterCreatorAdmin, Severity.Info, "A10");
    public static readonly FindingDescriptor Quota = new(FindingCodes.AccessEntryQuota, Severity.Blocker, "A11");

    /// <summary>A1: no IAM data for the role's account; the path-less ARN is kept.</summary>
    public static Finding RolePathUnverified(IamPrincipalArn arn, string source) =>
        PathUnverified.Create(arn.ToString(),
            $"No IAM data for account {arn.AccountId}, so the role's real ARN (with its IAM path) is unverified; the plan uses {arn}. If the role has a path, CreateAccessEntry will name the wrong principal. Pass --iam-snapshot with 'aws iam list-roles' output for {arn.AccountId}, or plan live.",
            source);

    /// <summary>A1: no IAM data for the user's account; the ARN is kept as written.</summary>
    public static Finding UserPathUnverified(IamPrincipalArn arn, string source) =>
        PathUnverified.Create(arn.ToString(),
            $"No IAM data for account {arn.AccountId}, so the user {arn} could not be checked; the plan uses the ARN as written. Pass --iam-snapshot with 'aws iam list-users' output for {arn.AccountId}, or plan live.",
            source);

    /// <summary>A1: the account's IAM data has no such role.</summary>
    public static Finding RoleNotFound(IamPrincipalArn arn, string source) =>
        NotFound.Create(arn.ToString(),
            $"{source} maps the role {arn.Name}, but account {arn.AccountId} has no such role in the IAM data. An access entry cannot be created for a principal that does not exist; it stays in aws-auth. Remove the stale mapping or refresh the IAM data.",
            source);

    /// <summary>A1: the account's IAM data has no such user.</summary>
    public static Finding UserNotFound(IamPrincipalArn arn, string source) =>
        NotFound.Create(arn.ToString(),
            $"{source} maps {arn}, but account {arn.AccountId} has no such user in the IAM data. An access entry cannot be created for a principal that does not exist; it stays in aws-auth. Remove the stale mapping or refresh the IAM data.",
            source);

    /// <summary>A2: a node role of another account.</summary>
    public static Finding NodeRoleInOtherAccount(IamPrincipalArn principal, string source, string clusterAccount) =>
        NodeRoleCrossAccount.Create(principal.ToString(),
            $"{source} maps node role {principal}, which is in account {principal.AccountId}; node access entries must name a role in the cluster's account ({clusterAccount}). It stays in aws-auth; use a node role of the cluster's account.",
            source);

    /// <summary>A2: node-like, but none of the shapes EKS node entries express.</summary>
    public static Finding NodeShapeUnrecognized(string subject, AwsAuthMapping mapping) =>
        NodeMappingUnrecognized.Create(subject,
            $"{mapping.Source} looks like a node mapping (username '{mapping.Username ?? "(none)"}', groups [{string.Join(", ", mapping.Groups)}]) but fits none of the shapes EKS node entries express (EC2: username {IdentityClassifier.Ec2NodeUsername} with system:nodes; Fargate: username {IdentityClassifier.SessionNodeUsername} with system:node-proxier; Hybrid Nodes: username {IdentityClassifier.SessionNodeUsername} with system:nodes). A node-type entry would change the identity, so it stays in aws-auth; review it by hand.",
            mapping.Source);

    /// <summary>A2: one role mapped as a Linux node and as a Windows node.</summary>
    public static Finding LinuxAndWindowsRows(string subject, string? arn, IReadOnlyList<string> rows) =>
        NodeRoleSharedOs.Create(subject,
            $"{arn} is mapped as a Linux node and as a Windows node ({string.Join(", ", rows)}). An access entry has one type, EC2_LINUX or EC2_WINDOWS, so one kind of node would lose its identity. It stays in aws-auth; give Linux and Windows nodes separate roles, then plan again.",
            rows);

    /// <summary>A2: EKS made an entry for one kind of node, aws-auth maps the role as the other kind.</summary>
    public static Finding NodeEntryOfOtherOs(string principal, string existingType, string source, bool rowIsWindows) =>
        NodeRoleSharedOs.Create(principal,
            $"{principal} has an access entry of type {existingType} (EKS makes one for the role of a managed node group), but {source} maps it as a {(rowIsWindows ? "Windows" : "Linux")} node. A principal has one entry and an entry one type, so one kind of node depends on aws-auth; it stays there. Give Linux and Windows nodes separate roles, then plan again.",
            source);

    /// <summary>A4: <c>system:</c> groups other than system:masters.</summary>
    public static Finding SystemGroups(string subject, string source, IEnumerable<string> groups) =>
        GroupNotMigratable.Create(subject,
            $"{source} puts the principal in {string.Join(", ", groups)}. EKS rejects groups that start with 'system:' and no access policy stands for them, so the principal is not migrated and keeps its aws-auth mapping. Bind the permissions to a group of your own with RBAC, then plan again.",
            source);

    /// <summary>A5: templates in groups.</summary>
    public static Finding TemplatedGroups(string subject, string source, IEnumerable<string> groups) =>
        TemplateUnsupported.Create(subject,
            $"{source} has templated groups ({string.Join(", ", groups)}); access entries take no templates in groups. The principal keeps its aws-auth mapping.",
            source);

    /// <summary>A5: username templates access entries do not accept.</summary>
    public static Finding UsernameTemplates(string subject, string source, string username, IReadOnlyList<string> bad)
    {
        var hint = bad.Contains("{{SessionNameRaw}}") ? " (--rewrite-session-name-raw turns {{SessionNameRaw}} into {{SessionName}})" : string.Empty;
        return TemplateUnsupported.Create(subject,
            $"{source} has the username '{username}', which access entries do not accept: {string.Join(", ", bad)}. Only {{{{SessionName}}}} after a ':' is allowed{hint}. The principal keeps its aws-auth mapping.",
            source);
    }

    /// <summary>A5: a username with a prefix EKS reserves.</summary>
    public static Finding UsernameReserved(string subject, string source, string username, string prefix) =>
        ReservedPrefix.Create(subject,
            $"{source} has the username '{username}'; EKS reserves the prefix '{prefix}' and rejects it in access entries. The principal keeps its aws-auth mapping; rename the user in RBAC first.",
            source);

    /// <summary>A5: no username; EKS generates one.</summary>
    public static Finding NoUsername(string subject, string source) =>
        UsernameGenerated.Create(subject,
            $"{source} has no username, so EKS will generate one for the access entry. RBAC bindings to a user name cannot match a generated name; check that this principal relies on its groups only.",
            source);

    /// <summary>A5: <c>--rewrite-session-name-raw</c> rewrote a username.</summary>
    public static Finding SessionNameRawRewrite(string subject, string source, string username, string rewritten) =>
        SessionNameRawRewritten.Create(subject,
            $"{source}: username '{username}' becomes '{rewritten}' (--rewrite-session-name-raw). {{{{SessionName}}}} turns '@' in session names into '-', so RBAC bound to names with '@' must be updated.",
            source);

    /// <summary>A6: one per mapAccounts account.</summary>
    public static Finding MapAccountsAccount(string accountId, string source) =>
        MapAccounts.Create($"account:{accountId}",
            $"mapAccounts lets every IAM principal of account {accountId} in, with a username made from its ARN ({source}). Access entries have no equivalent: each principal needs its own entry. The account stays in aws-auth; add mapRoles/mapUsers entries for the principals that really need access, then plan again.",
            source);

    /// <summary>A7: a service-linked role.</summary>
    public static Finding ServiceLinked(IamPrincipalArn role, string source) =>
        ServiceLinkedRole.Create(role.ToString(),
            $"{role} ({source}) is a service-linked role; EKS does not allow access entries for service-linked roles. It stays in aws-auth; the service that owns it must get access its own way.",
            source);

    /// <summary>A8: no IAM data for the matcher's account.</summary>
    public static Finding SsoWithoutIamData(string subject, string source, SsoMatcher sso) =>
        SsoUnresolved.Create(subject,
            $"{source} matches every IAM Identity Center role of permission set '{sso.PermissionSetName}' in account {sso.AccountId}, but there is no IAM data for that account, so the roles cannot be listed. Pass --iam-snapshot with 'aws iam list-roles' output for {sso.AccountId}, or plan live.",
            source);

    /// <summary>A8: the IAM data has no role the matcher matches.</summary>
    public static Finding SsoWithoutRoles(string subject, string source, SsoMatcher sso) =>
        SsoUnresolved.Create(subject,
            $"{source} matches IAM Identity Center roles named {sso.RoleNamePrefix}* in account {sso.AccountId}, but the IAM data has none. Nothing can be migrated for it; check the permission set name and that it is provisioned to the account.",
            source);

    /// <summary>A8: the matcher's pattern also matches roles of other permission sets.</summary>
    public static Finding SsoMatchesOtherPermissionSets(string subject, string source, SsoMatcher sso, IEnumerable<string> roleNames) =>
        SsoOverlap.Create(subject,
            $"{source} matches permission set '{sso.PermissionSetName}', and the authenticator's pattern {sso.RoleNamePrefix}* also matches roles of other permission sets: {string.Join(", ", roleNames)}. They have this access today, so they are migrated with it (I1). If they should not have it, that is a change to today's access: rename one of the permission sets or give those roles a mapping of their own, then plan again.",
            source);

    /// <summary>
    /// A8: after expansion two mappings (a matcher and an explicit rolearn, or two matchers) land on one role; the
    /// explicit mapping wins. The parser's wording of this code is <see cref="AwsAuthFindings.Shadowed"/> (P4, P7).
    /// </summary>
    public static Finding MappedMoreThanOnce(string principal, string winner, IReadOnlyList<string> losers, IReadOnlyList<string> sources) =>
        SsoDuplicate.Create(principal,
            $"{principal} is mapped by {sources.Count} entries; {winner} is migrated and {string.Join(", ", losers)} {(losers.Count == 1 ? "is" : "are")} shadowed by it. Remove the redundant entries from aws-auth.",
            sources.Distinct());

    /// <summary>A9: an existing entry of the same type but another identity takes precedence over the row.</summary>
    internal static Finding EntryOverridesRow(DesiredAccessEntry row, ExistingAccessEntry entry, ClusterContext cluster) =>
        RowOverridden.Create(row.PrincipalArn,
            $"{row.PrincipalArn} already has an access entry, and in {cluster.AuthenticationMode.Wire()} mode the entry takes precedence over {row.Source}, so the entry is what this principal gets today. Row: {Describe(row.Username, row.Groups, row.ClusterPolicyArns.Select(p => $"{AccessPolicyArns.NameOf(p)} (cluster)"))}. Entry: {Describe(entry.Username, entry.KubernetesGroups, entry.Policies.Select(p => $"{AccessPolicyArns.NameOf(p.PolicyArn)} ({p.AccessScope.Key})"))}. The entry is not changed. If the row is what was intended, change the entry by hand after review; removing the row changes nothing.",
            row.Source);

    /// <summary>A9: an existing entry of another type.</summary>
    internal static Finding EntryOfOtherType(DesiredAccessEntry row, ExistingAccessEntry entry, ClusterContext cluster) =>
        EntryConflict.Create(row.PrincipalArn,
            $"{row.PrincipalArn} already has an access entry of type {entry.Type.Wire()}, but {row.Source} calls for {row.Type.Wire()}. In {cluster.AuthenticationMode.Wire()} mode the entry takes precedence over the row, so the entry is what works today; it is not changed (an entry's type cannot be), and removing the row changes nothing. If the row was the intended identity, delete and re-create the entry deliberately.",
            row.Source);

    /// <summary>A9: a policy association aws-auth does not call for.</summary>
    internal static Finding PolicyNotCalledFor(DesiredAccessEntry row, ExistingPolicyAssociation extra) =>
        ExtraPolicy.Create(row.PrincipalArn,
            $"{row.PrincipalArn} has {AccessPolicyArns.NameOf(extra.PolicyArn)} ({extra.AccessScope.Key} scope), which aws-auth ({row.Source}) does not call for. It is left alone; remove it deliberately if it is not wanted.",
            row.Source);

    /// <summary>A10: a cluster-admin entry aws-auth never showed (the cluster creator's).</summary>
    public static Finding CreatorAdminEntry(string principal) =>
        CreatorAdmin.Create(principal,
            $"{principal} already has a cluster-admin access entry that aws-auth never showed (EKS creates one for the cluster creator). It is left as it is; remove it deliberately if that access is not wanted.");

    /// <summary>A11: more entries than EKS allows; the principals past the quota stay in aws-auth.</summary>
    public static Finding QuotaExceeded(int existing, int creates, int quota, int over, IEnumerable<string> sources) =>
        Quota.Create("cluster",
            $"The cluster would need {existing + creates} access entries ({existing} existing, {creates} new); EKS allows {quota} per cluster. The {over} principals past the quota (last by ARN) are not planned and stay in aws-auth. Consolidate principals (for example, one role per team) or ask AWS for a higher quota, then plan again.",
            sources.Distinct());

    private static string Describe(string? username, IEnumerable<string> groups, IEnumerable<string> policies)
    {
        var groupList = groups.Order(StringComparer.Ordinal).ToList();
        var policyList = policies.Order(StringComparer.Ordinal).ToList();
        return $"username {username ?? "(generated)"}, groups [{string.Join(", ", groupList)}], policies [{string.Join(", ", policyList)}]";
    }
}
