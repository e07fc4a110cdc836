using System.Text.Json;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Tests.Support;

namespace EksAccessMigrator.Aws.Tests.Iam;

[Collection(MotoGroup.Name)]
public sealed class IamClientMotoTests(MotoFixture moto)
{
    private IamClient NewClient(RecordingWireLog? log = null) =>
        IamClient.Create(moto.Settings, new StaticCredentialSource(MotoFixture.Credentials), new AwsPipelineOptions { Log = log });

    [Fact]
    public async Task GetRole_returns_decoded_trust_policy_and_path()
    {
        using var iam = NewClient();

        var role = await iam.GetRoleAsync("AWSReservedSSO_Admin_0123456789abcdef", CancellationToken.None);

        Assert.Equal(MotoFixture.SsoPath, role.Path);
        Assert.Equal("arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef", role.Arn);
        using var doc = JsonDocument.Parse(role.AssumeRolePolicyDocument!);
        Assert.Equal("ec2.amazonaws.com", doc.RootElement.GetProperty("Statement")[0].GetProperty("Principal").GetProperty("Service").GetString());
    }

    [Fact]
    public async Task ListRoles_paginates_with_marker()
    {
        using var iam = NewClient();
        var names = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var page = await iam.ListRolesPageAsync("/dev/apps/", marker, 10, CancellationToken.None);
            pages++;
            Assert.True(page.Items.Count <= 10);
            names.AddRange(page.Items.Select(r => r.RoleName));
            marker = page.Marker;
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(MotoFixture.SeededRoleCount, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task ListRolesAsync_walks_every_page()
    {
        using var iam = NewClient();

        var all = new List<IamRole>();
        await foreach (var role in iam.ListRolesAsync(null, CancellationToken.None))
        {
            all.Add(role);
        }

        Assert.True(all.Count >= MotoFixture.SeededRoleCount + 1);
        Assert.Contains(all, r => r.Path == MotoFixture.SsoPath);
        Assert.All(all, r => Assert.NotNull(r.AssumeRolePolicyDocument));
    }

    [Fact]
    public async Task ListUsers_and_GetUser_read_seeded_users()
    {
        // moto ignores MaxItems for ListUsers, so Marker paging is covered by the ListRoles tests (same code path).
        using var iam = NewClient();
        var first = await iam.ListUsersPageAsync("/people/", null, 100, CancellationToken.None);
        Assert.False(first.IsTruncated);
        Assert.Null(first.Marker);
        Assert.Equal(12, first.Items.Count);

        var all = new List<IamUser>();
        await foreach (var user in iam.ListUsersAsync("/people/", CancellationToken.None))
        {
            all.Add(user);
        }

        Assert.Equal(12, all.Count);
        var one = await iam.GetUserAsync("user-03", CancellationToken.None);
        Assert.Equal("/people/", one.Path);
        Assert.Equal("arn:aws:iam::123456789012:user/people/user-03", one.Arn);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_round_trips()
    {
        await moto.IamActionAsync("CreateRole", ("RoleName", "pod-identity-target"), ("Path", "/"), ("AssumeRolePolicyDocument", MotoFixture.TrustPolicy));
        using var iam = NewClient();
        const string policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"pods.eks.amazonaws.com\"}, \"Action\": [\"sts:AssumeRole\", \"sts:TagSession\"]}]}";

        await iam.UpdateAssumeRolePolicyAsync("pod-identity-target", policy, CancellationToken.None);
        var role = await iam.GetRoleAsync("pod-identity-target", CancellationToken.None);

        using var doc = JsonDocument.Parse(role.AssumeRolePolicyDocument!);
        Assert.Equal("pods.eks.amazonaws.com", doc.RootElement.GetProperty("Statement")[0].GetProperty("Principal").GetProperty("Service").GetString());
    }

    [Fact]
    public async Task TagRole_is_accepted()
    {
        await moto.IamActionAsync("CreateRole", ("RoleName", "tagged-role"), ("Path", "/"), ("AssumeRolePolicyDocument", MotoFixture.TrustPolicy));
        using var iam = NewClient();

        await iam.TagRoleAsync("tagged-role", [new("migrated-by", "eks-access-migrator")], CancellationToken.None);
        var role = await iam.GetRoleAsync("tagged-role", CancellationToken.None);

        Assert.Equal("eks-access-migrator", role.Tags["migrated-by"]);
    }

    [Fact]
    public async Task ListOpenIdConnectProviders_returns_arns()
    {
        using var iam = NewClient();

        var providers = await iam.ListOpenIdConnectProvidersAsync(CancellationToken.None);

        Assert.Contains("arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", providers);
    }

    [Fact]
    public async Task Missing_role_maps_to_ResourceNotFound()
    {
        using var iam = NewClient();

        var ex = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => iam.GetRoleAsync("does-not-exist", CancellationToken.None));

        Assert.Equal("NoSuchEntity", ex.ErrorCode);
        Assert.Equal("GetRole", ex.Operation);
        Assert.Equal(404, ex.StatusCode);
        Assert.Contains("NoSuchEntity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_policy_maps_to_MalformedPolicyDocument()
    {
        await moto.IamActionAsync("CreateRole", ("RoleName", "malformed-target"), ("Path", "/"), ("AssumeRolePolicyDocument", MotoFixture.TrustPolicy));
        using var iam = NewClient();

        var ex = await Assert.ThrowsAsync<AwsMalformedPolicyDocumentException>(() => iam.UpdateAssumeRolePolicyAsync("malformed-target", "not json", CancellationToken.None));

        Assert.Equal("MalformedPolicyDocument", ex.ErrorCode);
        Assert.IsAssignableFrom<AwsInvalidParameterException>(ex);
    }

    [Fact]
    public async Task Duplicate_role_maps_to_ResourceInUse()
    {
        var ex = await Assert.ThrowsAsync<AwsResourceInUseException>(() =>
            moto.IamActionAsync("CreateRole", ("RoleName", "app-role-00"), ("Path", "/dev/apps/"), ("AssumeRolePolicyDocument", MotoFixture.TrustPolicy)));

        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task Debug_log_never_contains_secrets()
    {
        var log = new RecordingWireLog();
        var credentials = MotoFixture.Credentials with { SessionToken = "SessionTokenSecretValue1234567890" };
        using (var iam = IamClient.Create(moto.Settings, new StaticCredentialSource(credentials), new AwsPipelineOptions { Log = log }))
        {
            await iam.GetRoleAsync("app-role-01", CancellationToken.None);
            await Assert.ThrowsAsync<AwsResourceNotFoundException>(() => iam.GetRoleAsync("absent", CancellationToken.None));
        }

        var dump = log.Dump();
        Assert.Equal(2, log.Entries.Count);
        Assert.Contains("GetRole", dump, StringComparison.Ordinal);
        Assert.Contains("Authorization=***", dump, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Security-Token=***", dump, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.SecretAccessKey, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.SessionToken, dump, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", dump, StringComparison.Ordinal);
        Assert.Contains(log.Entries, e => e.StatusCode == 404 && e.Error == "NoSuchEntity");
    }
}
