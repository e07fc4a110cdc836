using EksAccessMigrator.Core.Reports;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// <c>verify</c>'s checks beyond the plan's changes (<see cref="MigrationProof"/>): rule K16 over the pods the scan
/// read, and access entries older than their IAM principal (their createdAt as the scan's DescribeAccessEntry reported it).
/// </summary>
internal static class VerifyProof
{
    public static VerificationReport Add(VerificationReport report, LiveScanResult scan, string? roleKey)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scan);
        var (entries, principals) = AccessEntryAges.Read(scan);
        return report
            .With(MigrationProof.Pods(scan.Inventory.Workloads, report.Phase, roleKey ?? ScanReport.DefaultRoleKey))
            .With(MigrationProof.EntryAges(entries, principals));
    }
}
