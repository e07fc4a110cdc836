using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// Reads exported files into the planner's <see cref="ClusterInventory"/>, the same inventory the live scan
/// (<c>Live/LiveInventoryScanner</c>) reads from the cluster: aws-auth and workload identity through the collectors,
/// IAM principals and trust policies from the IAM snapshots, existing access entries from their export, and the
/// facts the command line gives about the cluster (<see cref="OfflineScanSettings"/>). Inputs that cannot be read or
/// contradict each other throw <see cref="ManifestException"/>.
/// </summary>
public sealed class OfflineInventoryScanner : IInventoryScanner<OfflineScanResult>
{
    private readonly OfflineScanSettings _settings;

    public OfflineInventoryScanner(OfflineScanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(settings.Cluster);
        _settings = settings;
    }

    /// <summary>Scans the files (synchronously: the readers stream from disk).</summary>
    public Task<OfflineScanResult> ScanAsync(CancellationToken cancellationToken) => Task.FromResult(Scan(cancellationToken));

    public OfflineScanResult Scan(CancellationToken cancellationToken)
    {
        var scanned = ReadManifests(_settings.From, _settings.IamSnapshots, _settings.AccessEntries, _settings.IamRoleKey, cancellationToken);

        // list-roles output carries trust policies; get-role output names a single role, so it must not make its
        // account look completely listed (rule A1), and is read for its trust policy only.
        var trust = scanned.IamSnapshots.Select(f => (File: f, Result: TrustPolicyReader.Read(f))).ToList();
        var iam = IamSnapshotReader.Read(trust.Where(t => !t.Result.IsGetRole).Select(t => t.File));
        ImmutableArray<ExistingAccessEntry>? existing = null;
        if (scanned.AccessEntries is not null)
        {
            if (_settings.Cluster.AuthenticationMode == AuthenticationMode.ConfigMap)
            {
                throw new ManifestException($"an access-entries export ({scanned.AccessEntries}) was given, but in CONFIG_MAP mode a cluster has no access entries; give --authentication-mode API_AND_CONFIG_MAP if the cluster has them enabled.");
            }

            existing = AccessEntriesSnapshotReader.Read(scanned.AccessEntries);
        }

        var inventory = new ClusterInventory(_settings.Cluster with { OidcIssuer = _settings.OidcIssuer }, scanned.AwsAuth, iam, existing, _settings.CallerArn)
        {
            Workloads = scanned.Workloads.ToInventory([.. trust.SelectMany(t => t.Result.Policies)]) with { IamRoleKey = _settings.IamRoleKey },
            NodeRoles = RolePermissionsReader.Read(scanned.IamSnapshots),
        };
        return new OfflineScanResult(inventory, scanned.Files, scanned.Objects, scanned.Skipped);
    }

    /// <summary>
    /// The manifests of <paramref name="from"/> through the collectors (with <paramref name="roleKey"/>, null for the
    /// default), and the IAM and access-entry files beside them; one access-entries export at most.
    /// </summary>
    public static OfflineManifests ReadManifests(IReadOnlyList<string> from, IReadOnlyList<string> iamSnapshots, string? accessEntries, string? roleKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(iamSnapshots);
        var awsAuth = new AwsAuthCollector();
        var workloads = roleKey is null ? new WorkloadCollector() : new WorkloadCollector(roleKey);
        var inputs = InputFiles.Classify(from);
        var entries = inputs.AccessEntries.Concat(accessEntries is null ? [] : [accessEntries]).Distinct(StringComparer.Ordinal).ToList();
        if (entries.Count > 1)
        {
            throw new ManifestException($"more than one access-entries export was given ({string.Join(", ", entries)}); a cluster has one set of access entries: keep one.");
        }

        var objects = inputs.Manifests.Count == 0 ? 0 : ManifestScanner.Scan(inputs.Manifests, [awsAuth, workloads], cancellationToken);
        var files = inputs.Manifests.Count + inputs.IamSnapshots.Count + inputs.AccessEntries.Count;
        return new OfflineManifests(awsAuth.AwsAuth, workloads, files, objects, [.. iamSnapshots.Concat(inputs.IamSnapshots).Distinct(StringComparer.Ordinal)], entries.SingleOrDefault(), inputs.Skipped);
    }
}
