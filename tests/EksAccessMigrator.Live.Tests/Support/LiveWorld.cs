using System.Collections.Concurrent;
using System.Text;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Kubernetes;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>
/// One test's cluster: a fake EKS holding <see cref="Scenario"/>'s cluster and a fake Kubernetes API server holding
/// its aws-auth, beside the shared moto. The API server checks that every request carries an EKS bearer token
/// for the cluster, and keeps the tokens it saw.
/// </summary>
internal sealed class LiveWorld : IAsyncDisposable
{
    public static readonly AwsCredentialsSnapshot Credentials = new("AKIALIVESCANTEST0001", "liveScanSecretKeyThatMustNeverAppear0001", "liveScanSessionTokenThatMustNeverAppear0001");

    private LiveWorld(MotoIam moto, FakeEksServer eks, FakeKubernetesServer kubernetes, ConcurrentBag<string> tokens)
    {
        Moto = moto;
        Eks = eks;
        Kubernetes = kubernetes;
        BearerTokens = tokens;
    }

    public MotoIam Moto { get; }

    public FakeEksServer Eks { get; }

    public FakeKubernetesServer Kubernetes { get; }

    /// <summary>Every bearer token the API server received.</summary>
    public ConcurrentBag<string> BearerTokens { get; }

    public static AwsRetryOptions FastRetry { get; } = new()
    {
        MaxAttempts = 10,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(40),
        MaxTotalRetryTime = TimeSpan.FromSeconds(3),
        MaxRetryAfter = TimeSpan.FromMilliseconds(50),
    };

    public static KubernetesAdapterOptions FastKubernetes { get; } = new()
    {
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        MaxRetryDuration = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(10),
        PageSize = 50,
    };

    public static async Task<LiveWorld> StartAsync(MotoIam moto, string authenticationMode = "CONFIG_MAP", FakeEksOptions? eksOptions = null, bool seedAwsAuth = true, bool acceptTokens = true)
    {
        var tokens = new ConcurrentBag<string>();
        var eks = await FakeEksServer.StartAsync(eksOptions ?? new FakeEksOptions { UpdatePollsUntilComplete = 0 });
        var kubernetes = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions
        {
            BearerTokenValidator = token =>
            {
                tokens.Add(token);
                return acceptTokens && IsEksToken(token, moto.Endpoint);
            },
        });
        eks.State.AddCluster(Scenario.ClusterName, Scenario.Account, Scenario.Region, authenticationMode);
        if (seedAwsAuth)
        {
            kubernetes.State.Add(Scenario.ConfigMapJson());
        }

        return new LiveWorld(moto, eks, kubernetes, tokens);
    }

    public AwsClientSettings AwsSettings(Uri? iamEndpoint = null) => new()
    {
        Region = Scenario.Region,
        EksEndpointUrl = Eks.Endpoint,
        IamEndpointUrl = iamEndpoint ?? Moto.Endpoint,
        StsEndpointUrl = Moto.Endpoint,
        RequestTimeout = TimeSpan.FromSeconds(10),
        Retry = FastRetry,
    };

    /// <summary>Settings that reach the API server of this world (the EKS endpoint of the fake is not routable).</summary>
    public LiveScanSettings Settings(Uri? iamEndpoint = null) => new()
    {
        ClusterName = Scenario.ClusterName,
        Aws = AwsSettings(iamEndpoint),
        ApiServerOverride = Kubernetes.Endpoint,
        Kubernetes = FastKubernetes,
        MaxConcurrency = 4,
        IamPageSize = 5,
    };

    public LiveInventoryScanner Scanner(LiveScanSettings? settings = null, Aws.Logging.IAwsWireLog? log = null, IScanProgress? progress = null) =>
        new(settings ?? Settings(), new StaticCredentialSource(Credentials), log, progress);

    public async ValueTask DisposeAsync()
    {
        await Kubernetes.DisposeAsync();
        await Eks.DisposeAsync();
    }

    /// <summary>A token as <c>aws eks get-token</c> makes it: a presigned STS GetCallerIdentity URL that signs x-k8s-aws-id.</summary>
    private static bool IsEksToken(string token, Uri sts)
    {
        if (!token.StartsWith("k8s-aws-v1.", StringComparison.Ordinal))
        {
            return false;
        }

        var payload = token["k8s-aws-v1.".Length..].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        var url = Encoding.UTF8.GetString(Convert.FromBase64String(payload));
        return url.StartsWith(sts.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            && url.Contains("Action=GetCallerIdentity", StringComparison.Ordinal)
            && url.Contains("x-k8s-aws-id", StringComparison.Ordinal);
    }
}
