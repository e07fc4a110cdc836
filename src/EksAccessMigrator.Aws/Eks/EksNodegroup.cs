namespace EksAccessMigrator.Aws.Eks;

/// <summary>The parts of the Nodegroup shape the migrator uses (the node role matters for access entries).</summary>
public sealed record EksNodegroup(
    string NodegroupName,
    string? NodegroupArn,
    string? ClusterName,
    string? Version,
    string? Status,
    string? NodeRole,
    string? CapacityType,
    string? AmiType);
