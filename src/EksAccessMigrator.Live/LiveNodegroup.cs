namespace EksAccessMigrator.Live;

/// <summary>A managed node group (DescribeNodegroup): its node role and AMI type (Windows AMI types matter for rule K9).</summary>
public sealed record LiveNodegroup(string Name, string? NodeRoleArn, string? AmiType, string? CapacityType, string? Status)
{
    /// <summary>True for the Windows AMI types (<c>WINDOWS_CORE_2019_x86_64</c>, <c>WINDOWS_FULL_2022_x86_64</c>, ...).</summary>
    public bool IsWindows => AmiType?.StartsWith("WINDOWS_", StringComparison.OrdinalIgnoreCase) == true;
}
