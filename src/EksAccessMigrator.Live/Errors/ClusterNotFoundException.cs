namespace EksAccessMigrator.Live.Errors;

/// <summary>EKS has no cluster of that name in that region for these credentials.</summary>
public sealed class ClusterNotFoundException : LiveScanException
{
    public ClusterNotFoundException()
    {
    }

    public ClusterNotFoundException(string message)
        : base(message)
    {
    }

    public ClusterNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ClusterNotFoundException(string clusterName, string region, Exception? innerException)
        : base(ScanStep.DescribeCluster, $"EKS cluster '{clusterName}' was not found in region {region}. Check --cluster and --region (or AWS_REGION), and that the credentials belong to the cluster's account.", innerException)
    {
        ClusterName = clusterName;
        Region = region;
    }

    public string? ClusterName { get; }

    public string? Region { get; }
}
