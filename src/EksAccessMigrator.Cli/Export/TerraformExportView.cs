using System.Text;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Export;

/// <summary>
/// A plan as Terraform for teams that keep EKS in code: <c>aws_eks_access_entry</c>,
/// <c>aws_eks_access_policy_association</c> and <c>aws_eks_pod_identity_association</c> for what the plan creates,
/// <c>import</c> blocks (Terraform 1.5+) for what already exists, and comments for what Terraform's EKS resources
/// cannot express. Argument names are the AWS provider's documented ones.
/// </summary>
public static class TerraformExportView
{
    public static string Render(MigrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var cluster = plan.Cluster.Name;
        var tf = new StringBuilder();
        tf.AppendLine($"# eks-access-migrator export of the {plan.Phase.Wire()} plan for cluster {ExportScope.OneLine(cluster)} ({ExportScope.OneLine(plan.Cluster.Region)}, account {plan.Cluster.AccountId}).");
        tf.AppendLine("# Review it as you review the plan: blockers are not exported and stay on aws-auth, kube2iam, kiam or IRSA.");
        var entryNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in plan.Changes)
        {
            switch (change)
            {
                case UpdateClusterConfigChange mode:
                    tf.AppendLine();
                    tf.AppendLine($"# The plan sets the cluster's authentication mode to {mode.AuthenticationMode.Wire()} (irreversible): set");
                    tf.AppendLine($"#   access_config {{ authentication_mode = \"{mode.AuthenticationMode.Wire()}\" }}");
                    tf.AppendLine("# on the aws_eks_cluster resource before these access entries are applied.");
                    break;
                case CreateAccessEntryChange entry:
                    var name = ExportNames.For("entry_", ExportNames.LastSegment(entry.PrincipalArn), entry.PrincipalArn);
                    entryNames[entry.PrincipalArn] = name;
                    tf.AppendLine();
                    tf.AppendLine($"resource \"aws_eks_access_entry\" \"{name}\" {{");
                    tf.AppendLine($"  cluster_name  = {HclText.Quote(cluster)}");
                    tf.AppendLine($"  principal_arn = {HclText.Quote(entry.PrincipalArn)}");
                    tf.AppendLine($"  type          = {HclText.Quote(entry.Type.Wire())}");
                    if (entry.Username is not null)
                    {
                        tf.AppendLine($"  user_name     = {HclText.Quote(entry.Username)}");
                    }

                    if (!entry.KubernetesGroups.IsDefaultOrEmpty)
                    {
                        tf.AppendLine($"  kubernetes_groups = {HclText.List(entry.KubernetesGroups)}");
                    }

                    tf.AppendLine("}");
                    break;
            }
        }

        foreach (var policy in plan.Changes.OfType<AssociateAccessPolicyChange>())
        {
            var name = ExportNames.For("policy_", $"{ExportNames.LastSegment(policy.PrincipalArn)}_{ExportNames.LastSegment(policy.PolicyArn)}", $"{policy.PrincipalArn}#{policy.PolicyArn}#{policy.AccessScope.Key}");
            tf.AppendLine();
            tf.AppendLine($"resource \"aws_eks_access_policy_association\" \"{name}\" {{");
            tf.AppendLine($"  cluster_name  = {HclText.Quote(cluster)}");
            tf.AppendLine($"  principal_arn = {(entryNames.TryGetValue(policy.PrincipalArn, out var entry) ? $"aws_eks_access_entry.{entry}.principal_arn" : HclText.Quote(policy.PrincipalArn))}");
            tf.AppendLine($"  policy_arn    = {HclText.Quote(policy.PolicyArn)}");
            tf.AppendLine();
            tf.AppendLine("  access_scope {");
            tf.AppendLine($"    type = {HclText.Quote(policy.AccessScope.Type.Wire())}");
            if (!policy.AccessScope.Namespaces.IsDefaultOrEmpty)
            {
                tf.AppendLine($"    namespaces = {HclText.List(policy.AccessScope.Namespaces)}");
            }

            tf.AppendLine("  }");
            tf.AppendLine("}");
        }

        foreach (var association in plan.Changes.OfType<CreatePodIdentityAssociationChange>())
        {
            var name = ExportNames.For("pod_identity_", $"{association.Namespace}_{association.ServiceAccount}", $"{association.Namespace}/{association.ServiceAccount}");
            tf.AppendLine();
            tf.AppendLine($"resource \"aws_eks_pod_identity_association\" \"{name}\" {{");
            tf.AppendLine($"  cluster_name    = {HclText.Quote(cluster)}");
            tf.AppendLine($"  namespace       = {HclText.Quote(association.Namespace)}");
            tf.AppendLine($"  service_account = {HclText.Quote(association.ServiceAccount)}");
            tf.AppendLine($"  role_arn        = {HclText.Quote(association.RoleArn)}");
            tf.AppendLine("}");
        }

        Imports(plan, tf);
        NotExported(plan, tf);
        return tf.ToString();
    }

    /// <summary>
    /// What exists already (the plan's no-ops) comes under management through <c>import</c> blocks alone: run
    /// <c>terraform plan -generate-config-out=generated.tf</c> so Terraform writes their configuration as they are,
    /// rather than configuration guessed here that could change them.
    /// </summary>
    private static void Imports(MigrationPlan plan, StringBuilder tf)
    {
        var cluster = plan.Cluster.Name;
        var imports = new List<string>();
        var associations = new List<string>();
        foreach (var noOp in plan.NoOps)
        {
            if (noOp.Address.StartsWith("access-entry/", StringComparison.Ordinal))
            {
                var arn = noOp.Address["access-entry/".Length..];
                imports.Add($"import {{\n  to = aws_eks_access_entry.{ExportNames.For("existing_", ExportNames.LastSegment(arn), arn)}\n  id = {HclText.Quote($"{cluster}:{arn}")}\n}}");
            }
            else if (noOp.Address.StartsWith("access-policy/", StringComparison.Ordinal) && PolicyImport(plan, noOp.Address) is { } policy)
            {
                imports.Add(policy);
            }
            else if (noOp.Address.StartsWith("pod-identity-association/", StringComparison.Ordinal))
            {
                associations.Add(noOp.Address["pod-identity-association/".Length..]);
            }
        }

        if (imports.Count > 0)
        {
            tf.AppendLine();
            tf.AppendLine("# Access entries and policy associations that already exist as the plan wants them. Import them with");
            tf.AppendLine("#   terraform plan -generate-config-out=generated.tf");
            tf.AppendLine("# which writes their configuration as it is (never guessed here, so importing changes nothing).");
            foreach (var block in imports)
            {
                tf.AppendLine(block);
            }
        }

        if (associations.Count > 0)
        {
            tf.AppendLine();
            tf.AppendLine("# Pod Identity associations that already exist (import id CLUSTER,ASSOCIATION_ID; find the id with");
            tf.AppendLine($"# 'aws eks list-pod-identity-associations --cluster-name {ExportScope.OneLine(cluster)} --namespace NS --service-account SA'):");
            foreach (var key in associations)
            {
                tf.AppendLine($"#   {ExportScope.OneLine(key)}");
            }
        }
    }

    /// <summary><c>access-policy/PRINCIPAL/POLICY NAME/SCOPE</c>: import id <c>CLUSTER#PRINCIPAL_ARN#POLICY_ARN</c>.</summary>
    private static string? PolicyImport(MigrationPlan plan, string address)
    {
        var rest = address["access-policy/".Length..];
        var scope = rest.LastIndexOf('/');
        var name = scope <= 0 ? -1 : rest.LastIndexOf('/', scope - 1);
        if (name <= 0)
        {
            return null;
        }

        var principal = rest[..name];
        var policyArn = $"arn:{plan.Cluster.Partition}:eks::aws:cluster-access-policy/{rest[(name + 1)..scope]}";
        var resource = ExportNames.For("existing_policy_", $"{ExportNames.LastSegment(principal)}_{rest[(name + 1)..scope]}", $"{principal}#{policyArn}#{rest[(scope + 1)..]}");
        return $"import {{\n  to = aws_eks_access_policy_association.{resource}\n  id = {HclText.Quote($"{plan.Cluster.Name}#{principal}#{policyArn}")}\n}}";
    }

    private static void NotExported(MigrationPlan plan, StringBuilder tf)
    {
        var other = plan.Changes.Where(c => !ExportScope.IsExpressible(c)).ToList();
        if (other.Count == 0)
        {
            return;
        }

        tf.AppendLine();
        tf.AppendLine($"# Not expressible with Terraform's EKS resources ({other.Count} change(s)): apply them with eks-access-migrator, or with the");
        tf.AppendLine("# resources that own them (aws_iam_role's assume_role_policy, your Kubernetes manifests):");
        foreach (var change in other)
        {
            tf.AppendLine($"#   {change.Action} {ExportScope.OneLine(change.Address)}");
        }
    }
}
