using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// The offline scan's settings from the command line (<c>--from</c> given); the scan itself is
/// <see cref="OfflineInventoryScanner"/>, as <see cref="LiveInventory"/> sets up <c>LiveInventoryScanner</c>.
/// </summary>
public static class OfflineInventory
{
    /// <summary>The manifests-only pass of <c>scan</c>: no cluster facts needed.</summary>
    public static OfflineManifests ReadManifests(InputOptions input, string? roleKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireInput(input);
        return OfflineInventoryScanner.ReadManifests(input.From, input.IamSnapshot, input.AccessEntries, roleKey, cancellationToken);
    }

    /// <summary>What to read and the cluster's facts: <c>--cluster</c>, <c>--region</c>, <c>--account</c>, <c>--authentication-mode</c>, <c>--caller-arn</c>, <c>--iam-role-key</c>, <c>--oidc-issuer</c>.</summary>
    public static OfflineScanSettings Settings(InputOptions input, ClusterOptions cluster, string? callerArn, string? roleKey, string? oidcIssuer)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(cluster);
        var context = Context(cluster);
        RequireInput(input);
        return new OfflineScanSettings
        {
            Cluster = context,
            From = input.From,
            IamSnapshots = input.IamSnapshot,
            AccessEntries = input.AccessEntries,
            CallerArn = callerArn,
            IamRoleKey = roleKey,
            OidcIssuer = oidcIssuer,
        };
    }

    private static void RequireInput(InputOptions input)
    {
        if (input.From.Length == 0)
        {
            throw new UsageException("no input: give --from with exported manifests (a file or a directory), e.g. 'kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml'.");
        }
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
