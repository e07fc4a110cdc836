namespace EksAccessMigrator.Core.Arns;

/// <summary>The AWS partition a region belongs to.</summary>
public static class Partitions
{
    public static string ForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "aws-cn";
        }

        return region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";
    }
}
