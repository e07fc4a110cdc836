namespace EksAccessMigrator.Core.Ports;

/// <summary>A managed node group as DescribeNodegroup reports it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="NodeRoleArn">The node role; null when EKS did not say.</param>
/// <param name="AmiType">The AMI type (Windows ones matter for rule K9).</param>
/// <param name="CapacityType">ON_DEMAND, SPOT, ...</param>
/// <param name="Status">ACTIVE, CREATING, ...</param>
public sealed record NodegroupDescription(string Name, string? NodeRoleArn, string? AmiType, string? CapacityType, string? Status);
