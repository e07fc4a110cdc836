using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Sts;
using EksAccessMigrator.Aws.Tokens;
using EksAccessMigrator.Kubernetes;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Apply;

/// <summary>
/// Opens (and owns) the clients apply and rollback need, the way the live scan reaches the cluster: the kubeconfig
/// when one is given, else the EKS endpoint (or <see cref="LiveScanSettings.ApiServerOverride"/>) with an EKS
/// bearer token made like <c>aws eks get-token</c>.
/// </summary>
public sealed class ApplyConnection : IDisposable
{
    private readonly EksClient _eks;
    private readonly IamClient _iam;
    private readonly StsClient _sts;
    private readonly KubernetesConnection _kubernetes;

    private ApplyConnection(EksClient eks, IamClient iam, StsClient sts, KubernetesConnection kubernetes, string region)
    {
        _eks = eks;
        _iam = iam;
        _sts = sts;
        _kubernetes = kubernetes;
        Clients = new ApplyClients(eks, iam, sts.GetCallerIdentityAsync, kubernetes, region);
    }

    public ApplyClients Clients { get; }

    /// <param name="settings">The same settings as the live scan.</param>
    /// <param name="cluster">The cluster as the live scan read it (<see cref="LiveScanResult.Cluster"/>): endpoint and CA.</param>
    /// <param name="credentials">AWS credentials.</param>
    /// <param name="wireLog">
    /// <c>--debug</c>: every EKS and IAM call of apply or rollback (reads and writes, each attempt), redacted by the
    /// AWS pipeline exactly as the scan's debug log is; null for none.
    /// </param>
    public static ApplyConnection Open(LiveScanSettings settings, EksClusterFacts cluster, IAwsCredentialSource credentials, Aws.Logging.IAwsWireLog? wireLog = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(credentials);
        KubernetesConnection kubernetes;
        if (settings.UsesKubeconfig)
        {
            kubernetes = KubernetesConnection.FromKubeconfig(settings.KubeconfigPath, settings.KubeContext, settings.Kubernetes);
        }
        else
        {
            var endpoint = settings.ApiServerOverride ?? cluster.Endpoint
                ?? throw new InvalidOperationException($"Cluster {cluster.Name} has no API server endpoint (status {cluster.Status ?? "unknown"}); give --kubeconfig.");
            var caData = settings.ApiServerOverride is null ? cluster.CertificateAuthorityData : settings.ApiServerCertificateAuthorityData;
            kubernetes = KubernetesConnection.FromEndpoint(
                endpoint,
                caData,
                async ct => (await EksTokenGenerator.CreateAsync(cluster.Name, settings.Aws, credentials, settings.TimeProvider, ct).ConfigureAwait(false)).Token,
                settings.Kubernetes);
        }

        var pipeline = new Aws.Http.AwsPipelineOptions { Log = wireLog, TimeProvider = settings.TimeProvider };
        return new ApplyConnection(EksClient.Create(settings.Aws, credentials, pipeline), IamClient.Create(settings.Aws, credentials, pipeline), StsClient.Create(settings.Aws, credentials, pipeline), kubernetes, settings.Aws.Region);
    }

    public void Dispose()
    {
        _kubernetes.Dispose();
        _sts.Dispose();
        _iam.Dispose();
        _eks.Dispose();
    }
}
