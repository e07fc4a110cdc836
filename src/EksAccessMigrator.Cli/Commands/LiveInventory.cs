using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>Builds the inventory from the live cluster and account (no --from given).</summary>
public static class LiveInventory
{
    public static async Task<LiveScanResult> ScanAsync(ClusterOptions cluster, LiveOptions live, CliOutput output, bool showProgress, CancellationToken cancellationToken, string? iamRoleKey = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(cluster.Cluster))
        {
            throw new UsageException("give --from with exported manifests for an offline plan, or --cluster NAME (with --region, AWS_REGION or a profile's region) to read the live cluster.");
        }

        if (live.Context is not null && live.Kubeconfig is null && Environment.GetEnvironmentVariable("KUBECONFIG") is null && !File.Exists(DefaultKubeconfig()))
        {
            throw new UsageException("--context was given, but there is no kubeconfig: give --kubeconfig FILE.");
        }

        Uri? apiServer = null;
        if (live.ApiServer is not null && !Uri.TryCreate(live.ApiServer, UriKind.Absolute, out apiServer))
        {
            throw new UsageException($"--api-server '{live.ApiServer}' is not an absolute URL such as https://127.0.0.1:8443.");
        }

        var settings = LiveScanSettings.Load(cluster.Cluster, cluster.Region, live.Profile, live.Kubeconfig, live.Context) with { ApiServerOverride = apiServer, IamRoleKey = iamRoleKey };
        var progress = showProgress && output.ErrorIsTerminal ? new ScanProgressView(output.Error) : null;
        var wireLog = live.Debug ? new WireLogView(output.Error) : null;
        var result = await LiveInventoryScanner.WithSdkCredentials(settings, wireLog, progress).ScanAsync(cancellationToken).ConfigureAwait(false);

        if (cluster.Account is not null && cluster.Account != result.Cluster.AccountId)
        {
            throw new UsageException($"--account {cluster.Account} does not match the cluster's account {result.Cluster.AccountId}; check the profile and region you are using.");
        }

        return result;
    }

    private static string DefaultKubeconfig() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
}
