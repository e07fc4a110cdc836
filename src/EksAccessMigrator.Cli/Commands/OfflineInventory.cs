using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>Builds the inventory from exported files and command-line facts about the cluster.</summary>
public static class OfflineInventory
{
    public sealed record Scanned(AwsAuthConfigMap? AwsAuth, WorkloadCollector Workloads, int Files, int Objects);

    public static Scanned ScanFiles(InputOptions input, CancellationToken cancellationToken, string? roleKey = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.From.Length == 0)
        {
            throw new UsageException("no input: give --from with exported manifests (a file or a directory), e.g. 'kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml'.");
        }

        var awsAuth = new AwsAuthCollector();
        var workloads = roleKey is null ? new WorkloadCollector() : new WorkloadCollector(roleKey);
        var files = InputFiles.Expand(input.From);
        var objects = ManifestScanner.Scan(files, [awsAuth, workloads], cancellationToken);
        return new Scanned(awsAuth.AwsAuth, workloads, files.Count, objects);
    }

    public static ClusterInventory Build(InputOptions input, ClusterOptions cluster, string? callerArn, CancellationToken cancellationToken, string? roleKey = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(cluster);
        var context = Context(cluster);
        var scanned = ScanFiles(input, cancellationToken, roleKey);

        // list-roles output carries trust policies; get-role output names a single role, so it must not make its
        // account look completely listed (rule A1), and is read for its trust policy only.
        var trust = input.IamSnapshot.Select(f => (File: f, Result: TrustPolicyReader.Read(f))).ToList();
        var iam = IamSnapshotReader.Read(trust.Where(t => !t.Result.IsGetRole).Select(t => t.File));
        ImmutableArray<ExistingAccessEntry>? existing = null;
        if (input.AccessEntries is not null)
        {
            if (context.AuthenticationMode == AuthenticationMode.ConfigMap)
            {
                throw new UsageException("--access-entries was given, but in CONFIG_MAP mode a cluster has no access entries; give --authentication-mode API_AND_CONFIG_MAP if the cluster has them enabled.");
            }

            existing = AccessEntriesSnapshotReader.Read(input.AccessEntries);
        }

        return new ClusterInventory(context, scanned.AwsAuth, iam, existing, callerArn)
        {
            Workloads = scanned.Workloads.ToInventory([.. trust.SelectMany(t => t.Result.Policies)]),
        };
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

        if (!AccountIds.IsValid(options.Account))
        {
            throw new UsageException($"--account '{options.Account}' is not a 12-digit AWS account ID.");
        }

        var region = options.Region!.Trim();
        if (!System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z]{2}(-[a-z]+)+-[0-9]+$"))
        {
            throw new UsageException($"--region '{options.Region}' is not an AWS region name such as eu-west-1.");
        }

        var mode = AuthenticationMode.Parse(options.AuthenticationMode ?? AuthenticationMode.ConfigMap)
            ?? throw new UsageException($"--authentication-mode '{options.AuthenticationMode}' is not known; use CONFIG_MAP, API_AND_CONFIG_MAP or API.");
        ClusterName.Check(options.Cluster!.Trim());
        return new ClusterContext(options.Cluster!.Trim(), region, options.Account!, Partitions.ForRegion(region), mode);
    }
}
