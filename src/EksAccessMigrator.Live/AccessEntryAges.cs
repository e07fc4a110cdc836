namespace EksAccessMigrator.Live;

/// <summary>
/// For <c>verify</c>: when each of a scan's access entries was created (DescribeAccessEntry's <c>createdAt</c>, as the
/// scan read it), and when each listed IAM role and user was (their <c>CreateDate</c>), so that an entry older than its
/// principal can be reported (the principal was re-created).
/// </summary>
public static class AccessEntryAges
{
    public static (List<KeyValuePair<string, DateTimeOffset>> Entries, List<KeyValuePair<string, DateTimeOffset>> Principals) Read(LiveScanResult scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var principals = scan.Roles.Where(r => r.CreateDate is not null).Select(r => KeyValuePair.Create(r.Arn, r.CreateDate!.Value))
            .Concat(scan.Users.Where(u => u.CreateDate is not null).Select(u => KeyValuePair.Create(u.Arn, u.CreateDate!.Value)))
            .ToList();
        var entries = (scan.Inventory.ExistingAccessEntries ?? [])
            .Select(e => e.PrincipalArn)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Where(scan.AccessEntriesCreatedAt.ContainsKey)
            .Select(arn => KeyValuePair.Create(arn, scan.AccessEntriesCreatedAt[arn]))
            .ToList();
        return (entries, principals);
    }
}
