using Cocona;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>The cluster a plan is for (offline: given on the command line).</summary>
public sealed class ClusterOptions : ICommandParameterSet
{
    [Option("cluster", Description = "The EKS cluster's name.", ValueName = "NAME")]
    [HasDefaultValue]
    public string? Cluster { get; set; }

    [Option("region", Description = "The cluster's AWS region, e.g. eu-west-1 (live: also AWS_REGION or the profile's region).", ValueName = "REGION")]
    [HasDefaultValue]
    public string? Region { get; set; }

    [Option("account", Description = "The cluster's 12-digit AWS account ID (offline; live: checked against the cluster's).", ValueName = "ID")]
    [HasDefaultValue]
    public string? Account { get; set; }

    [Option("authentication-mode", Description = "Offline: the cluster's current mode, CONFIG_MAP (default), API_AND_CONFIG_MAP or API. Live plans read it from the cluster.", ValueName = "MODE")]
    [HasDefaultValue]
    public string? AuthenticationMode { get; set; }
}
