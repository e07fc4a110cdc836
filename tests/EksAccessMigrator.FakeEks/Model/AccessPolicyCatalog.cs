namespace EksAccessMigrator.FakeEks.Model;

/// <summary>The EKS-managed access policies (names as returned by ListAccessPolicies).</summary>
internal static class AccessPolicyCatalog
{
    public const string Prefix = "arn:aws:eks::aws:cluster-access-policy/";

    public const string ClusterAdmin = Prefix + "AmazonEKSClusterAdminPolicy";

    public static IReadOnlyList<string> Names { get; } =
    [
        "AmazonAIOpsAssistantPolicy",
        "AmazonARCRegionSwitchScalingPolicy",
        "AmazonEKSAdminPolicy",
        "AmazonEKSAdminViewPolicy",
        "AmazonEKSAutoNodePolicy",
        "AmazonEKSBlockStorageClusterPolicy",
        "AmazonEKSBlockStoragePolicy",
        "AmazonEKSClusterAdminPolicy",
        "AmazonEKSClusterInsightsPolicy",
        "AmazonEKSComputeClusterPolicy",
        "AmazonEKSComputePolicy",
        "AmazonEKSEditPolicy",
        "AmazonEKSHybridPolicy",
        "AmazonEKSLoadBalancingClusterPolicy",
        "AmazonEKSLoadBalancingPolicy",
        "AmazonEKSNetworkingClusterPolicy",
        "AmazonEKSNetworkingPolicy",
        "AmazonEKSViewPolicy",
        "AmazonEMRJobPolicy",
        "AmazonSagemakerHyperpodClusterPolicy",
        "AmazonSagemakerHyperpodControllerPolicy",
        "AmazonSagemakerHyperpodSystemNamespacePolicy",
    ];

    public static bool IsKnown(string policyArn) =>
        policyArn.StartsWith(Prefix, StringComparison.Ordinal) && Names.Contains(policyArn[Prefix.Length..], StringComparer.Ordinal);
}
