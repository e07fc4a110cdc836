namespace EksAccessMigrator.Core.Inventory;

/// <summary>The cluster a plan is for: from DescribeCluster live, or from the command line offline.</summary>
public sealed record ClusterContext(string Name, string Region, string AccountId, string Partition, string AuthenticationMode)
{
    public string Arn => $"arn:{Partition}:eks:{Region}:{AccountId}:cluster/{Name}";
}
