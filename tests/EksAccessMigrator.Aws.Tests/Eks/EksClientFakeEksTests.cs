using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Aws.Signing;
using EksAccessMigrator.Aws.Tests.Support;
using EksAccessMigrator.FakeEks;

namespace EksAccessMigrator.Aws.Tests.Eks;

public sealed class EksClientFakeEksTests : IAsyncLifetime
{
    private const string Account = "111122223333";
    private const string Admin = "arn:aws:iam::111122223333:role/admin";
    private const string ViewPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";
    private static readonly AwsCredentialsSnapshot Credentials = new("AKIDFAKEEKS000000001", "FakeEksSecretKeyCheckedBySignature00001", "FakeEksSessionToken");

    private FakeEksServer _server = null!;
    private EksClient _eks = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeEksServer.StartAsync(new FakeEksOptions { AccessKeyId = Credentials.AccessKeyId, SecretAccessKey = Credentials.SecretAccessKey });
        _server.State.AddCluster("prod", Account, "us-west-2")
            .AddNodegroup("prod", "linux", "arn:aws:iam::111122223333:role/node")
            .AddFargateProfile("prod", "fp", "arn:aws:iam::111122223333:role/fargate", new FargateSelector("batch"))
            .AddAddon("prod", "vpc-cni", serviceAccountRoleArn: "arn:aws:iam::111122223333:role/cni")
            .AddCluster("api", Account, "us-west-2", "API_AND_CONFIG_MAP");
        var settings = new AwsClientSettings
        {
            Region = "us-west-2",
            EksEndpointUrl = _server.Endpoint,
            Retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        };
        _eks = EksClient.Create(settings, new StaticCredentialSource(Credentials));
    }

    public async Task DisposeAsync()
    {
        _eks.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Describe_cluster_is_signed_and_parsed()
    {
        var cluster = await _eks.DescribeClusterAsync("prod", CancellationToken.None);

        Assert.Equal("prod", cluster.Name);
        Assert.Equal("CONFIG_MAP", cluster.AccessConfig?.AuthenticationMode);
        Assert.NotNull(cluster.CreatedAt);
    }

    [Fact]
    public async Task Access_entry_lifecycle()
    {
        var created = await _eks.CreateAccessEntryAsync(new CreateAccessEntryRequest("api", "arn:aws:iam::111122223333:role/dev/apps/my-role") { KubernetesGroups = ["viewers"], Username = "dev" }, CancellationToken.None);
        Assert.Equal("STANDARD", created.Type);
        Assert.Equal(["viewers"], created.KubernetesGroups!);

        var described = await _eks.DescribeAccessEntryAsync("api", created.PrincipalArn, CancellationToken.None);
        Assert.Equal("dev", described.Username);

        var associated = await _eks.AssociateAccessPolicyAsync("api", created.PrincipalArn, ViewPolicy, new EksAccessScope("namespace", ["ns1", "dev-*"]), CancellationToken.None);
        Assert.Equal(ViewPolicy, associated.PolicyArn);
        var policies = await ToListAsync(_eks.ListAssociatedAccessPoliciesAsync("api", created.PrincipalArn, CancellationToken.None));
        Assert.Equal(["ns1", "dev-*"], Assert.Single(policies).AccessScope!.Namespaces!);
        var byPolicy = await ToListAsync(_eks.ListAccessEntriesAsync("api", ViewPolicy, CancellationToken.None));
        Assert.Equal([created.PrincipalArn], byPolicy);

        await _eks.DisassociateAccessPolicyAsync("api", created.PrincipalArn, ViewPolicy, CancellationToken.None);
        Assert.Empty(await ToListAsync(_eks.ListAssociatedAccessPoliciesAsync("api", created.PrincipalArn, CancellationToken.None)));

        await _eks.DeleteAccessEntryAsync("api", created.PrincipalArn, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => _eks.DescribeAccessEntryAsync("api", created.PrincipalArn, CancellationToken.None));
        Assert.Equal("DescribeAccessEntry", ex.Operation);
        Assert.NotNull(ex.RequestId);
    }

    [Fact]
    public async Task Access_entries_paginate_with_next_token()
    {
        for (var i = 0; i < 7; i++)
        {
            _server.State.AddAccessEntry("api", $"arn:aws:iam::111122223333:role/r{i}");
        }

        var first = await _eks.ListAccessEntriesPageAsync("api", null, 3, null, CancellationToken.None);
        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.NextToken);

        var all = await ToListAsync(_eks.ListAccessEntriesAsync("api", null, CancellationToken.None));
        Assert.Equal(7, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Duplicate_access_entry_is_ResourceInUse_and_token_replay_is_idempotent()
    {
        var request = new CreateAccessEntryRequest("api", "arn:aws:iam::111122223333:role/once") { ClientRequestToken = "tok-fixed" };
        var first = await _eks.CreateAccessEntryAsync(request, CancellationToken.None);
        var replay = await _eks.CreateAccessEntryAsync(request, CancellationToken.None);
        Assert.Equal(first.AccessEntryArn, replay.AccessEntryArn);

        await Assert.ThrowsAsync<AwsResourceInUseException>(() =>
            _eks.CreateAccessEntryAsync(request with { ClientRequestToken = null }, CancellationToken.None));
    }

    [Fact]
    public async Task Access_policies_are_listed()
    {
        var policies = await ToListAsync(_eks.ListAccessPoliciesAsync(CancellationToken.None));

        Assert.Contains(policies, p => p.Arn == ViewPolicy);
    }

    [Fact]
    public async Task Pod_identity_association_lifecycle()
    {
        var created = await _eks.CreatePodIdentityAssociationAsync(new CreatePodIdentityAssociationRequest("prod", "default", "sa1", "arn:aws:iam::111122223333:role/pi-role"), CancellationToken.None);
        Assert.Equal("sa1", created.ServiceAccount);

        var listed = await ToListAsync(_eks.ListPodIdentityAssociationsAsync("prod", "default", "sa1", CancellationToken.None));
        Assert.Equal(created.AssociationId, Assert.Single(listed).AssociationId);

        var updated = await _eks.UpdatePodIdentityAssociationAsync(new UpdatePodIdentityAssociationRequest("prod", created.AssociationId) { RoleArn = "arn:aws:iam::111122223333:role/pi-role-2" }, CancellationToken.None);
        Assert.Equal("arn:aws:iam::111122223333:role/pi-role-2", updated.RoleArn);
        var described = await _eks.DescribePodIdentityAssociationAsync("prod", created.AssociationId, CancellationToken.None);
        Assert.Equal(updated.RoleArn, described.RoleArn);

        var deleted = await _eks.DeletePodIdentityAssociationAsync("prod", created.AssociationId, CancellationToken.None);
        Assert.Equal(created.AssociationId, deleted.AssociationId);
        Assert.Empty(await ToListAsync(_eks.ListPodIdentityAssociationsAsync("prod", null, null, CancellationToken.None)));
    }

    [Fact]
    public async Task Authentication_mode_update_is_polled_to_completion()
    {
        var update = await _eks.UpdateClusterAuthenticationModeAsync("prod", "API_AND_CONFIG_MAP", null, CancellationToken.None);
        Assert.Equal("InProgress", update.Status);

        EksUpdate polled;
        var polls = 0;
        do
        {
            polled = await _eks.DescribeUpdateAsync("prod", update.Id, CancellationToken.None);
            polls++;
        }
        while (polled.Status == "InProgress" && polls < 10);

        Assert.Equal("Successful", polled.Status);
        var cluster = await _eks.DescribeClusterAsync("prod", CancellationToken.None);
        Assert.Equal("API_AND_CONFIG_MAP", cluster.AccessConfig?.AuthenticationMode);
        var bad = await Assert.ThrowsAsync<AwsInvalidParameterException>(() => _eks.UpdateClusterAuthenticationModeAsync("prod", "CONFIG_MAP", null, CancellationToken.None));
        Assert.Equal("InvalidParameterException", bad.ErrorCode);
    }

    [Fact]
    public async Task Addons_nodegroups_and_fargate_profiles_are_read()
    {
        Assert.Equal(["vpc-cni"], await AwsPaginator.ListAllAsync<string>("ListAddons", async (token, ct) => await _eks.ListAddonsPageAsync("prod", null, token, ct), CancellationToken.None));
        var addon = await _eks.DescribeAddonAsync("prod", "vpc-cni", CancellationToken.None);
        Assert.Equal("arn:aws:iam::111122223333:role/cni", addon.ServiceAccountRoleArn);
        var agent = await _eks.CreateAddonAsync(new CreateAddonRequest("prod", "eks-pod-identity-agent"), CancellationToken.None);
        Assert.Equal("eks-pod-identity-agent", agent.AddonName);
        await _eks.DeleteAddonAsync("prod", "eks-pod-identity-agent", CancellationToken.None);
        Assert.Equal(["vpc-cni"], await AwsPaginator.ListAllAsync<string>("ListAddons", async (token, ct) => await _eks.ListAddonsPageAsync("prod", null, token, ct), CancellationToken.None));
        await Assert.ThrowsAsync<Aws.Errors.AwsResourceNotFoundException>(() => _eks.DeleteAddonAsync("prod", "eks-pod-identity-agent", CancellationToken.None));

        Assert.Equal(["linux"], await AwsPaginator.ListAllAsync<string>("ListNodegroups", async (token, ct) => await _eks.ListNodegroupsPageAsync("prod", null, token, ct), CancellationToken.None));
        var nodegroup = await _eks.DescribeNodegroupAsync("prod", "linux", CancellationToken.None);
        Assert.Equal("arn:aws:iam::111122223333:role/node", nodegroup.NodeRole);

        Assert.Equal(["fp"], await AwsPaginator.ListAllAsync<string>("ListFargateProfiles", async (token, ct) => await _eks.ListFargateProfilesPageAsync("prod", null, token, ct), CancellationToken.None));
        var profile = await _eks.DescribeFargateProfileAsync("prod", "fp", CancellationToken.None);
        Assert.Equal("arn:aws:iam::111122223333:role/fargate", profile.PodExecutionRoleArn);
        Assert.Equal("batch", Assert.Single(profile.Selectors!).Namespace);
    }

    [Fact]
    public async Task Throttling_and_server_faults_are_retried()
    {
        _server.Faults.ThrottleNext(2, "DescribeCluster");
        _server.Faults.FailNext(1, 503, "DescribeCluster");

        var cluster = await _eks.DescribeClusterAsync("prod", CancellationToken.None);

        Assert.Equal("prod", cluster.Name);
        Assert.Equal(4, _server.Requests.Count("DescribeCluster"));
    }

    [Fact]
    public async Task Wrong_secret_is_rejected_as_access_denied()
    {
        var settings = _eks.Pipeline.Endpoint;
        using var pipeline = new AwsHttpPipeline(settings, new StaticCredentialSource(Credentials with { SecretAccessKey = "wrong" }), new AwsClientSettings { Region = "us-west-2" });
        using var eks = new EksClient(pipeline);

        var ex = await Assert.ThrowsAsync<AwsAccessDeniedException>(() => eks.DescribeClusterAsync("prod", CancellationToken.None));

        Assert.Equal(403, ex.StatusCode);
        Assert.DoesNotContain("wrong", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
