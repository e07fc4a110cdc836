using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task The_bearer_token_is_sent_and_the_provider_is_asked_once_while_the_token_lives()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { ExpectedBearerToken = "good-token" });
        var calls = 0;
        using var connection = KubernetesConnection.FromEndpoint(
            server.Endpoint,
            null,
            _ => Task.FromResult(Interlocked.Increment(ref calls) > 0 ? "good-token" : string.Empty),
            TestCluster.FastOptions);
        var reader = connection.CreateReader();

        Assert.Null(await reader.GetAwsAuthConfigMapAsync(CancellationToken.None));
        Assert.Null(await reader.GetAwsAuthConfigMapAsync(CancellationToken.None));

        Assert.Equal(1, calls);
        Assert.All(server.Requests.Entries, r => Assert.True(r.HadBearerToken));
        Assert.All(server.Requests.Entries, r => Assert.Equal(404, r.StatusCode));
    }

    [Fact]
    public async Task A_wrong_token_fails_with_401_and_the_token_is_not_in_the_message()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { ExpectedBearerToken = "good-token" });
        using var connection = KubernetesConnection.FromEndpoint(server.Endpoint, null, _ => Task.FromResult("leaky-secret-token"), TestCluster.FastOptions);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("Unauthorized", error.Reason);
        Assert.DoesNotContain("leaky-secret-token", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Entries.Count);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_succeeds_with_the_new_one()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { BearerTokenValidator = t => t == "token-2" });
        var issued = 0;
        using var connection = KubernetesConnection.FromEndpoint(
            server.Endpoint,
            null,
            _ => Task.FromResult("token-" + Interlocked.Increment(ref issued)),
            TestCluster.FastOptions);

        Assert.Null(await connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None));

        Assert.Equal(2, issued);
        Assert.Equal([401, 404], server.Requests.Entries.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task An_expired_token_lifetime_asks_the_provider_again()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { ExpectedBearerToken = "t" });
        var calls = 0;
        using var connection = KubernetesConnection.FromEndpoint(
            server.Endpoint,
            null,
            _ =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromResult("t");
            },
            TestCluster.FastOptions with { TokenLifetime = TimeSpan.Zero });
        var reader = connection.CreateReader();

        await reader.GetAwsAuthConfigMapAsync(CancellationToken.None);
        await reader.GetAwsAuthConfigMapAsync(CancellationToken.None);

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_server_without_a_token_answers_401_to_anonymous_requests()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { ExpectedBearerToken = "t" });
        using var http = new HttpClient { BaseAddress = server.Endpoint };

        using var response = await http.GetAsync(new Uri("/api/v1/namespaces", UriKind.Relative));

        Assert.Equal(401, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"kind\":\"Status\"", body, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"Unauthorized\"", body, StringComparison.Ordinal);
        Assert.False(Assert.Single(server.Requests.Entries).HadBearerToken);
    }
}
