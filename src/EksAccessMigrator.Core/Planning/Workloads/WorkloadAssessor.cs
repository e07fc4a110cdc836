using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// Decides, per workload, which role it had and whether it can move to Pod Identity: rules K3 (role value),
/// K4 (namespace restrictions), K7 (cross-account), K8 (external ID), K9 (compute), K10 (hostNetwork),
/// K11 (default role) and W4 (an IRSA annotation on its ServiceAccount wins over kube2iam/kiam).
/// </summary>
internal sealed class WorkloadAssessor(ClusterInventory inventory, IdentityConfiguration config, FindingList findings, List<string> read)
{
    private readonly Dictionary<string, NamespaceInfo> _namespaces = inventory.Workloads.Namespaces
        .GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    private readonly Dictionary<(string, string), ServiceAccountInfo> _serviceAccounts = inventory.Workloads.ServiceAccounts
        .GroupBy(s => (s.Namespace, s.Name)).ToDictionary(g => g.Key, g => g.Last());

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
            findings.Info(FindingCodes.HostNetwork, w.Key,
                $"{w.Key} runs with hostNetwork, so {agent} never gave it the role '{value}' (its metadata requests bypass the agent). Nothing is planned: it keeps the node role it has today.",
                w.Key);
            return new AssessedWorkload(w, AssessedWorkload.NoRole, null, false, value);
        }

        var resolved = RoleResolver.Resolve(value, config);
        if (resolved.Arn is null)
        {
            var fix = resolved.Code == FindingCodes.RoleBaseUnknown
                ? (config.IsKiam ? "Give --kiam-role-base-arn, or add the kiam server to --from." : "Give --kube2iam-base-role-arn, or add the kube2iam DaemonSet to --from.")
                : "Render the manifest (helm template, kustomize build) or export it from the cluster, then plan again.";
            findings.Blocker(resolved.Code!, w.Key, $"{w.Key}: {resolved.Problem}. It keeps its {agent} annotation. {fix}", w.Key);
            return new AssessedWorkload(w, AssessedWorkload.Unknown + w.Key, null, false, value);
        }

        var asWritten = resolved.Arn;
        var denied = IsDefaultRole(asWritten) ? null : NamespaceRestrictions.Denied(asWritten.ToString(), w.Namespace, _namespaces.GetValueOrDefault(w.Namespace), config);
        if (denied is not null && config.Restrictions && !_namespaces.ContainsKey(w.Namespace))
        {
            findings.Blocker(FindingCodes.NamespaceNotFound, w.Key,
                $"{w.Key} asks for {asWritten}, and {agent} restricts roles per namespace, but the Namespace {w.Namespace} is not in the inputs, so whether the role was permitted is unknown. Nothing is planned for it (a role that was not permitted must never be migrated). Add 'kubectl get namespaces -o yaml' to --from.",
                w.Key);
            return new AssessedWorkload(w, AssessedWorkload.Unknown + w.Key, asWritten, false, value);
        }

        if (denied is not null)
        {
            findings.Warning(FindingCodes.RoleNotPermitted, w.Key,
                $"{w.Key} asks for {asWritten}, but {denied}; {agent} refused it, so the workload never had this role and no association is planned. Remove the annotation, or permit the role deliberately and plan again.",
                w.Key);
            return new AssessedWorkload(w, AssessedWorkload.NoRole, null, false, value);
        }

        var verified = RoleResolver.Verify(asWritten, inventory.Iam, inventory.Workloads.TrustPolicies);
        var role = verified.Arn ?? asWritten;
        var had = AssessedWorkload.RoleKey(role);
        if (_serviceAccounts.TryGetValue((w.Namespace, w.EffectiveServiceAccount), out var sa) && sa.Annotations.TryGetValue(IrsaServiceAccounts.RoleArnKey, out var irsa))
        {
            findings.Warning(FindingCodes.IrsaShadowsAnnotation, w.Key,
                $"{w.Key} asks {agent} for {role}, but its ServiceAccount {w.Namespace}/{w.EffectiveServiceAccount} has the IRSA role {irsa}, which the AWS SDKs use first; the {agent} role was never in use. Nothing is planned from the annotation{(string.IsNullOrEmpty(irsa) ? string.Empty : " (the IRSA role is migrated with --include-irsa)")}; remove it.",
                w.Key);
            return new AssessedWorkload(w, "irsa:" + irsa.ToLowerInvariant(), role, false, value);
        }

        var blocked = false;
        if (verified.Arn is null)
        {
            findings.Blocker(verified.Code!, w.Key, $"{w.Key} asks for {asWritten}, but {verified.Problem}. It keeps its {agent} annotation; fix the annotation or the IAM data and plan again.", w.Key);
            blocked = true;
        }

        if (role.AccountId != inventory.Cluster.AccountId)
        {
            findings.Blocker(FindingCodes.CrossAccountRole, w.Key,
                $"{w.Key} uses {role} of account {role.AccountId}; a Pod Identity association's role must be in the cluster's account {inventory.Cluster.AccountId}. It keeps its {agent} annotation. Create a role in {inventory.Cluster.AccountId} that may assume {role}, and associate it with targetRoleArn {role}.",
                w.Key);
            blocked = true;
        }

        if (w.PodAnnotations.TryGetValue(config.ExternalIdKey, out var externalId) && !string.IsNullOrWhiteSpace(externalId))
        {
            findings.Blocker(FindingCodes.ExternalIdUnsupported, w.Key,
                $"{w.Key} assumes {role} with the external ID in its {config.ExternalIdKey} annotation; Pod Identity cannot pass one. It keeps its {agent} annotation. Drop the sts:ExternalId condition from the role's trust (if that is acceptable) and plan again.",
                w.Key);
            blocked = true;
        }

        if (w.SelectsWindows)
        {
            findings.Blocker(FindingCodes.PodIdentityUnsupportedCompute, w.Key,
                $"{w.Key} selects Windows nodes; {SupportedCompute} It keeps its {agent} annotation.",
                w.Key);
            blocked = true;
        }

        if (inventory.Workloads.FargateProfiles?.FirstOrDefault(p => p.Matches(w.Namespace, w.PodLabels)) is { } fargate)
        {
            findings.Blocker(FindingCodes.PodIdentityUnsupportedCompute, w.Key,
                $"{w.Key} matches the Fargate profile {fargate.Name}, so its pods run on Fargate; {SupportedCompute} It keeps its {agent} annotation.",
                w.Key);
            blocked = true;
        }

        return new AssessedWorkload(w, had, role, !blocked, value);
    }

    /// <summary>Rule K9, in the words of every unsupported-compute finding.</summary>
    public const string SupportedCompute = "EKS Pod Identity works on Linux EC2 nodes and EKS Hybrid Nodes, not on Windows nodes, Fargate or Outposts.";

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
        var role = config.DefaultRole ?? "each node's own role (--auto-discover-default-role)";
        findings.Warning(FindingCodes.DefaultRoleNotMigrated, "kube2iam/default-role",
            $"kube2iam gives {role} to every pod without a role annotation; Pod Identity has no default role, so after kube2iam is removed these {sorted.Count} workload(s) get no role from it: {string.Join(", ", sorted.Take(20))}{(sorted.Count > 20 ? $", and {sorted.Count - 20} more (see sources)" : string.Empty)}. Annotate those that need the role, and plan again.",
            [.. sorted]);
    }
}
