using System.Collections.Concurrent;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class RetryTests
{
    [Fact]
    public async Task Too_many_requests_is_retried_after_the_servers_retry_after()
    {
        var retries = new ConcurrentQueue<KubernetesRetryAttempt>();
        await using var cluster = await TestCluster.StartAsync(TestCluster.FastOptions with { OnRetry = retries.Enqueue });
        AwsAuth.Seed(cluster);
        cluster.Server.Faults.FailNext(429, retryAfter: TimeSpan.FromSeconds(1));

        var awsAuth = await cluster.Connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None);

        Assert.NotNull(awsAuth);
        var retry = Assert.Single(retries);
        Assert.Equal(429, retry.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
        Assert.Equal([429, 200], cluster.Server.Requests.Entries.Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_are_retried_with_backoff(int status)
    {
        var retries = new ConcurrentQueue<KubernetesRetryAttempt>();
        await using var cluster = await TestCluster.StartAsync(TestCluster.FastOptions with { OnRetry = retries.Enqueue });
        cluster.SeedDeployment("team-a", "web");
        cluster.Server.Faults.FailNext(status, times: 2);

        var result = await cluster.Connection.CreateWriter().SetPodTemplateServiceAccountAsync(
            new WorkloadRef(WorkloadKind.Deployment, "team-a", "web"), "web", null, CancellationToken.None);

        Assert.Equal(WriteOutcome.Succeeded, result.Outcome);
        Assert.Equal([1, 2], retries.Select(r => r.Attempt));
        Assert.True(retries.Last().Delay > retries.First().Delay);
        Assert.Equal(3, cluster.Server.Requests.Entries.Count);
    }

    [Fact]
    public async Task Retries_stop_at_the_attempt_limit_with_the_servers_message()
    {
        await using var cluster = await TestCluster.StartAsync(TestCluster.FastOptions with { MaxAttempts = 3 });
        cluster.Server.Faults.FailNext(503, times: 10);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            cluster.Connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("ServiceUnavailable", error.Reason);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, cluster.Server.Requests.Entries.Count);
        Assert.Contains("unable to handle the request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_stop_when_the_total_retry_time_would_be_exceeded()
    {
        var options = TestCluster.FastOptions with { MaxAttempts = 10, MaxRetryDuration = TimeSpan.FromMilliseconds(500) };
        await using var cluster = await TestCluster.StartAsync(options);
        cluster.Server.Faults.FailNext(429, times: 10, retryAfter: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            cluster.Connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None));

        Assert.Equal(429, error.StatusCode);
        Assert.Single(cluster.Server.Requests.Entries);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.Server.Faults.FailNext(403);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            cluster.Connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
        Assert.Single(cluster.Server.Requests.Entries);
    }

    [Fact]
    public async Task Dropped_connections_and_slow_answers_are_retried()
    {
        var options = TestCluster.FastOptions with { RequestTimeout = TimeSpan.FromSeconds(1) };
        await using var cluster = await TestCluster.StartAsync(options);
        cluster.SeedNamespace("team-a");
        cluster.Server.Faults.DropNext();
        cluster.Server.Faults.DelayNext(TimeSpan.FromSeconds(3));

        var namespaces = new List<V1Namespace>();
        await foreach (var ns in cluster.Connection.CreateReader().ListNamespacesAsync(CancellationToken.None))
        {
            namespaces.Add(ns);
        }

        Assert.Equal("team-a", Assert.Single(namespaces).Metadata.Name);
    }

    [Fact]
    public async Task Cancellation_stops_waiting_between_retries()
    {
        // The token is cancelled the moment the executor decides to wait 30 s, so nothing here depends on timing.
        using var cancel = new CancellationTokenSource();
        await using var cluster = await TestCluster.StartAsync(TestCluster.FastOptions with
        {
            MaxBackoff = TimeSpan.FromSeconds(30),
            MaxRetryDuration = TimeSpan.FromSeconds(120),
            OnRetry = _ => cancel.Cancel(),
        });
        cluster.Server.Faults.FailNext(429, times: 5, retryAfter: TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            cluster.Connection.CreateReader().GetAwsAuthConfigMapAsync(cancel.Token));
        Assert.Single(cluster.Server.Requests.Entries);
    }
}
