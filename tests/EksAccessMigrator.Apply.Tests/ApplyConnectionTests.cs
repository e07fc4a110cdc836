using EksAccessMigrator.Apply.Tests.Support;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Apply.Tests;

[Collection(MotoGroup.Name)]
public sealed class ApplyConnectionTests(MotoServer moto)
{
    [Fact]
    public async Task Open_ReachesEksIamStsAndTheApiServer_WithAnEksBearerToken()
    {
        await using var eks = await FakeEksServer.StartAsync();
        await using var kubernetes = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { BearerTokenValidator = t => t.StartsWith("k8s-aws-v1.", StringComparison.Ordinal) });
        eks.State.AddCluster(Seed.Cluster, Seed.Account, Seed.Region);
        kubernetes.State.Add(Seed.ConfigMapJson());
        var settings = new LiveScanSettings
        {
            ClusterName = Seed.Cluster,
            Aws = new AwsClientSettings { Region = Seed.Region, EksEndpointUrl = eks.Endpoint, IamEndpointUrl = moto.Endpoint, StsEndpointUrl = moto.Endpoint },
            ApiServerOverride = kubernetes.Endpoint,
        };
        var facts = new EksClusterFacts(Seed.Cluster, $"arn:aws:eks:{Seed.Region}:{Seed.Account}:cluster/{Seed.Cluster}", Seed.Region, Seed.Account, "aws", Core.Inventory.AuthenticationMode.ConfigMap, null, null, null, null, null, "ACTIVE", null);

        using var connection = ApplyConnection.Open(settings, facts, new StaticCredentialSource(World.Credentials));

        Assert.Equal(Seed.Account, (await connection.Clients.CallerIdentity(CancellationToken.None)).Account);
        Assert.Equal(Seed.Cluster, (await connection.Clients.Eks.DescribeClusterAsync(Seed.Cluster, CancellationToken.None)).Name);
        Assert.NotNull((await connection.Clients.Iam.GetRoleAsync("admin", CancellationToken.None)).Arn);
        Assert.NotNull(await connection.Clients.Kubernetes.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None));
    }
}
