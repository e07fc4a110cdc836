using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Apply.Tests;

/// <summary>The one connection apply and rollback open: identity first, then the API server with an EKS token.</summary>
[Collection(MotoGroup.Name)]
public sealed class ClusterConnectionTests(MotoServer moto)
{
    private static string Arn => $"arn:aws:eks:{Seed.Region}:{Seed.Account}:cluster/{Seed.Cluster}";

    private LiveScanSettings Settings(FakeEksServer eks, FakeKubernetesServer kubernetes) => new()
    {
        ClusterName = Seed.Cluster,
        Aws = new AwsClientSettings { Region = Seed.Region, EksEndpointUrl = eks.Endpoint, IamEndpointUrl = moto.Endpoint, StsEndpointUrl = moto.Endpoint },
        ApiServerOverride = kubernetes.Endpoint,
    };

    [Fact]
    public async Task Open_checks_the_expected_cluster_and_reaches_eks_iam_sts_and_the_api_server_with_an_eks_bearer_token()
    {
        await using var eks = await FakeEksServer.StartAsync();
        await using var kubernetes = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { BearerTokenValidator = t => t.StartsWith("k8s-aws-v1.", StringComparison.Ordinal) });
        eks.State.AddCluster(Seed.Cluster, Seed.Account, Seed.Region);
        kubernetes.State.Add(Seed.ConfigMapJson());

        using var connection = await ClusterConnection.OpenAsync(Settings(eks, kubernetes), new StaticCredentialSource(World.Credentials), null, new ClusterExpectation(Seed.Account, Seed.Region, Arn), CancellationToken.None);
        var clients = connection.Ports;

        Assert.Equal(Arn, connection.Cluster.Arn);
        Assert.Equal(Seed.Account, (await clients.CallerIdentity.GetCallerIdentityAsync(CancellationToken.None)).Account);
        Assert.Equal(Seed.Cluster, (await clients.Cluster.DescribeClusterAsync(Seed.Cluster, CancellationToken.None))?.Name);
        Assert.NotNull((await clients.RoleTrust.GetRoleAsync("admin", CancellationToken.None)).Arn);
        Assert.NotNull(await clients.Objects.GetConfigMapAsync("kube-system", "aws-auth", CancellationToken.None));
    }

    [Fact]
    public async Task Another_account_is_refused_before_eks_or_the_api_server_is_called()
    {
        await using var eks = await FakeEksServer.StartAsync();
        await using var kubernetes = await FakeKubernetesServer.StartAsync();
        eks.State.AddCluster(Seed.Cluster, Seed.Account, Seed.Region);

        var error = await Assert.ThrowsAsync<ClusterMismatchException>(() => ClusterConnection.OpenAsync(Settings(eks, kubernetes), new StaticCredentialSource(World.Credentials), null, new ClusterExpectation("999988887777", Seed.Region, Arn), CancellationToken.None));

        Assert.Contains($"credentials are for account {Seed.Account}", error.Message, StringComparison.Ordinal);
        Assert.Contains("account 999988887777 was expected", error.Message, StringComparison.Ordinal);
        Assert.Empty(eks.Requests.Operations);
        Assert.Empty(kubernetes.Requests.Entries);
    }

    [Fact]
    public async Task A_re_created_cluster_of_the_same_name_is_refused_before_the_api_server_is_called()
    {
        await using var eks = await FakeEksServer.StartAsync();
        await using var kubernetes = await FakeKubernetesServer.StartAsync();
        eks.State.AddCluster(Seed.Cluster, Seed.Account, Seed.Region);
        var planned = Arn.Replace(Seed.Region, "eu-north-1", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ClusterMismatchException>(() => ClusterConnection.OpenAsync(Settings(eks, kubernetes), new StaticCredentialSource(World.Credentials), null, new ClusterExpectation(Seed.Account, Seed.Region, planned), CancellationToken.None));

        Assert.Contains($"but {planned} was expected", error.Message, StringComparison.Ordinal);
        Assert.Equal(["DescribeCluster"], eks.Requests.Operations);
        Assert.Empty(kubernetes.Requests.Entries);
    }
}
