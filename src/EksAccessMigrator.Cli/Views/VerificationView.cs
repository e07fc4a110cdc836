using System.Text.Encodings.Web;
using System.Text.Json;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Reports;

namespace EksAccessMigrator.Cli.Views;

/// <summary><c>verify</c>'s output: a table for people, JSON for scripts.</summary>
public static class VerificationView
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void RenderTable(VerificationReport report, TextWriter writer, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"Verified cluster {Text.Safe(report.Cluster.Name)} ({Text.Safe(report.Cluster.Region)}, account {report.Cluster.AccountId}, mode {report.Cluster.AuthenticationMode.Wire()}), phase {report.Phase.Wire()}");
        writer.WriteLine();
        if (!report.Subjects.IsEmpty)
        {
            TextTable.Write(writer, ["STATUS", "SUBJECT", "ACTION", "DETAIL"], [.. report.Subjects.Select(s => new[]
            {
                s.Status.ToUpperInvariant(), Text.Safe(s.Address), s.Action, Text.Safe(s.Detail),
            })], width);
            writer.WriteLine();
        }

        var counts = report.Subjects.GroupBy(s => s.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        writer.WriteLine(report.AllOk ? $"All {report.Subjects.Length} subject(s) ok." : $"Not all ok: {string.Join(", ", counts)}.");
    }

    public static void RenderJson(VerificationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(new { cluster = report.Cluster, report.Phase, ok = report.AllOk, subjects = report.Subjects }, Json));
    }
}
