namespace EksAccessMigrator.Core.Planning;

/// <summary>ARNs of the EKS access policies the planner associates.</summary>
public static class AccessPolicyArns
{
    public const string ClusterAdminPolicyName = "AmazonEKSClusterAdminPolicy";

    public static string ClusterAdmin(string partition) => $"arn:{partition}:eks::aws:cluster-access-policy/{ClusterAdminPolicyName}";

    /// <summary>The policy's name: the part after the last <c>/</c>.</summary>
    public static string NameOf(string policyArn) => policyArn[(policyArn.LastIndexOf('/') + 1)..];

    public static bool IsClusterAdmin(string policyArn) => NameOf(policyArn) == ClusterAdminPolicyName;
}
