using Cocona;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>What the plan should do beyond what was scanned.</summary>
public sealed class PlanOptions : ICommandParameterSet
{
    [Option("phase", Description = "migrate (default), cutover or finalize.", ValueName = "PHASE")]
    [HasDefaultValue]
    public string Phase { get; set; } = Core.Planning.PlanPhase.Migrate.Wire();

    [Option("target-mode", Description = "API to switch the cluster to API mode (finalize phase only; rule M2 guards it).", ValueName = "MODE")]
    [HasDefaultValue]
    public string? TargetMode { get; set; }

    [Option("break-glass-arn", Description = "A principal that must keep cluster-admin access before API mode. Repeatable.", ValueName = "ARN")]
    [HasDefaultValue]
    public string[] BreakGlassArn { get; set; } = [];

    [Option("caller-arn", Description = "The principal running the migration (offline; live plans ask STS).", ValueName = "ARN")]
    [HasDefaultValue]
    public string? CallerArn { get; set; }

    [Option("created-at", Description = "The plan's creation time (RFC 3339, e.g. 2026-12-01T09:00:00Z), for reproducible plans in git; also SOURCE_DATE_EPOCH (seconds since 1970); default: now.", ValueName = "TIME")]
    [HasDefaultValue]
    public string? CreatedAt { get; set; }

    [Option("rewrite-session-name-raw", Description = "Rewrite {{SessionNameRaw}} usernames to {{SessionName}} (with a warning) instead of blocking them.")]
    [HasDefaultValue]
    public bool RewriteSessionNameRaw { get; set; }
}
