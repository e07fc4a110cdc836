using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Logging;
using EksAccessMigrator.Aws.Ports;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Aws.Tokens;
using EksAccessMigrator.Core.Ports;
using EksAccessMigrator.Kubernetes;
using EksAccessMigrator.Live.Errors;

namespace EksAccessMigrator.Live;

/// <summary>
/// The one way to reach a cluster, for scan, apply, verify and rollback: the AWS clients (EKS, IAM, STS on one
/// pipeline configuration: credentials, endpoints, wire log, clock), the cluster as DescribeCluster reported it, and
/// the Kubernetes connection (the kubeconfig when one is given, else the EKS endpoint, or
/// <see cref="LiveScanSettings.ApiServerOverride"/>, with the cluster's CA and an EKS bearer token made like
/// <c>aws eks get-token</c>, refreshed by the connection, never logged). Owns and disposes all of them.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private readonly LiveScanSettings _settings;
    private readonly IAwsCredentialSource _credentials;
    private KubernetesConnection? _kubernetes;
    private EksClusterFacts? _cluster;
    private ClusterPorts? _ports;
    private ScanPorts? _scanPorts;

    private ClusterConnection(LiveScanSettings settings, IAwsCredentialSource credentials, IAwsWireLog? wireLog)
    {
        _settings = settings;
        _credentials = credentials;
        var pipeline = new AwsPipelineOptions { Log = wireLog, TimeProvider = settings.TimeProvider };
        Eks = EksClient.Create(settings.Aws, credentials, pipeline);
        Iam = IamClient.Create(settings.Aws, credentials, pipeline);
        Sts = StsClient.Create(settings.Aws, credentials, pipeline);
    }

    public EksClient Eks { get; }

    public IamClient Iam { get; }

    public StsClient Sts { get; }

    public string Region => _settings.Aws.Region;

    /// <summary>The cluster as DescribeCluster reported it when the connection was opened.</summary>
    public EksClusterFacts Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not been described yet.");

    /// <summary>The API server connection.</summary>
    public KubernetesConnection Kubernetes => _kubernetes ?? throw new InvalidOperationException("The Kubernetes API server is not connected yet.");

    /// <summary>
    /// The Core ports over this connection's clients, for apply, rollback and verify (the connection stays their
    /// owner). Only once the API server is connected (<see cref="OpenAsync"/>).
    /// </summary>
    public ClusterPorts Ports => _ports ??= AdapterPorts.Create(Eks, Iam, Sts, Kubernetes, Region);

    /// <summary>The live scan's read ports over this connection's clients; only for a connection made by <see cref="ForScan"/>.</summary>
    internal ScanPorts ScanPorts => _scanPorts ?? throw new InvalidOperationException("The connection was not opened for a scan.");

    /// <summary>
    /// Opens a connection for apply, verify or rollback. With <paramref name="expected"/>, the caller's account
    /// (sts:GetCallerIdentity), the region and the cluster ARN (DescribeCluster) are checked before anything else
    /// is called and before the API server is reached; a mismatch is a <see cref="ClusterMismatchException"/>.
    /// </summary>
    /// <param name="wireLog"><c>--debug</c>: every EKS, IAM and STS attempt, redacted by the AWS pipeline; null for none.</param>
    public static async Task<ClusterConnection> OpenAsync(
        LiveScanSettings settings,
        IAwsCredentialSource credentials,
        IAwsWireLog? wireLog,
        ClusterExpectation? expected,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        var connection = new ClusterConnection(settings, credentials, wireLog);
        try
        {
            if (expected is not null)
            {
                await CheckAccountAsync(connection, expected, cancellationToken).ConfigureAwait(false);
            }

            var cluster = await new EksClusterControl(connection.Eks).DescribeClusterFactsAsync(settings.ClusterName, cancellationToken).ConfigureAwait(false);
            if (expected?.Arn is { Length: > 0 } arn && !string.Equals(arn, cluster.Arn, StringComparison.Ordinal))
            {
                throw new ClusterMismatchException($"EKS reports cluster {cluster.Arn}, but {arn} was expected (a cluster deleted and re-created under the same name is another cluster); nothing was written.");
            }

            connection.ConnectKubernetes(cluster, settings.Kubernetes);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The scan's AWS side: clients only; the scan describes the cluster and connects as its steps go.</summary>
    internal static ClusterConnection ForScan(LiveScanSettings settings, IAwsCredentialSource credentials, RetryRecorder recorder)
    {
        var connection = new ClusterConnection(settings, credentials, recorder);
        connection._scanPorts = AdapterPorts.ForScan(connection.Eks, connection.Iam, connection.Sts, recorder);
        return connection;
    }

    /// <summary>Records the cluster and connects to its API server with <paramref name="options"/>.</summary>
    internal KubernetesConnection ConnectKubernetes(EksClusterFacts cluster, KubernetesAdapterOptions options)
    {
        _cluster = cluster;
        if (_settings.UsesKubeconfig)
        {
            return _kubernetes = KubernetesConnection.FromKubeconfig(_settings.KubeconfigPath, _settings.KubeContext, options);
        }

        var endpoint = _settings.ApiServerOverride ?? cluster.Endpoint
            ?? throw new LiveScanException(ScanStep.AwsAuth, $"DescribeCluster reported no API server endpoint for '{cluster.Name}' (status {cluster.Status ?? "unknown"}); wait until the cluster is ACTIVE, or give --kubeconfig.", null);
        var caData = _settings.ApiServerOverride is null ? cluster.CertificateAuthorityData : _settings.ApiServerCertificateAuthorityData;
        var settings = _settings;
        var credentials = _credentials;
        return _kubernetes = KubernetesConnection.FromEndpoint(
            endpoint,
            caData,
            async ct => (await EksTokenGenerator.CreateAsync(cluster.Name, settings.Aws, credentials, settings.TimeProvider, ct).ConfigureAwait(false)).Token,
            options);
    }

    public void Dispose()
    {
        _kubernetes?.Dispose();
        Eks.Dispose();
        Iam.Dispose();
        Sts.Dispose();
    }

    private static async Task CheckAccountAsync(ClusterConnection connection, ClusterExpectation expected, CancellationToken cancellationToken)
    {
        if (!string.Equals(expected.Region, connection.Region, StringComparison.Ordinal))
        {
            throw new ClusterMismatchException($"The connection is for region {connection.Region}, but region {expected.Region} was expected; nothing was written.");
        }

        var caller = await connection.Sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(caller.Account, expected.AccountId, StringComparison.Ordinal))
        {
            throw new ClusterMismatchException($"The AWS credentials are for account {caller.Account} ({caller.Arn}), but account {expected.AccountId} was expected; check the profile. Nothing was written.");
        }
    }
}
