using k8s.Models;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class AwsAuthReadTests
{
    [Fact]
    public async Task Absent_aws_auth_reads_as_null()
    {
        await using var cluster = await TestCluster.StartAsync();

        Assert.Null(await cluster.Connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None));
        Assert.Single(cluster.Server.Requests.Entries, r => r.Path == "/api/v1/namespaces/kube-system/configmaps/aws-auth" && r.StatusCode == 404);
    }

    [Fact]
    public async Task Present_aws_auth_is_read_with_its_data_and_resource_version()
    {
        await using var cluster = await TestCluster.StartAsync();
        var seeded = AwsAuth.Seed(cluster);

        var awsAuth = await cluster.Connection.CreateReader().GetAwsAuthConfigMapAsync(CancellationToken.None);

        Assert.NotNull(awsAuth);
        Assert.Equal(AwsAuth.MapRoles, awsAuth.Data["mapRoles"]);
        Assert.Equal(seeded.Metadata.ResourceVersion, awsAuth.Metadata.ResourceVersion);
        Assert.False(string.IsNullOrEmpty(awsAuth.Metadata.Uid));
    }
}
