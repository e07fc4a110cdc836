using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Catalogue, rules N1-N4 and S1 (what every pod inherits from the node, RBAC that access policies could replace).
/// Decided in <c>Planning/MigrationPlanner</c> (N4) and <c>Planning/AccessPolicySuggestions</c> (S1).
/// </summary>
public static class PostureFindings
{
    public static readonly FindingDescriptor ImdsReachable = new(FindingCodes.ImdsReachableFromPods, Severity.Info, "N4");
    public static readonly FindingDescriptor PolicySuggested = new(FindingCodes.AccessPolicySuggested, Severity.Info, "S1");

    /// <summary>Rule S1: the associations that could replace RBAC bindings to built-in roles; a suggestion only.</summary>
    public static Finding AccessPolicySuggested(string principal, string source, IReadOnlyList<AccessPolicySuggestion> suggestions) =>
        PolicySuggested.Create(
            principal,
            $"{principal} is in group(s) that RBAC binds only to built-in ClusterRoles, which EKS access policies could express: {string.Join("; ", suggestions.Select(Describe))}. This is a suggestion and nothing is planned from it: the EKS access policies are close to, not equal to, the Kubernetes roles (compare their rules in the EKS access-policy reference), and RBAC keeps working as it is. Groups bound to custom roles stay on RBAC.",
            [source, .. suggestions.SelectMany(s => s.Bindings).Distinct(StringComparer.Ordinal)]);

    private static string Describe(AccessPolicySuggestion s)
    {
        var scope = s.Scope.Type == AccessScopeType.Cluster ? "cluster scope" : "namespace scope (" + string.Join(", ", s.Scope.Namespaces) + ")";
        return $"group {s.Group}: AssociateAccessPolicy {s.PolicyName} at {scope}, after which {string.Join(", ", s.Bindings)} would be unused for it";
    }

    /// <summary>Rule N4, once per cluster.</summary>
    public static Finding MetadataReachableFromPods(bool agents) =>
        ImdsReachable.Create(
            "cluster/nodes",
            $"Pods on EC2 nodes reach the node role's credentials through the instance metadata service unless it is limited to the host{(agents ? " (kube2iam and kiam work by intercepting exactly that)" : string.Empty)}. Check each launch template or node class: 'aws ec2 describe-launch-template-versions --launch-template-id ID --query \"LaunchTemplateVersions[].LaunchTemplateData.MetadataOptions\"' should show HttpTokens required and HttpPutResponseHopLimit 1 (Karpenter: metadataOptions.httpPutResponseHopLimit: 1 in the EC2NodeClass). {(agents ? "Limit it only after cutover, once no workload uses kube2iam or kiam; " : string.Empty)}pods with hostNetwork still reach it.");
}
