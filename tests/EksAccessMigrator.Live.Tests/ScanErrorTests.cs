using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Live.Errors;
using EksAccessMigrator.Live.Tests.Support;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.Live.Tests;

[Collection(MotoGroup.Name)]
public sealed class ScanErrorTests(MotoIam moto)
{
    [Fact]
    public async Task UnknownCluster_IsClusterNotFound_NamingClusterAndRegion()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        var settings = world.Settings() with { ClusterName = "no-such-cluster" };

        var error = await Assert.ThrowsAsync<ClusterNotFoundException>(() => world.Scanner(settings).ScanAsync(CancellationToken.None));

        Assert.Equal(ScanStep.DescribeCluster, error.Step);
        Assert.Contains("'no-such-cluster'", error.Message, StringComparison.Ordinal);
        Assert.Contains(Scenario.Region, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingIamPermission_IsAccessDenied_NamingThePermission()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        await using var proxy = await ThrottlingProxy.StartAsync(moto.Endpoint, 0, 1, 0, deniedAction: "ListUsers");

        var error = await Assert.ThrowsAsync<ScanAccessDeniedException>(() => world.Scanner(world.Settings(proxy.Endpoint)).ScanAsync(CancellationToken.None));

        Assert.Equal("iam:ListUsers", error.Permission);
        Assert.Equal(ScanStep.IamUsers, error.Step);
        Assert.Contains("iam:ListUsers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedCredentials_AreAccessDenied_SayingSo()
    {
        await using var world = await LiveWorld.StartAsync(moto, eksOptions: new FakeEks.FakeEksOptions { AccessKeyId = "AKIAANOTHERKEY000001" });

        var error = await Assert.ThrowsAsync<ScanAccessDeniedException>(() => world.Scanner().ScanAsync(CancellationToken.None));

        Assert.Equal("eks:DescribeCluster", error.Permission);
        Assert.Contains("rejected the credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubernetesForbidden_IsAccessDenied_NamingTheRbacPermission()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        world.Kubernetes.Faults.FailNext(403, times: 5);

        var error = await Assert.ThrowsAsync<ScanAccessDeniedException>(() => world.Scanner().ScanAsync(CancellationToken.None));

        Assert.Equal(ScanStep.AwsAuth, error.Step);
        Assert.Contains("aws-auth", error.Permission, StringComparison.Ordinal);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubernetesUnauthorized_IsAccessDenied_PointingAtTheMissingMapping()
    {
        await using var world = await LiveWorld.StartAsync(moto, acceptTokens: false);

        var error = await Assert.ThrowsAsync<ScanAccessDeniedException>(() => world.Scanner().ScanAsync(CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("access entry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableEks_IsEndpointUnreachable()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var settings = world.Settings() with { Aws = world.AwsSettings() with { EksEndpointUrl = closed, Retry = LiveWorld.FastRetry with { MaxAttempts = 2 } } };

        var error = await Assert.ThrowsAsync<EndpointUnreachableException>(() => world.Scanner(settings).ScanAsync(CancellationToken.None));

        Assert.Equal("EKS", error.Service);
        Assert.Equal(closed, error.Endpoint);
        Assert.Contains(closed.Authority, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableApiServer_IsEndpointUnreachable_AndStopsTheOtherReads()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var settings = world.Settings() with { ApiServerOverride = closed };

        var error = await Assert.ThrowsAsync<EndpointUnreachableException>(() => world.Scanner(settings).ScanAsync(CancellationToken.None));

        Assert.Equal("Kubernetes", error.Service);
        Assert.Equal(ScanStep.AwsAuth, error.Step);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_StopsTheScan()
    {
        await using var world = await LiveWorld.StartAsync(moto);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Scanner().ScanAsync(cancelled.Token));
    }

    [Fact]
    public void Settings_RejectBadBounds()
    {
        var settings = new LiveScanSettings { ClusterName = "c", Aws = new Aws.AwsClientSettings { Region = "us-west-2" }, MaxConcurrency = 0 };

        Assert.Throws<ArgumentOutOfRangeException>(() => new LiveInventoryScanner(settings, new StaticCredentialSource(LiveWorld.Credentials)));
    }
}
