using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Reports;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// <c>verify</c>'s checks beyond the plan's changes (<see cref="MigrationProof"/>): rule K16 over the pods the scan
/// read, and access entries older than their IAM principal (their createdAt read with DescribeAccessEntry).
/// </summary>
internal static class VerifyProof
{
    public static async Task<VerificationReport> AddAsync(VerificationReport report, LiveScanResult scan, LiveClusterOptions cluster, LiveOptions live, CliOutput output, string? roleKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(output);
        var wireLog = live.Debug ? new WireLogView(output.Error) : null;
        var settings = LiveInventory.Debugged(LiveInventory.Settings(cluster.ToClusterOptions(), live, roleKey), wireLog);
        var (entries, principals) = await AccessEntryAges.ReadAsync(settings, new Aws.Credentials.SdkCredentialSource(settings.Aws.Profile), wireLog, scan, cancellationToken).ConfigureAwait(false);
        return report
            .With(MigrationProof.Pods(scan.Inventory.Workloads, report.Phase, roleKey ?? ScanReport.DefaultRoleKey))
            .With(MigrationProof.EntryAges(entries, principals));
    }
}
