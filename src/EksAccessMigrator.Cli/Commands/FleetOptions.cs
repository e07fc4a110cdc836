using Cocona;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>What every fleet command takes: the inventory, the run's folder, which clusters, how many at once.</summary>
public sealed class FleetOptions : ICommandParameterSet
{
    [Option("inventory", Description = "The fleet inventory (YAML): clusters: with name, region and optionally profile, roleArn, kubeconfig, context, tags, plan.", ValueName = "FILE")]
    [HasDefaultValue]
    public string? Inventory { get; set; }

    [Option("out", Description = "The run's folder: DIR/<cluster>/ holds each cluster's plan, journal and report, DIR/report.json the whole run.", ValueName = "DIR")]
    [HasDefaultValue]
    public string? Out { get; set; }

    [Option("only", Description = "Take only clusters with this name or tag (tag=value). Repeatable: any of them.", ValueName = "NAME|TAG=VALUE")]
    [HasDefaultValue]
    public string[] Only { get; set; } = [];

    [Option("exclude", Description = "Leave out clusters with this name or tag (tag=value). Repeatable.", ValueName = "NAME|TAG=VALUE")]
    [HasDefaultValue]
    public string[] Exclude { get; set; } = [];

    [Option("parallel", Description = "Most clusters in flight at once (1-64, default 4).", ValueName = "N")]
    [HasDefaultValue]
    public int Parallel { get; set; } = 4;

    [Option("shard", Description = "Take shard i of n (e.g. 2/8): each cluster is in exactly one shard, chosen by its name, for CI matrices and indexed jobs.", ValueName = "I/N")]
    [HasDefaultValue]
    public string? Shard { get; set; }

    [Option("format", Description = "table (default) or json (the run's report).", ValueName = "FORMAT")]
    [HasDefaultValue]
    public string Format { get; set; } = "table";

    [Option("debug", Description = "Log every AWS request and response (credentials, tokens and signatures redacted) and every Kubernetes API request (method, URL, status) to standard error.")]
    [HasDefaultValue]
    public bool Debug { get; set; }
}
