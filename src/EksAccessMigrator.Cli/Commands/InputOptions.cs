using Cocona;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>Where the inventory comes from (offline).</summary>
public sealed class InputOptions : ICommandParameterSet
{
    [Option("from", Description = "Exported manifests: a file or a directory (read recursively); YAML (multi-document) or JSON; kind: List is unpacked. Repeatable.", ValueName = "PATH")]
    [HasDefaultValue]
    public string[] From { get; set; } = [];

    [Option("iam-snapshot", Description = "JSON printed by 'aws iam list-roles', 'aws iam list-users' or 'aws iam get-role': principals' real ARNs and roles' trust policies. Repeatable.", ValueName = "FILE")]
    [HasDefaultValue]
    public string[] IamSnapshot { get; set; } = [];

    [Option("access-entries", Description = "The cluster's existing access entries for an offline plan (see docs/plan-format.md). Only with a mode other than CONFIG_MAP.", ValueName = "FILE")]
    [HasDefaultValue]
    public string? AccessEntries { get; set; }
}
