using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>One workload test's cluster in the examples' account: a fake EKS and a fake API server beside <see cref="WorkloadMoto"/>.</summary>
internal sealed class WorkloadWorld : IAsyncDisposable
{
    private WorkloadWorld(WorkloadMoto moto, string clusterName, FakeEksServer eks, FakeKubernetesServer kubernetes)
    {
        Moto = moto;
        ClusterName = clusterName;
        Eks = eks;
        Kubernetes = kubernetes;
    }

    public WorkloadMoto Moto { get; }

    public string ClusterName { get; }

    public FakeEksServer Eks { get; }

    public FakeKubernetesServer Kubernetes { get; }

    public string ClusterArn => $"arn:aws:eks:{WorkloadMoto.Region}:{WorkloadMoto.Account}:cluster/{ClusterName}";

    /// <param name="kubernetesOptions">The fake API server's options (e.g. Karpenter's CRD installed); defaults when null.</param>
    public static async Task<WorkloadWorld> StartAsync(WorkloadMoto moto, string clusterName, IEnumerable<SeedRole> roles, FakeKubernetesOptions? kubernetesOptions = null)
    {
        await moto.SeedAsync(roles);
        var eks = await FakeEksServer.StartAsync(new FakeEksOptions { UpdatePollsUntilComplete = 0 });
        var kubernetes = await FakeKubernetesServer.StartAsync(kubernetesOptions ?? new FakeKubernetesOptions());
        eks.State.AddCluster(clusterName, WorkloadMoto.Account, WorkloadMoto.Region);
        return new WorkloadWorld(moto, clusterName, eks, kubernetes);
    }

    public LiveScanSettings Settings(int pageSize = 50) => new()
    {
        ClusterName = ClusterName,
        Aws = new AwsClientSettings
        {
            Region = WorkloadMoto.Region,
            EksEndpointUrl = Eks.Endpoint,
            IamEndpointUrl = Moto.Endpoint,
            StsEndpointUrl = Moto.Endpoint,
            RequestTimeout = TimeSpan.FromSeconds(10),
            Retry = LiveWorld.FastRetry,
        },
        ApiServerOverride = Kubernetes.Endpoint,
        Kubernetes = LiveWorld.FastKubernetes with { PageSize = pageSize },
        MaxConcurrency = 4,
    };

    public LiveInventoryScanner Scanner(LiveScanSettings? settings = null, IScanProgress? progress = null) =>
        new(settings ?? Settings(), new StaticCredentialSource(LiveWorld.Credentials), null, progress);

    public async ValueTask DisposeAsync()
    {
        await Kubernetes.DisposeAsync();
        await Eks.DisposeAsync();
    }
}
