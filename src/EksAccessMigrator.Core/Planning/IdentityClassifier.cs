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
    internal const string Ec2NodeUsername = "system:node:{{EC2PrivateDNSName}}";
    internal const string SessionNodeUsername = "system:node:{{SessionName}}";

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
            findings.Add(AccessEntryFindings.NodeShapeUnrecognized(subject, mapping));
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
            findings.Add(AccessEntryFindings.SystemGroups(subject, mapping.Source, otherSystemGroups));
        }

        var templatedGroups = mapping.Groups.Where(g => g.Contains("{{", StringComparison.Ordinal)).ToList();
        if (templatedGroups.Count > 0)
        {
            ok = false;
            findings.Add(AccessEntryFindings.TemplatedGroups(subject, mapping.Source, templatedGroups));
        }

        var username = CheckUsername(mapping, subject, ref ok);
        if (!ok)
        {
            return null;
        }

        if (username is null)
        {
            findings.Add(AccessEntryFindings.NoUsername(subject, mapping.Source));
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
            findings.Add(AccessEntryFindings.SessionNameRawRewrite(subject, mapping.Source, username, rewritten));
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
            findings.Add(AccessEntryFindings.UsernameTemplates(subject, mapping.Source, username, bad));
        }

        var reserved = ReservedPrefixes.FirstOrDefault(p => username.StartsWith(p, StringComparison.Ordinal));
        if (reserved is not null)
        {
            ok = false;
            findings.Add(AccessEntryFindings.UsernameReserved(subject, mapping.Source, username, reserved));
        }

        return username;
    }

    [GeneratedRegex(@"\{\{[^}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Templates();
}
