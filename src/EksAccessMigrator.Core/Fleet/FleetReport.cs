using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Fleet;

/// <summary>
/// A whole fleet run (<c>DIR/report.json</c>): the command, the shard, and one row per cluster of the shard, in
/// inventory order (skipped ones included, so the report accounts for every cluster the shard holds).
/// </summary>
public sealed record FleetReport(FleetCommandKind Command, string Shard, ImmutableArray<FleetClusterResult> Clusters)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>How many clusters ended in <paramref name="status"/>.</summary>
    public int Count(FleetStatus status) => Clusters.Count(c => c.Status == status);

    /// <summary>
    /// The worst result: failed, then blocked, then everything else (planned, applied, verified, skipped all mean
    /// nothing went wrong). Null when the run held no cluster.
    /// </summary>
    public FleetStatus? Worst => Clusters.IsEmpty ? null : Clusters.MaxBy(c => Rank(c.Status))!.Status;

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public static FleetReport FromJson(string json) =>
        JsonSerializer.Deserialize<FleetReport>(json, Json) ?? throw new JsonException("The fleet report is empty.");

    private static int Rank(FleetStatus status) => status switch
    {
        FleetStatus.Failed => 3,
        FleetStatus.Blocked => 2,
        _ => 1,
    };
}
