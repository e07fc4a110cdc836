using Cocona;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>The live cluster to read (verify): no offline-only options.</summary>
public sealed class LiveClusterOptions : ICommandParameterSet
{
    [Option("cluster", Description = "The EKS cluster's name (default: the plan's).", ValueName = "NAME")]
    [HasDefaultValue]
    public string? Cluster { get; set; }

    [Option("region", Description = "The cluster's AWS region (default: the plan's; else AWS_REGION or the profile's region).", ValueName = "REGION")]
    [HasDefaultValue]
    public string? Region { get; set; }

    [Option("account", Description = "The cluster's 12-digit AWS account ID, checked against the cluster's.", ValueName = "ID")]
    [HasDefaultValue]
    public string? Account { get; set; }

    public ClusterOptions ToClusterOptions() => new() { Cluster = Cluster, Region = Region, Account = Account };
}
