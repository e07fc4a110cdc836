using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>Builds the inventory from exported files and command-line facts about the cluster.</summary>
public static class OfflineInventory
{
    /// <param name="IamSnapshots">The <c>--iam-snapshot</c> files, and the AWS CLI IAM output found under <c>--from</c>.</param>
    /// <param name="AccessEntries">The access-entries export: <c>--access-entries</c>, or the one found under <c>--from</c>.</param>
    public sealed record Scanned(AwsAuthConfigMap? AwsAuth, WorkloadCollector Workloads, int Files, int Objects, IReadOnlyList<string> IamSnapshots, string? AccessEntries, IReadOnlyList<SkippedInput> Skipped);

    public static Scanned ScanFiles(InputOptions input, CancellationToken cancellationToken, string? roleKey = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.From.Length == 0)
        {
            throw new UsageException("no input: give --from with exported manifests (a file or a directory), e.g. 'kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml'.");
        }

        var awsAuth = new AwsAuthCollector();
        var workloads = roleKey is null ? new WorkloadCollector() : new WorkloadCollector(roleKey);
        var inputs = InputFiles.Classify(input.From);
        var entries = inputs.AccessEntries.Concat(input.AccessEntries is null ? [] : [input.AccessEntries]).Distinct(StringComparer.Ordinal).ToList();
        if (entries.Count > 1)
        {
            throw new UsageException($"more than one access-entries export was given ({string.Join(", ", entries)}); a cluster has one set of access entries: keep one.");
        }

        var objects = inputs.Manifests.Count == 0 ? 0 : ManifestScanner.Scan(inputs.Manifests, [awsAuth, workloads], cancellationToken);
        var files = inputs.Manifests.Count + inputs.IamSnapshots.Count + inputs.AccessEntries.Count;
        return new Scanned(awsAuth.AwsAuth, workloads, files, objects, [.. input.IamSnapshot.Concat(inputs.IamSnapshots).Distinct(StringComparer.Ordinal)], entries.SingleOrDefault(), inputs.Skipped);
    }

    public static (ClusterInventory Inventory, Scanned Scanned) Build(InputOptions input, ClusterOptions cluster, string? callerArn, CancellationToken cancellationToken, string? roleKey = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(cluster);
        var context = Context(cluster);
        var scanned = ScanFiles(input, cancellationToken, roleKey);

        // list-roles output carries trust policies; get-role output names a single role, so it must not make its
        // account look completely listed (rule A1), and is read for its trust policy only.
        var trust = scanned.IamSnapshots.Select(f => (File: f, Result: TrustPolicyReader.Read(f))).ToList();
        var iam = IamSnapshotReader.Read(trust.Where(t => !t.Result.IsGetRole).Select(t => t.File));
        ImmutableArray<ExistingAccessEntry>? existing = null;
        if (scanned.AccessEntries is not null)
        {
            if (context.AuthenticationMode == AuthenticationMode.ConfigMap)
            {
                throw new UsageException($"an access-entries export ({scanned.AccessEntries}) was given, but in CONFIG_MAP mode a cluster has no access entries; give --authentication-mode API_AND_CONFIG_MAP if the cluster has them enabled.");
            }

            existing = AccessEntriesSnapshotReader.Read(scanned.AccessEntries);
        }

        var inventory = new ClusterInventory(context, scanned.AwsAuth, iam, existing, callerArn)
        {
            Workloads = scanned.Workloads.ToInventory([.. trust.SelectMany(t => t.Result.Policies)]),
            NodeRoles = RolePermissionsReader.Read(scanned.IamSnapshots),
        };
        return (inventory, scanned);
    }

    public static ClusterContext Context(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var missing = new[] { ("--cluster", options.Cluster), ("--region", options.Region), ("--account", options.Account) }
            .Where(o => string.IsNullOrWhiteSpace(o.Item2)).Select(o => o.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException($"an offline plan needs the cluster's facts: give {string.Join(", ", missing)} (the cluster's name, region and 12-digit account ID).");
        }

        ClusterFacts.Account(options.Account);
        var region = ClusterFacts.Region(options.Region!);

        var mode = AuthenticationMode.Parse(options.AuthenticationMode ?? AuthenticationMode.ConfigMap.Wire())
            ?? throw new UsageException($"--authentication-mode '{options.AuthenticationMode}' is not known; use CONFIG_MAP, API_AND_CONFIG_MAP or API.");
        ClusterName.Check(options.Cluster!.Trim());
        return new ClusterContext(options.Cluster!.Trim(), region, options.Account!, Partitions.ForRegion(region), mode);
    }
}
