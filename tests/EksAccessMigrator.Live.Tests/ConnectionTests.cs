using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Ports;
using EksAccessMigrator.Aws.Tokens;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

[Collection(MotoGroup.Name)]
public sealed class ConnectionTests(MotoIam moto) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eam-live-kc-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Kubeconfig_AndContext_AreUsedInsteadOfTheEksEndpoint()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        var token = EksTokenGenerator.Create(Scenario.ClusterName, LiveWorld.Credentials, AwsEndpointResolver.Resolve(world.AwsSettings(), AwsService.Sts), DateTimeOffset.UtcNow).Token;
        Directory.CreateDirectory(_directory);
        var kubeconfig = Path.Combine(_directory, "config");
        File.WriteAllText(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            current-context: elsewhere
            clusters:
            - name: fake
              cluster:
                server: {world.Kubernetes.Endpoint}
            - name: nowhere
              cluster:
                server: http://127.0.0.1:9/
            users:
            - name: scanner
              user:
                token: {token}
            contexts:
            - name: fake
              context:
                cluster: fake
                user: scanner
            - name: elsewhere
              context:
                cluster: nowhere
                user: scanner
            """);
        var settings = world.Settings() with { ApiServerOverride = null, KubeconfigPath = kubeconfig, KubeContext = "fake" };

        var result = await world.Scanner(settings).ScanAsync(CancellationToken.None);

        Assert.NotNull(result.Inventory.AwsAuth);
        Assert.Contains(token, world.BearerTokens);
    }

    [Fact]
    public async Task TlsApiServer_IsTrustedThroughItsCaData()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        await using var tls = await FakeKubernetes.FakeKubernetesServer.StartAsync(new FakeKubernetes.FakeKubernetesOptions { UseTls = true });
        tls.State.Add(Scenario.ConfigMapJson());
        var settings = world.Settings() with { ApiServerOverride = tls.Endpoint, ApiServerCertificateAuthorityData = tls.CertificateAuthorityData };

        var result = await world.Scanner(settings).ScanAsync(CancellationToken.None);

        Assert.Equal(3, result.Inventory.AwsAuth!.Data.Length);
    }

    [Fact]
    public void DescribeCluster_WithoutAccessConfig_IsConfigMapMode()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("""{"cluster":{"name":"old","arn":"arn:aws-cn:eks:cn-north-1:123456789012:cluster/old","endpoint":"https://x.example","status":"ACTIVE"}}""");

        var facts = EksClusterFactsParser.Parse(body);

        Assert.Equal(AuthenticationMode.ConfigMap, facts.AuthenticationMode);
        Assert.Equal(new ClusterContext("old", "cn-north-1", "123456789012", "aws-cn", AuthenticationMode.ConfigMap) { LiveArn = "arn:aws-cn:eks:cn-north-1:123456789012:cluster/old" }, facts.ToContext());
        Assert.Null(facts.CertificateAuthorityData);
    }

    [Fact]
    public void DescribeCluster_WithAForeignArn_IsRejected()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("""{"cluster":{"name":"x","arn":"arn:aws:iam::123456789012:role/x"}}""");

        Assert.Throws<FormatException>(() => EksClusterFactsParser.Parse(body));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
