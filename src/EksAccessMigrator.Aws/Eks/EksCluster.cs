namespace EksAccessMigrator.Aws.Eks;

/// <summary>The parts of the Cluster shape the migrator uses.</summary>
public sealed record EksCluster(
    string Name,
    string? Arn,
    DateTimeOffset? CreatedAt,
    string? Version,
    string? Endpoint,
    string? RoleArn,
    string? Status,
    string? PlatformVersion,
    EksClusterIdentity? Identity,
    EksAccessConfig? AccessConfig,
    IReadOnlyDictionary<string, string>? Tags);
