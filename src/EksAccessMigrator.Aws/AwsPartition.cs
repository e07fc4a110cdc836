namespace EksAccessMigrator.Aws;

/// <summary>An AWS partition and the facts the adapter needs about it.</summary>
public sealed record AwsPartition(string Name, string DnsSuffix, string IamGlobalHost, string IamSigningRegion)
{
    public static readonly AwsPartition Aws = new("aws", "amazonaws.com", "iam.amazonaws.com", "us-east-1");
    public static readonly AwsPartition AwsCn = new("aws-cn", "amazonaws.com.cn", "iam.cn-north-1.amazonaws.com.cn", "cn-north-1");
    public static readonly AwsPartition AwsUsGov = new("aws-us-gov", "amazonaws.com", "iam.us-gov.amazonaws.com", "us-gov-west-1");

    /// <summary>Partition of a region name (cn-* is aws-cn, us-gov-* is aws-us-gov, anything else aws).</summary>
    public static AwsPartition ForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return AwsCn;
        }

        return region.StartsWith("us-gov-", StringComparison.Ordinal) ? AwsUsGov : Aws;
    }
}
