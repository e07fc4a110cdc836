using EksAccessMigrator.Core.Plans;
using YamlDotNet.Serialization;

namespace EksAccessMigrator.Cli.Export;

/// <summary>
/// A plan as an eksctl <c>ClusterConfig</c> fragment (<c>accessConfig.accessEntries</c>,
/// <c>iam.podIdentityAssociations</c>), for teams that manage the cluster with eksctl. Only what eksctl can express is
/// in it; a comment header lists the rest.
/// </summary>
public static class EksctlExportView
{
    public static string Render(MigrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var config = new Dictionary<string, object>
        {
            ["apiVersion"] = "eksctl.io/v1alpha5",
            ["kind"] = "ClusterConfig",
            ["metadata"] = new Dictionary<string, object> { ["name"] = plan.Cluster.Name, ["region"] = plan.Cluster.Region },
        };

        var access = new Dictionary<string, object>();
        if (plan.Changes.OfType<UpdateClusterConfigChange>().LastOrDefault() is { } mode)
        {
            access["authenticationMode"] = mode.AuthenticationMode.Wire();
        }

        var policies = plan.Changes.OfType<AssociateAccessPolicyChange>().ToLookup(p => p.PrincipalArn, StringComparer.Ordinal);
        var entries = plan.Changes.OfType<CreateAccessEntryChange>().Select(e =>
        {
            var entry = new Dictionary<string, object> { ["principalARN"] = e.PrincipalArn, ["type"] = e.Type.Wire() };
            if (e.Username is not null)
            {
                entry["kubernetesUsername"] = e.Username;
            }

            if (!e.KubernetesGroups.IsDefaultOrEmpty)
            {
                entry["kubernetesGroups"] = e.KubernetesGroups.ToList();
            }

            var attached = policies[e.PrincipalArn].Select(Policy).ToList();
            if (attached.Count > 0)
            {
                entry["accessPolicies"] = attached;
            }

            return entry;
        }).ToList();
        var orphans = policies.Where(g => !entries.Any(e => (string)e["principalARN"] == g.Key)).SelectMany(g => g).ToList();
        if (entries.Count > 0)
        {
            access["accessEntries"] = entries;
        }

        if (access.Count > 0)
        {
            config["accessConfig"] = access;
        }

        var associations = plan.Changes.OfType<CreatePodIdentityAssociationChange>()
            .Select(a => new Dictionary<string, object> { ["namespace"] = a.Namespace, ["serviceAccountName"] = a.ServiceAccount, ["roleARN"] = a.RoleArn })
            .ToList();
        if (associations.Count > 0)
        {
            config["iam"] = new Dictionary<string, object> { ["podIdentityAssociations"] = associations };
        }

        var header = new List<string>
        {
            $"# eks-access-migrator export of the {plan.Phase.Wire()} plan for cluster {ExportScope.OneLine(plan.Cluster.Name)} ({ExportScope.OneLine(plan.Cluster.Region)}, account {plan.Cluster.AccountId}).",
            "# Blockers are not exported: those subjects stay on aws-auth, kube2iam, kiam or IRSA.",
        };
        var other = plan.Changes.Where(c => !ExportScope.IsExpressible(c)).ToList();
        if (other.Count > 0 || orphans.Count > 0)
        {
            header.Add($"# Not expressible in a ClusterConfig ({other.Count + orphans.Count} change(s)); apply them with eks-access-migrator:");
            header.AddRange(other.Concat(orphans).Select(c => $"#   {c.Action} {ExportScope.OneLine(c.Address)}"));
        }

        var yaml = new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(config);
        return string.Join('\n', header) + "\n" + yaml;
    }

    private static Dictionary<string, object> Policy(AssociateAccessPolicyChange p)
    {
        var scope = new Dictionary<string, object> { ["type"] = p.AccessScope.Type.Wire() };
        if (!p.AccessScope.Namespaces.IsDefaultOrEmpty)
        {
            scope["namespaces"] = p.AccessScope.Namespaces.ToList();
        }

        return new Dictionary<string, object> { ["policyARN"] = p.PolicyArn, ["accessScope"] = scope };
    }
}
