namespace EksAccessMigrator.Aws.Eks;

/// <summary>Cluster access configuration (CONFIG_MAP, API_AND_CONFIG_MAP or API).</summary>
public sealed record EksAccessConfig(string? AuthenticationMode, bool? BootstrapClusterCreatorAdminPermissions);
