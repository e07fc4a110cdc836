using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class TlsConnectionTests
{
    [Fact]
    public async Task Https_with_the_clusters_ca_data_connects()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { UseTls = true, ExpectedBearerToken = "t" });
        server.State.Add("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}""");
        using var connection = KubernetesConnection.FromEndpoint(server.Endpoint, server.CertificateAuthorityData, _ => Task.FromResult("t"), TestCluster.FastOptions);

        var names = new List<string>();
        await foreach (var ns in connection.CreateReader().ListNamespacesAsync(CancellationToken.None))
        {
            names.Add(ns.Metadata.Name);
        }

        Assert.Equal("https", server.Endpoint.Scheme);
        Assert.Equal(["team-a"], names);
    }

    [Fact]
    public async Task Https_with_another_ca_fails_at_once_without_retries()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { UseTls = true });
        await using var other = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { UseTls = true });
        using var connection = KubernetesConnection.FromEndpoint(server.Endpoint, other.CertificateAuthorityData, _ => Task.FromResult("t"), TestCluster.FastOptions);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests.Entries);
    }
}
