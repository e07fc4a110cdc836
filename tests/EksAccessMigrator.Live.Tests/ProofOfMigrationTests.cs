using System.Text.Json;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Reports;
using EksAccessMigrator.FakeEks;
using EksAccessMigrator.FakeKubernetes;
using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

/// <summary>
/// Rule K16 and access-entry ages, live: pods in the fake Kubernetes with and without Pod Identity's environment, an
/// association and an access entry in the fake EKS (stamped in 2020), the roles in moto (created now).
/// </summary>
[Collection(WorkloadGroup.Name)]
public sealed class ProofOfMigrationTests(WorkloadMoto moto)
{
    private static string Pod(string name, bool env) => JsonSerializer.Serialize(new
    {
        apiVersion = "v1",
        kind = "Pod",
        metadata = new { name, @namespace = "shop" },
        spec = new
        {
            serviceAccountName = "web",
            containers = new[]
            {
                new
                {
                    name = "app",
                    image = "example/app:1",
                    env = env
                        ? new[] { new { name = "AWS_CONTAINER_CREDENTIALS_FULL_URI", value = "http://169.254.170.23/v1/credentials" }, new { name = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", value = "/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token" } }
                        : [],
                },
            },
        },
        status = new { phase = "Running" },
    });

    [Fact]
    public async Task K16_APodWithoutTheInjectedEnvironment_AndAnEntryOlderThanItsRecreatedRole_AreReported()
    {
        await moto.SeedAsync([SeedRole.Named("web"), SeedRole.Named("deploy")]);
        await using var eks = await FakeEksServer.StartAsync(new FakeEksOptions { UpdatePollsUntilComplete = 0, TimeProvider = new FixedTime(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)) });
        await using var kubernetes = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions());
        eks.State.AddCluster("proof", WorkloadMoto.Account, WorkloadMoto.Region, "API_AND_CONFIG_MAP");
        eks.State.AddAccessEntry("proof", SeedRole.Named("deploy").Arn);
        eks.State.AddPodIdentityAssociation("proof", "shop", "web", SeedRole.Named("web").Arn);
        kubernetes.State.Add(Pod("web-1", env: true));
        kubernetes.State.Add(Pod("web-2", env: false));
        var settings = new LiveScanSettings
        {
            ClusterName = "proof",
            Aws = new Aws.AwsClientSettings
            {
                Region = WorkloadMoto.Region,
                EksEndpointUrl = eks.Endpoint,
                IamEndpointUrl = moto.Endpoint,
                StsEndpointUrl = moto.Endpoint,
                RequestTimeout = TimeSpan.FromSeconds(10),
                Retry = LiveWorld.FastRetry,
            },
            ApiServerOverride = kubernetes.Endpoint,
            Kubernetes = LiveWorld.FastKubernetes,
            MaxConcurrency = 4,
        };
        var credentials = new StaticCredentialSource(LiveWorld.Credentials);

        var scan = await new LiveInventoryScanner(settings, credentials).ScanAsync(CancellationToken.None);
        var pods = MigrationProof.Pods(scan.Inventory.Workloads, PlanPhase.Cutover, ScanReport.DefaultRoleKey).ToList();
        var (entries, principals) = AccessEntryAges.Read(scan);
        var ages = MigrationProof.EntryAges(entries, principals).ToList();

        Assert.Equal([("pod/shop/web-1", VerifiedSubject.Ok), ("pod/shop/web-2", VerifiedSubject.Missing)], pods.Select(p => (p.Address, p.Status)));
        Assert.Contains("container(s) app lack", pods[1].Detail, StringComparison.Ordinal);
        var age = Assert.Single(ages);
        Assert.Equal("access-entry/" + SeedRole.Named("deploy").Arn, age.Address);
        Assert.Contains("2020-01-01", age.Detail, StringComparison.Ordinal);
        Assert.Equal(1, eks.Requests.Count("DescribeAccessEntry")); // the scan's describe gives its createdAt: no second read
    }
}
