using System.Collections.Immutable;
using System.Text.RegularExpressions;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Findings;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Decides what identity an aws-auth mapping keeps as an access entry: node types (A2: EC2 Linux and Windows,
/// Fargate, EKS Hybrid Nodes), system:masters (A3),
/// other system: groups (A4) and usernames (A5). Returns null, with blockers recorded, when EKS cannot
/// express the identity (I1: never change an identity silently).
/// </summary>
internal sealed partial class IdentityClassifier(string partition, PlannerOptions options, FindingList findings)
{
    private const string SystemMasters = "system:masters";
    private const string Bootstrappers = "system:bootstrappers";
    private const string Nodes = "system:nodes";
    private const string NodeProxier = "system:node-proxier";
    private const string KubeProxyWindows = "eks:kube-proxy-windows";
    private const string Ec2NodeUsername = "system:node:{{EC2PrivateDNSName}}";
    private const string SessionNodeUsername = "system:node:{{SessionName}}";

    private static readonly string[] NodeGroups = [Bootstrappers, Nodes, NodeProxier, KubeProxyWindows];
    private static readonly string[] ReservedPrefixes = ["system:", "eks:", "aws:", "amazon:", "iam:"];

    public MappingIdentity? Classify(AwsAuthMapping mapping, string subject)
    {
        var looksLikeNode = (mapping.Username?.StartsWith("system:node:", StringComparison.Ordinal) ?? false)
            || mapping.Groups.Any(g => NodeGroups.Contains(g, StringComparer.Ordinal));
        return looksLikeNode ? ClassifyNode(mapping, subject) : ClassifyStandard(mapping, subject);
    }

    /// <summary>The node access-entry type a mapping has the shape of (rule A2), or null.</summary>
    public static AccessEntryType? NodeType(AwsAuthMapping mapping)
    {
        var groups = mapping.Groups.ToHashSet(StringComparer.Ordinal);
        if (!mapping.IsRoleSection || !groups.Contains(Nodes) && !groups.Contains(NodeProxier))
        {
            return null;
        }

        if (mapping.Username == Ec2NodeUsername && groups.Contains(Nodes) && groups.IsSubsetOf([Bootstrappers, Nodes, KubeProxyWindows]))
        {
            return groups.Contains(KubeProxyWindows) ? AccessEntryType.Ec2Windows : AccessEntryType.Ec2Linux;
        }

        if (mapping.Username == SessionNodeUsername && groups.Contains(NodeProxier) && groups.IsSubsetOf([Bootstrappers, Nodes, NodeProxier]))
        {
            return AccessEntryType.FargateLinux;
        }

        if (mapping.Username == SessionNodeUsername && groups.Contains(Nodes) && groups.IsSubsetOf([Bootstrappers, Nodes]))
        {
            return AccessEntryType.HybridLinux;
        }

        return null;
    }

    private MappingIdentity? ClassifyNode(AwsAuthMapping mapping, string subject)
    {
        var type = NodeType(mapping);
        if (type is null)
        {
            findings.Blocker(FindingCodes.NodeMappingUnrecognized, subject,
                $"{mapping.Source} looks like a node mapping (username '{mapping.Username ?? "(none)"}', groups [{string.Join(", ", mapping.Groups)}]) but fits none of the shapes EKS node entries express (EC2: username {Ec2NodeUsername} with system:nodes; Fargate: username {SessionNodeUsername} with system:node-proxier; Hybrid Nodes: username {SessionNodeUsername} with system:nodes). A node-type entry would change the identity, so it stays in aws-auth; review it by hand.",
                mapping.Source);
            return null;
        }

        return new MappingIdentity(type.Value, null, [], []);
    }

    private MappingIdentity? ClassifyStandard(AwsAuthMapping mapping, string subject)
    {
        var ok = true;
        var isAdmin = mapping.Groups.Contains(SystemMasters, StringComparer.Ordinal);
        var otherSystemGroups = mapping.Groups.Where(g => g != SystemMasters && g.StartsWith("system:", StringComparison.Ordinal)).Distinct().ToList();
        if (otherSystemGroups.Count > 0)
        {
            ok = false;
            findings.Blocker(FindingCodes.GroupNotMigratable, subject,
                $"{mapping.Source} puts the principal in {string.Join(", ", otherSystemGroups)}. EKS rejects groups that start with 'system:' and no access policy stands for them, so the principal is not migrated and keeps its aws-auth mapping. Bind the permissions to a group of your own with RBAC, then plan again.",
                mapping.Source);
        }

        var templatedGroups = mapping.Groups.Where(g => g.Contains("{{", StringComparison.Ordinal)).ToList();
        if (templatedGroups.Count > 0)
        {
            ok = false;
            findings.Blocker(FindingCodes.UsernameTemplateUnsupported, subject,
                $"{mapping.Source} has templated groups ({string.Join(", ", templatedGroups)}); access entries take no templates in groups. The principal keeps its aws-auth mapping.",
                mapping.Source);
        }

        var username = CheckUsername(mapping, subject, ref ok);
        if (!ok)
        {
            return null;
        }

        if (username is null)
        {
            findings.Warning(FindingCodes.UsernameGenerated, subject,
                $"{mapping.Source} has no username, so EKS will generate one for the access entry. RBAC bindings to a user name cannot match a generated name; check that this principal relies on its groups only.",
                mapping.Source);
        }

        var groups = mapping.Groups.Where(g => g != SystemMasters).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var policies = isAdmin ? ImmutableArray.Create(AccessPolicyArns.ClusterAdmin(partition)) : [];
        return new MappingIdentity(AccessEntryType.Standard, username, groups, policies);
    }

    private string? CheckUsername(AwsAuthMapping mapping, string subject, ref bool ok)
    {
        var username = mapping.Username;
        if (username is null)
        {
            return null;
        }

        if (options.RewriteSessionNameRaw && username.Contains("{{SessionNameRaw}}", StringComparison.Ordinal))
        {
            var rewritten = username.Replace("{{SessionNameRaw}}", "{{SessionName}}", StringComparison.Ordinal);
            findings.Warning(FindingCodes.SessionNameRawRewritten, subject,
                $"{mapping.Source}: username '{username}' becomes '{rewritten}' (--rewrite-session-name-raw). {{{{SessionName}}}} turns '@' in session names into '-', so RBAC bound to names with '@' must be updated.",
                mapping.Source);
            username = rewritten;
        }

        var bad = Templates().Matches(username).Select(m => m.Value)
            .Where(t => t != "{{SessionName}}").Distinct().ToList();
        var sessionName = username.IndexOf("{{SessionName}}", StringComparison.Ordinal);
        if (sessionName >= 0 && !username[..sessionName].Contains(':', StringComparison.Ordinal))
        {
            bad.Add("{{SessionName}} without a ':' before it");
        }

        if (bad.Count > 0)
        {
            ok = false;
            var hint = bad.Contains("{{SessionNameRaw}}") ? " (--rewrite-session-name-raw turns {{SessionNameRaw}} into {{SessionName}})" : string.Empty;
            findings.Blocker(FindingCodes.UsernameTemplateUnsupported, subject,
                $"{mapping.Source} has the username '{username}', which access entries do not accept: {string.Join(", ", bad)}. Only {{{{SessionName}}}} after a ':' is allowed{hint}. The principal keeps its aws-auth mapping.",
                mapping.Source);
        }

        var reserved = ReservedPrefixes.FirstOrDefault(p => username.StartsWith(p, StringComparison.Ordinal));
        if (reserved is not null)
        {
            ok = false;
            findings.Blocker(FindingCodes.UsernameReservedPrefix, subject,
                $"{mapping.Source} has the username '{username}'; EKS reserves the prefix '{reserved}' and rejects it in access entries. The principal keeps its aws-auth mapping; rename the user in RBAC first.",
                mapping.Source);
        }

        return username;
    }

    [GeneratedRegex(@"\{\{[^}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Templates();
}
