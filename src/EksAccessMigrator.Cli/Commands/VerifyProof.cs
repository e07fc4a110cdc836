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
    /// <param name="settings">How the scan reached the cluster.</param>
    /// <param name="credentials">AWS credentials (a fleet cluster's assumed role); null for the SDK's chain or --profile.</param>
    public static async Task<VerificationReport> AddAsync(VerificationReport report, LiveScanResult scan, LiveScanSettings settings, LiveOptions live, CliOutput output, string? roleKey, Aws.Credentials.IAwsCredentialSource? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(output);
        var wireLog = live.Debug ? new WireLogView(output.Error) : null;
        settings = LiveInventory.Debugged(settings, wireLog);
        var (entries, principals) = await AccessEntryAges.ReadAsync(settings, credentials ?? new Aws.Credentials.SdkCredentialSource(settings.Aws.Profile), wireLog, scan, cancellationToken).ConfigureAwait(false);
        return report
            .With(MigrationProof.Pods(scan.Inventory.Workloads, report.Phase, roleKey ?? ScanReport.DefaultRoleKey))
            .With(MigrationProof.EntryAges(entries, principals));
    }
}
