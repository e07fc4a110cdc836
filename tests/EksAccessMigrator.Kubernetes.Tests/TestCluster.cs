using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Kubernetes;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Tests;

/// <summary>A fake API server plus an adapter connection to it, authenticated with a fixed token.</summary>
internal sealed class TestCluster : IAsyncDisposable
{
    public const string Token = "test-token-5f2c9a";

    private TestCluster(FakeKubernetesServer server, KubernetesConnection connection)
    {
        Server = server;
        Connection = connection;
    }

    public FakeKubernetesServer Server { get; }

    public KubernetesConnection Connection { get; }

    public ClusterState State => Server.State;

    public static KubernetesAdapterOptions FastOptions { get; } = new()
    {
        PageSize = 500,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromSeconds(2),
        MaxRetryDuration = TimeSpan.FromSeconds(20),
        RequestTimeout = TimeSpan.FromSeconds(5),
        RolloutPollInterval = TimeSpan.FromMilliseconds(20),
    };

    public static async Task<TestCluster> StartAsync(KubernetesAdapterOptions? adapterOptions = null, FakeKubernetesOptions? serverOptions = null)
    {
        var server = await FakeKubernetesServer.StartAsync(serverOptions ?? new FakeKubernetesOptions { ExpectedBearerToken = Token });
        var connection = KubernetesConnection.FromEndpoint(server.Endpoint, null, _ => Task.FromResult(Token), adapterOptions ?? FastOptions);
        return new TestCluster(server, connection);
    }

    public void SeedNamespace(string name) =>
        State.Add(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });

    public V1Deployment SeedDeployment(string ns, string name, string serviceAccount = "default")
    {
        State.Add(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new V1DeploymentSpec
            {
                Replicas = 2,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = serviceAccount,
                        Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }],
                    },
                },
            },
        });
        return State.Get<V1Deployment>(ns, name)!;
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
    }
}
