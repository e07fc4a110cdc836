using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>Rule K1: reads kube2iam/kiam flags from the agents found, then applies the migrator's options over them.</summary>
internal static class IdentityConfigurationReader
{
    private static readonly HashSet<string> Kube2iamValues = ["base-role-arn", "default-role", "iam-role-key", "iam-external-id", "namespace-key", "namespace-restriction-format"];
    private static readonly HashSet<string> Kube2iamBools = ["auto-discover-base-arn", "auto-discover-default-role", "namespace-restrictions"];
    private static readonly HashSet<string> KiamValues = ["role-base-arn", "assume-role-arn"];
    private static readonly HashSet<string> KiamBools = ["role-base-arn-autodetect", "disable-strict-namespace-regexp"];

    public static IdentityConfiguration Read(WorkloadInventory workloads, WorkloadIdentityOptions options, ClusterContext cluster, FindingList findings)
    {
        var agents = workloads.Agents;
        var kube2iam = agents.Where(a => a.Agent == IdentityAgentKinds.Kube2iam).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        var kiam = agents.Where(a => a.Agent is IdentityAgentKinds.KiamServer or IdentityAgentKinds.KiamAgent).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        var useKiam = kiam.Count > 0 ? kube2iam.Count == 0 : options.KiamRoleBaseArn is not null && options.Kube2iamBaseRoleArn is null;
        if (kube2iam.Count > 0 && kiam.Count > 0)
        {
            findings.Add(ProjectFindings.BothAgents([.. kube2iam.Select(a => a.Key)], [.. kiam.Select(a => a.Key)]));
        }

        return useKiam ? Kiam(kiam, options, workloads.IamRoleKey, cluster) : Kube2iam(kube2iam, options, workloads.IamRoleKey, cluster);
    }

    private static IdentityConfiguration Kube2iam(List<IdentityAgentInfo> agents, WorkloadIdentityOptions options, string? givenRoleKey, ClusterContext cluster)
    {
        var flags = new Dictionary<string, (string Value, string Source)>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            foreach (var (name, value) in AgentArgs.Parse(agent.Args, Kube2iamValues, Kube2iamBools))
            {
                flags[name] = (value, $"{agent.Key}:--{name}");
            }
        }

        var sources = flags.Values.Select(f => f.Source).ToList();
        var settings = new List<string>();
        string? Flag(string name) => flags.TryGetValue(name, out var f) ? f.Value : null;

        string? baseArn = null;
        string? problem = null;
        var autoBase = AgentArgs.IsTrue(Flag("auto-discover-base-arn")) || AgentArgs.IsTrue(Flag("auto-discover-default-role"));
        if (options.Kube2iamBaseRoleArn is { } optionBase)
        {
            (baseArn, problem) = NormalizeBase(optionBase, "--kube2iam-base-role-arn");
            sources.Add("option:--kube2iam-base-role-arn");
        }
        else if (Flag("base-role-arn") is { } flagBase)
        {
            (baseArn, problem) = NormalizeBase(flagBase, "kube2iam --base-role-arn");
        }
        else if (autoBase)
        {
            baseArn = $"arn:{cluster.Partition}:iam::{cluster.AccountId}:role/";
            settings.Add($"base ARN auto-discovered: the node role's account, {baseArn}");
        }
        else
        {
            problem = agents.Count == 0
                ? "no kube2iam DaemonSet is in the inputs and --kube2iam-base-role-arn was not given"
                : "kube2iam has neither --base-role-arn nor --auto-discover-base-arn";
        }

        var defaultRole = options.Kube2iamDefaultRole ?? Flag("default-role");
        if (options.Kube2iamDefaultRole is not null)
        {
            sources.Add("option:--kube2iam-default-role");
        }

        var defaultIsNode = defaultRole is null && AgentArgs.IsTrue(Flag("auto-discover-default-role"));
        var roleKey = givenRoleKey ?? Flag("iam-role-key") ?? IdentityConfiguration.DefaultRoleKey;
        if (givenRoleKey is not null)
        {
            sources.Add("option:--iam-role-key");
        }

        var restrictions = options.NamespaceRestrictions ?? AgentArgs.IsTrue(Flag("namespace-restrictions"));
        if (options.NamespaceRestrictions is not null)
        {
            sources.Add("option:--namespace-restrictions");
        }

        var format = (options.NamespaceRestrictionFormat ?? Flag("namespace-restriction-format") ?? "glob").Trim().ToLowerInvariant();
        if (options.NamespaceRestrictionFormat is not null)
        {
            sources.Add("option:--namespace-restriction-format");
        }

        var externalIdFlag = Flag("iam-external-id")?.Trim();
        var externalIdKey = string.IsNullOrEmpty(externalIdFlag) ? IdentityConfiguration.DefaultExternalIdKey : externalIdFlag;
        settings.Add(baseArn is null ? $"base ARN unknown ({problem})" : $"base ARN {baseArn}");
        settings.Add(defaultRole is not null ? $"default role {defaultRole}" : defaultIsNode ? "default role: each node's own role (auto-discovered)" : "no default role");
        settings.Add($"role annotation {roleKey}");
        settings.Add(restrictions ? $"namespace restrictions on ({Flag("namespace-key") ?? IdentityConfiguration.DefaultNamespaceKey}, {format})" : "namespace restrictions off");
        if (externalIdFlag is not null)
        {
            settings.Add($"external ID annotation {externalIdKey} (--iam-external-id)");
        }

        return new IdentityConfiguration
        {
            Mechanism = IdentityAgentKinds.Kube2iam,
            BaseArn = baseArn,
            BaseArnProblem = problem,
            DefaultRole = defaultRole,
            DefaultRoleIsNodeRole = defaultIsNode,
            RoleKey = roleKey,
            ExternalIdKey = externalIdKey,
            Restrictions = restrictions,
            NamespaceKey = Flag("namespace-key") ?? IdentityConfiguration.DefaultNamespaceKey,
            RestrictionFormat = format,
            Sources = [.. sources.Distinct().Order(StringComparer.Ordinal)],
            Settings = [.. settings],
        };
    }

    private static IdentityConfiguration Kiam(List<IdentityAgentInfo> agents, WorkloadIdentityOptions options, string? givenRoleKey, ClusterContext cluster)
    {
        var flags = new Dictionary<string, (string Value, string Source)>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            foreach (var (name, value) in AgentArgs.Parse(agent.Args, KiamValues, KiamBools))
            {
                flags[name] = (value, $"{agent.Key}:--{name}");
            }
        }

        var sources = flags.Values.Select(f => f.Source).ToList();
        string? Flag(string name) => flags.TryGetValue(name, out var f) ? f.Value : null;
        string? baseArn = null;
        string? problem = null;
        if (options.KiamRoleBaseArn is { } optionBase)
        {
            (baseArn, problem) = NormalizeBase(optionBase, "--kiam-role-base-arn");
            sources.Add("option:--kiam-role-base-arn");
        }
        else if (Flag("role-base-arn") is { } flagBase)
        {
            (baseArn, problem) = NormalizeBase(flagBase, "kiam --role-base-arn");
        }
        else if (AgentArgs.IsTrue(Flag("role-base-arn-autodetect")))
        {
            baseArn = $"arn:{cluster.Partition}:iam::{cluster.AccountId}:role/";
        }
        else
        {
            problem = agents.Count == 0
                ? "no kiam server is in the inputs and --kiam-role-base-arn was not given"
                : "the kiam server has neither --role-base-arn nor --role-base-arn-autodetect";
        }

        var strict = !AgentArgs.IsTrue(Flag("disable-strict-namespace-regexp"));
        var assume = Flag("assume-role-arn");
        var settings = new List<string>
        {
            baseArn is null ? $"base ARN unknown ({problem})" : $"base ARN {baseArn}",
            $"namespace restrictions always on ({IdentityConfiguration.KiamPermittedKey}, {(strict ? "strict: ^ + expression + $" : "lax: unanchored")} regexp)",
        };
        if (assume is not null)
        {
            settings.Add($"the server assumes roles as {assume}, so app roles trust it");
        }

        return new IdentityConfiguration
        {
            Mechanism = IdentityConfiguration.Kiam,
            BaseArn = baseArn,
            BaseArnProblem = problem,
            RoleKey = givenRoleKey ?? IdentityConfiguration.DefaultRoleKey,
            Restrictions = true,
            NamespaceKey = IdentityConfiguration.KiamPermittedKey,
            RestrictionFormat = "regexp",
            KiamStrict = strict,
            KiamAssumeRoleArn = assume,
            Sources = [.. sources.Distinct().Order(StringComparer.Ordinal)],
            Settings = [.. settings],
        };
    }

    private static (string? Base, string? Problem) NormalizeBase(string value, string what)
    {
        var trimmed = value.Trim();
        if (RoleResolver.IsUnrendered(trimmed))
        {
            return (null, $"{what} '{trimmed}' is an unrendered template or variable");
        }

        if (!trimmed.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) || !trimmed.Contains(":role/", StringComparison.Ordinal) && !trimmed.EndsWith(":role", StringComparison.Ordinal))
        {
            return (null, $"{what} '{trimmed}' is not of the form arn:PARTITION:iam::ACCOUNT:role/");
        }

        if (trimmed.EndsWith(":role", StringComparison.Ordinal))
        {
            trimmed += "/";
        }

        return (trimmed.EndsWith('/') ? trimmed : trimmed + "/", null);
    }
}
