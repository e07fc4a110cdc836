using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// Decides, per workload, which role it had and whether it can move to Pod Identity: rules K3 (role value),
/// K4 (namespace restrictions), K7 (cross-account), K8 (external ID), K9 (compute), K10 (hostNetwork),
/// K11 (default role) and W4 (an IRSA annotation on its ServiceAccount wins over kube2iam/kiam).
/// </summary>
internal sealed class WorkloadAssessor(ClusterInventory inventory, IdentityConfiguration config, ServiceAccountIndex accounts, FindingList findings, List<string> read)
{
    private readonly Dictionary<string, NamespaceInfo> _namespaces = inventory.Workloads.Namespaces
        .GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public List<AssessedWorkload> Assess(IEnumerable<WorkloadInfo> workloads)
    {
        var result = new List<AssessedWorkload>();
        var defaulted = new List<WorkloadInfo>();
        foreach (var w in workloads)
        {
            if (!w.PodAnnotations.TryGetValue(config.RoleKey, out var value))
            {
                if (!w.HostNetwork && !config.IsKiam && (config.DefaultRole is not null || config.DefaultRoleIsNodeRole))
                {
                    defaulted.Add(w);
                    result.Add(new AssessedWorkload(w, "default", null, false, null));
                }
                else
                {
                    result.Add(new AssessedWorkload(w, AssessedWorkload.NoRole, null, false, null));
                }

                continue;
            }

            read.Add(w.Key);
            result.Add(AssessAnnotated(w, value));
        }

        ReportDefaultRole(defaulted);
        return result;
    }

    private AssessedWorkload AssessAnnotated(WorkloadInfo w, string value)
    {
        var agent = config.IsKiam ? "kiam" : "kube2iam";
        if (w.HostNetwork)
        {
            findings.Add(WorkloadFindings.OnHostNetwork(w.Key, agent, value));
            return new AssessedWorkload(w, AssessedWorkload.NoRole, null, false, value);
        }

        var resolved = RoleResolver.Resolve(value, config);
        if (resolved.Arn is null)
        {
            findings.Add(WorkloadFindings.RoleNotResolved(w.Key, agent, config.IsKiam, resolved.Problem!));
            return new AssessedWorkload(w, AssessedWorkload.Unknown + w.Key, null, false, value);
        }

        var asWritten = resolved.Arn;
        var denied = IsDefaultRole(asWritten) ? null : NamespaceRestrictions.Denied(asWritten.ToString(), w.Namespace, _namespaces.GetValueOrDefault(w.Namespace), config);
        if (denied is not null && config.Restrictions && !_namespaces.ContainsKey(w.Namespace))
        {
            findings.Add(ProjectFindings.NamespaceMissing(w.Key, asWritten, agent, w.Namespace));
            return new AssessedWorkload(w, AssessedWorkload.Unknown + w.Key, asWritten, false, value);
        }

        if (denied is not null)
        {
            findings.Add(WorkloadFindings.NotPermitted(w.Key, asWritten, denied, agent));
            return new AssessedWorkload(w, AssessedWorkload.NoRole, null, false, value);
        }

        var verified = RoleResolver.Verify(asWritten, inventory.Iam, inventory.Workloads.TrustPolicies);
        var role = verified.Arn ?? asWritten;
        var had = AssessedWorkload.RoleKey(role);
        if (accounts.Find(w.Namespace, w.EffectiveServiceAccount) is { } sa && sa.Annotations.TryGetValue(IrsaServiceAccounts.RoleArnKey, out var irsa))
        {
            findings.Add(ProjectFindings.IrsaWinsOverAgent(w.Key, agent, role, w.Namespace, w.EffectiveServiceAccount, irsa));
            return new AssessedWorkload(w, "irsa:" + irsa.ToLowerInvariant(), role, false, value);
        }

        var blocked = false;
        if (verified.Arn is null)
        {
            findings.Add(WorkloadFindings.RoleNotVerified(w.Key, asWritten, agent, verified.Problem!));
            blocked = true;
        }

        if (role.AccountId != inventory.Cluster.AccountId)
        {
            findings.Add(WorkloadFindings.RoleInOtherAccount(w.Key, role, inventory.Cluster.AccountId, agent));
            blocked = true;
        }

        if (w.PodAnnotations.TryGetValue(config.ExternalIdKey, out var externalId) && !string.IsNullOrWhiteSpace(externalId))
        {
            findings.Add(WorkloadFindings.ExternalId(w.Key, role, config.ExternalIdKey, agent));
            blocked = true;
        }

        if (w.SelectsWindows)
        {
            findings.Add(WorkloadFindings.OnWindows(w.Key, agent));
            blocked = true;
        }

        if (inventory.Workloads.FargateProfiles?.FirstOrDefault(p => p.Matches(w.Namespace, w.PodLabels)) is { } fargate)
        {
            findings.Add(WorkloadFindings.OnFargate(w.Key, fargate.Name, agent));
            blocked = true;
        }

        return new AssessedWorkload(w, had, role, !blocked, value);
    }

    /// <summary>
    /// Rule K4: kube2iam allows its <c>--default-role</c> in every namespace. It compares the ARN it computed for the
    /// annotation with the one it computed for the default role, exactly.
    /// </summary>
    private bool IsDefaultRole(IamPrincipalArn requested) =>
        !config.IsKiam && config.DefaultRole is { } defaultRole
        && RoleResolver.Resolve(defaultRole, config).Arn is { } defaultArn
        && string.Equals(defaultArn.ToString(), requested.ToString(), StringComparison.Ordinal);

    private void ReportDefaultRole(List<WorkloadInfo> defaulted)
    {
        if (defaulted.Count == 0)
        {
            return;
        }

        var sorted = defaulted.Select(w => w.Key).Order(StringComparer.Ordinal).ToList();
        read.AddRange(sorted);
        findings.Add(WorkloadFindings.DefaultRole(config.DefaultRole, sorted));
    }
}
