using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Catalogue, rules N1-N4 and S1 (what every pod inherits from the node, RBAC that access policies could replace).
/// Decided in <c>Planning/NodeRolePosture</c> (N1-N3), <c>Planning/MigrationPlanner</c> (N4) and
/// <c>Planning/AccessPolicySuggestions</c> (S1).
/// </summary>
public static class PostureFindings
{
    public static readonly FindingDescriptor ExtraPolicy = new(FindingCodes.NodeRoleExtraPolicy, Severity.Warning, "N1");
    public static readonly FindingDescriptor AssumeAny = new(FindingCodes.NodeRoleAssumeAny, Severity.Warning, "N2");
    public static readonly FindingDescriptor CniPolicy = new(FindingCodes.CniPolicyOnNodeRole, Severity.Info, "N3");
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

    private const string NodeBaseline = "AmazonEKSWorkerNodePolicy, AmazonEC2ContainerRegistryReadOnly (or PullOnly), AmazonEKS_CNI_Policy and AmazonSSMManagedInstanceCore";

    /// <summary>Rule N1 before cutover: an extra policy every pod on the role's nodes inherits.</summary>
    public static Finding ExtraNodeRolePolicy(string roleArn, string policy, IReadOnlyList<string> usedBy, IEnumerable<string> sources) =>
        ExtraPolicy.Create(
            roleArn,
            $"{policy} on node role {roleArn} ({UsedBy(usedBy)}) is more than nodes need ({NodeBaseline}), and every pod on those nodes inherits it through instance metadata. Give the workloads that need it a role of their own (Pod Identity); after cutover, detach it from the node role (playbook: 'Tightening the node role after cutover').",
            sources);

    /// <summary>Rule N1 after cutover: which workloads may still use the extra policy through the node.</summary>
    public static Finding ExtraNodeRolePolicyAfterCutover(string roleArn, string policy, IReadOnlyList<string> usedBy, int migrated, IReadOnlyList<string> withoutRole, string detach, IEnumerable<string> sources) =>
        ExtraPolicy.Create(
            roleArn,
            $"{policy} on node role {roleArn} ({UsedBy(usedBy)}) is more than nodes need ({NodeBaseline}), and every pod on those nodes inherits it. No migrated workload needed it through the node: the {migrated} workload(s) kube2iam or kiam gave a role now have their own through Pod Identity. "
            + (withoutRole.Count == 0
                ? "No workload in the inputs is left without a role of its own. "
                : $"Workloads without a role of their own may still use it through instance metadata: {Names(withoutRole)}; give them one first. ")
            + $"Then detach it: '{detach}' (playbook: 'Tightening the node role after cutover'; to roll back, attach or put it again).",
            sources);

    /// <summary>Rule N2, the statement in an inline policy (<paramref name="onlyStatement"/>: the policy grants nothing else).</summary>
    public static Finding AssumeAnyInline(string roleArn, bool kiamServer, string policyName, IReadOnlyList<string> resources, IReadOnlyList<string> migratedRoles, bool onlyStatement, IEnumerable<string> sources) =>
        AssumeAny.Create(
            roleArn,
            $"{Holder(kiamServer)} {roleArn} allows sts:AssumeRole on {string.Join(", ", resources)} in its inline policy {policyName}, wider than the {Roles(migratedRoles)}: any compromised pod on those nodes can assume every role that trusts it. kube2iam or kiam needs the permission until cutover; once no workload uses them, {(onlyStatement ? $"delete the inline policy, which grants nothing else ('aws iam get-role-policy --role-name {RoleName(roleArn)} --policy-name {policyName}' to keep it, then 'aws iam delete-role-policy')" : "remove that statement from the inline policy, keeping its other statements ('aws iam put-role-policy' with the edited document, after saving the current one with 'aws iam get-role-policy')")}; to roll back, put the saved document again. Until then, narrow the resource to the migrated roles.",
            sources);

    /// <summary>Rule N2 at finalize, no workload left on the agents: this plan removes the permission.</summary>
    public static Finding AssumeAnyRemoved(string roleArn, bool kiamServer, string policyName, IReadOnlyList<string> resources, IReadOnlyList<string> migratedRoles, bool onlyStatement, IEnumerable<string> sources) =>
        AssumeAny.Create(
            roleArn,
            $"{Holder(kiamServer)} {roleArn} allows sts:AssumeRole on {string.Join(", ", resources)} in its inline policy {policyName}, wider than the {Roles(migratedRoles)}: any compromised pod on those nodes can assume every role that trusts it. No workload is left on kube2iam or kiam, so this plan {(onlyStatement ? "deletes the inline policy (DeleteRolePolicy), which grants nothing else" : "writes the inline policy again without that statement (PutRolePolicy), keeping its other statements")}; the previous document is in the journal, and rollback puts it back. Remove kube2iam or kiam from the cluster too: without the permission they hand out nothing.",
            sources);

    /// <summary>Rule N2, the statement in a managed policy: what to detach.</summary>
    public static Finding AssumeAnyManaged(string roleArn, bool kiamServer, string policyArn, IReadOnlyList<string> resources, IReadOnlyList<string> migratedRoles, IEnumerable<string> sources) =>
        AssumeAny.Create(
            roleArn,
            $"{Holder(kiamServer)} {roleArn} allows sts:AssumeRole on {string.Join(", ", resources)} through the managed policy {policyArn}, wider than the {Roles(migratedRoles)}: any compromised pod on those nodes can assume every role that trusts it. The migrator does not change managed policies (other roles may use them): after cutover, detach it ('aws iam detach-role-policy --role-name {RoleName(roleArn)} --policy-arn {policyArn}'), or remove the statement from its default version if the role needs the rest; to roll back, attach it again.",
            sources);

    /// <summary>Rule N3: the CNI policy on the node role, and the association that would replace it.</summary>
    public static Finding CniPolicyOnNode(string roleArn, IReadOnlyList<string> usedBy, string association, bool associated, IEnumerable<string> sources) =>
        CniPolicy.Create(
            roleArn,
            $"AmazonEKS_CNI_Policy on node role {roleArn} ({UsedBy(usedBy)}) lets every pod on those nodes change network interfaces; AWS recommends it on the aws-node ServiceAccount instead. "
            + (associated
                ? $"{association} already exists: once aws-node restarted and runs with it, detach the policy from the node role ('aws iam detach-role-policy --role-name {RoleName(roleArn)} --policy-arn ARN-of-AmazonEKS_CNI_Policy')."
                : $"The replacement: {association} (or the vpc-cni add-on's podIdentityAssociations); restart aws-node, check it runs, then detach the policy from the node role."),
            sources);

    private static string UsedBy(IReadOnlyList<string> usedBy) => usedBy.Count == 0 ? "used by nodes" : "used by " + string.Join(", ", usedBy);

    private static string Holder(bool kiamServer) => kiamServer ? "The kiam server role" : "Node role";

    private static string Roles(IReadOnlyList<string> roles) => roles.Count == 0
        ? "roles kube2iam or kiam hand out (none is known from the inputs)"
        : $"{roles.Count} role(s) kube2iam or kiam hand out ({Names(roles)})";

    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 10 ? string.Join(", ", names) : string.Join(", ", names.Take(10)) + $" and {names.Count - 10} more";

    private static string RoleName(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];
}
