using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Catalogue, rules N1-N4 and S1 (what every pod inherits from the node, RBAC that access policies could replace).
/// Decided in <c>Planning/MigrationPlanner</c> (N4).
/// </summary>
public static class PostureFindings
{
    public static readonly FindingDescriptor ImdsReachable = new(FindingCodes.ImdsReachableFromPods, Severity.Info, "N4");

    /// <summary>Rule N4, once per cluster.</summary>
    public static Finding MetadataReachableFromPods(bool agents) =>
        ImdsReachable.Create(
            "cluster/nodes",
            $"Pods on EC2 nodes reach the node role's credentials through the instance metadata service unless it is limited to the host{(agents ? " (kube2iam and kiam work by intercepting exactly that)" : string.Empty)}. Check each launch template or node class: 'aws ec2 describe-launch-template-versions --launch-template-id ID --query \"LaunchTemplateVersions[].LaunchTemplateData.MetadataOptions\"' should show HttpTokens required and HttpPutResponseHopLimit 1 (Karpenter: metadataOptions.httpPutResponseHopLimit: 1 in the EC2NodeClass). {(agents ? "Limit it only after cutover, once no workload uses kube2iam or kiam; " : string.Empty)}pods with hostNetwork still reach it.");
}
