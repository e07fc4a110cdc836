using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Fleet;

/// <summary>One cluster's row of a fleet run (<c>report.json</c> and the summary table).</summary>
public sealed record FleetClusterResult
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    /// <summary>The account the plan is for (null when the cluster was never reached).</summary>
    public string? Account { get; init; }

    public required FleetStatus Status { get; init; }

    /// <summary>Why the cluster failed: what happened, why, and what to do (null unless failed).</summary>
    public string? Error { get; init; }

    /// <summary>The plan's changes.</summary>
    public int Changes { get; init; }

    /// <summary>The plan's blocker findings.</summary>
    public int Blockers { get; init; }

    /// <summary><c>fleet apply</c>: steps done in this run (<c>--dry-run</c>: calls it would make); <c>fleet verify</c>: subjects ok.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Done { get; init; }

    /// <summary><c>fleet verify</c>: subjects missing, different or blocked.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NotOk { get; init; }

    /// <summary>The exit code the single-cluster command (plan, apply, verify) would have returned.</summary>
    public int ExitCode { get; init; }

    /// <summary>The plan file, relative to the run's folder.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Plan { get; init; }

    /// <summary>SHA-256 of the plan file's bytes (what apply and its journal are keyed by).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PlanHash { get; init; }

    /// <summary>The journal, relative to the run's folder (apply).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Journal { get; init; }

    /// <summary>The cluster's own report, relative to the run's folder.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Report { get; init; }

    public static FleetClusterResult Failed(FleetCluster cluster, string error, int exitCode) => new()
    {
        Name = cluster.Name,
        Region = cluster.Region,
        Status = FleetStatus.Failed,
        Error = error,
        ExitCode = exitCode,
    };

    public static FleetClusterResult SkippedBySelection(FleetCluster cluster) => new()
    {
        Name = cluster.Name,
        Region = cluster.Region,
        Status = FleetStatus.Skipped,
        Error = null,
    };
}
