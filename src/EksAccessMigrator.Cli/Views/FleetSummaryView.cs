using System.Globalization;
using EksAccessMigrator.Core.Fleet;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Views;

/// <summary>The end of a fleet run: one row per cluster, the counts per status, and where the report is.</summary>
public static class FleetSummaryView
{
    public static void RenderTable(FleetReport report, string reportPath, TextWriter writer, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"Fleet {report.Command.Wire()}, shard {report.Shard}: {report.Clusters.Length} cluster(s)");
        writer.WriteLine();
        if (!report.Clusters.IsEmpty)
        {
            TextTable.Write(writer, ["CLUSTER", "REGION", "ACCOUNT", "STATUS", "CHANGES", "BLOCKERS", "ERROR"], [.. report.Clusters.Select(c => new[]
            {
                Text.Safe(c.Name), Text.Safe(c.Region), c.Account ?? "-", c.Status.Wire().ToUpperInvariant(),
                c.Changes.ToString(CultureInfo.InvariantCulture), c.Blockers.ToString(CultureInfo.InvariantCulture), Text.Safe(c.Error ?? string.Empty),
            })], width);
            writer.WriteLine();
        }

        var counts = Enum.GetValues<FleetStatus>().Select(s => (Status: s, Count: report.Count(s))).Where(x => x.Count > 0).Select(x => $"{x.Count} {x.Status.Wire()}").ToList();
        writer.WriteLine($"{(counts.Count == 0 ? "No cluster in this run" : string.Join(", ", counts))}. Report: {Text.Safe(reportPath)}");
    }

    public static void RenderJson(FleetReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(report.ToJson());
    }
}
