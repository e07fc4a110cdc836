using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Logging;

namespace EksAccessMigrator.Live;

/// <summary>
/// For <c>verify</c>: when each of a scan's access entries was created (DescribeAccessEntry's <c>createdAt</c>, at most
/// <c>MaxConcurrency</c> describes at a time), and when each listed IAM role and user was (their <c>CreateDate</c>),
/// so that an entry older than its principal can be reported (the principal was re-created).
/// </summary>
public static class AccessEntryAges
{
    public static async Task<(List<KeyValuePair<string, DateTimeOffset>> Entries, List<KeyValuePair<string, DateTimeOffset>> Principals)> ReadAsync(
        LiveScanSettings settings,
        IAwsCredentialSource credentials,
        IAwsWireLog? wireLog,
        LiveScanResult scan,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(scan);
        var principals = scan.Roles.Where(r => r.CreateDate is not null).Select(r => KeyValuePair.Create(r.Arn, r.CreateDate!.Value))
            .Concat(scan.Users.Where(u => u.CreateDate is not null).Select(u => KeyValuePair.Create(u.Arn, u.CreateDate!.Value)))
            .ToList();
        var arns = (scan.Inventory.ExistingAccessEntries ?? []).Select(e => e.PrincipalArn).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (arns.Count == 0)
        {
            return ([], principals);
        }

        var recorder = new RetryRecorder(wireLog, NullScanProgress.Instance);
        using var connection = ClusterConnection.ForScan(settings, credentials, recorder);
        var entries = await EksBatch.DescribeEachAsync(arns, settings.MaxConcurrency, async (arn, ct) =>
        {
            // Null when the entry was deleted since the scan.
            var entry = await connection.ScanPorts.AccessEntries.DescribeListedAsync(scan.Cluster.Name, arn, ct).ConfigureAwait(false);
            return entry?.CreatedAt is { } created ? Tuple.Create(arn, created) : null;
        }, cancellationToken).ConfigureAwait(false);
        return ([.. entries.Select(e => KeyValuePair.Create(e.Item1, e.Item2))], principals);
    }
}
