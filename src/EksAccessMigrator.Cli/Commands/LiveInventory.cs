using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>Builds the inventory from the live cluster and account (no --from given).</summary>
public static class LiveInventory
{
    /// <param name="iamRoleKey"><c>--iam-role-key</c>, recorded in the inventory; null for the default.</param>
    /// <param name="oidcIssuer"><c>--oidc-issuer</c>, recorded in the inventory instead of DescribeCluster's; null to take DescribeCluster's.</param>
    public static Task<LiveScanResult> ScanAsync(ClusterOptions cluster, LiveOptions live, CliOutput output, bool showProgress, CancellationToken cancellationToken, string? iamRoleKey = null, string? oidcIssuer = null) =>
        ScanAsync(Settings(cluster, live, iamRoleKey) with { OidcIssuer = oidcIssuer }, cluster, live, output, showProgress, cancellationToken);

    /// <summary>How to reach the cluster: region, profile and endpoints from the options and the AWS SDKs' environment.</summary>
    public static LiveScanSettings Settings(ClusterOptions cluster, LiveOptions live, string? iamRoleKey)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(live);
        if (string.IsNullOrWhiteSpace(cluster.Cluster))
        {
            throw new UsageException("give --from with exported manifests for an offline plan, or --cluster NAME (with --region, AWS_REGION or a profile's region) to read the live cluster.");
        }

        ClusterName.Check(cluster.Cluster);
        if (live.Context is not null && live.Kubeconfig is null && Environment.GetEnvironmentVariable("KUBECONFIG") is null && !File.Exists(DefaultKubeconfig()))
        {
            throw new UsageException("--context was given, but there is no kubeconfig: give --kubeconfig FILE.");
        }

        Uri? apiServer = null;
        if (live.ApiServer is not null && !Uri.TryCreate(live.ApiServer, UriKind.Absolute, out apiServer))
        {
            throw new UsageException($"--api-server '{live.ApiServer}' is not an absolute URL such as https://127.0.0.1:8443.");
        }

        ClusterFacts.Account(cluster.Account);
        var region = cluster.Region is null ? null : ClusterFacts.Region(cluster.Region);
        return LiveScanSettings.Load(cluster.Cluster, region, live.Profile, live.Kubeconfig, live.Context) with { ApiServerOverride = apiServer, IamRoleKey = iamRoleKey };
    }

    public static Task<LiveScanResult> ScanAsync(LiveScanSettings settings, ClusterOptions cluster, LiveOptions live, CliOutput output, bool showProgress, CancellationToken cancellationToken) =>
        ScanAsync(settings, cluster, live, output, showProgress, null, cancellationToken);

    /// <param name="credentials">The AWS credentials (a fleet cluster's assumed role); null for the SDK's chain or <c>--profile</c>.</param>
    public static async Task<LiveScanResult> ScanAsync(LiveScanSettings settings, ClusterOptions cluster, LiveOptions live, CliOutput output, bool showProgress, Aws.Credentials.IAwsCredentialSource? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(output);
        var progress = showProgress && output.ErrorIsTerminal ? new ScanProgressView(output.Error) : null;
        var wireLog = live.Debug ? new WireLogView(output.Error) : null;
        settings = Debugged(settings, wireLog);
        var scanner = credentials is null ? LiveInventoryScanner.WithSdkCredentials(settings, wireLog, progress) : new LiveInventoryScanner(settings, credentials, wireLog, progress);
        var result = await scanner.ScanAsync(cancellationToken).ConfigureAwait(false);

        if (cluster.Account is not null && cluster.Account != result.Cluster.AccountId)
        {
            throw new UsageException($"--account {cluster.Account} does not match the cluster's account {result.Cluster.AccountId}; check the profile and region you are using.");
        }

        return result;
    }

    /// <summary>
    /// Opens the <see cref="ClusterConnection"/> apply and rollback use (credentials from the SDK's chain or the
    /// profile), checking <paramref name="expected"/> first; with <c>--debug</c> every AWS attempt and Kubernetes
    /// request goes to <paramref name="wireLog"/>.
    /// </summary>
    public static Task<ClusterConnection> ConnectAsync(LiveScanSettings settings, WireLogView? wireLog, ClusterExpectation expected, CancellationToken cancellationToken) =>
        ConnectAsync(settings, wireLog, expected, null, cancellationToken);

    /// <param name="credentials">The AWS credentials (a fleet cluster's assumed role); null for the SDK's chain or the profile.</param>
    public static Task<ClusterConnection> ConnectAsync(LiveScanSettings settings, WireLogView? wireLog, ClusterExpectation expected, Aws.Credentials.IAwsCredentialSource? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ClusterConnection.OpenAsync(Debugged(settings, wireLog), credentials ?? new Aws.Credentials.SdkCredentialSource(settings.Aws.Profile), wireLog, expected, cancellationToken);
    }

    /// <summary>With <c>--debug</c>, the Kubernetes requests go to the debug log too (method, URL, status only).</summary>
    public static LiveScanSettings Debugged(LiveScanSettings settings, WireLogView? wireLog)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return wireLog is null ? settings : settings with { Kubernetes = settings.Kubernetes with { RequestLog = wireLog.Log } };
    }

    private static string DefaultKubeconfig() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
}
