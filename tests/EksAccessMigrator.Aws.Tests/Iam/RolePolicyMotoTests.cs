using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Paging;
using EksAccessMigrator.Aws.Tests.Support;

namespace EksAccessMigrator.Aws.Tests.Iam;

/// <summary>The IAM calls rules N1-N3 read a node role's permissions with, against moto.</summary>
[Collection(MotoGroup.Name)]
public sealed class RolePolicyMotoTests(MotoFixture moto)
{
    private const string Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";

    [Fact]
    public async Task Inline_and_attached_policies_page_through_the_paginator_and_documents_come_back_decoded()
    {
        using var iam = IamClient.Create(moto.Settings, new StaticCredentialSource(MotoFixture.Credentials));
        await moto.IamActionAsync("CreateRole", ("RoleName", "posture-nodes"), ("AssumeRolePolicyDocument", MotoFixture.TrustPolicy));
        foreach (var name in new[] { "c", "a", "b" })
        {
            await moto.IamActionAsync("PutRolePolicy", ("RoleName", "posture-nodes"), ("PolicyName", name), ("PolicyDocument", Document));
            await moto.IamActionAsync("CreatePolicy", ("PolicyName", "posture-" + name), ("PolicyDocument", Document));
            await moto.IamActionAsync("AttachRolePolicy", ("RoleName", "posture-nodes"), ("PolicyArn", $"arn:aws:iam::123456789012:policy/posture-{name}"));
        }

        // moto ignores MaxItems here, so Marker paging is covered by the ListRoles tests (same Page code path).
        var names = await AwsPaginator.ListAllAsync<string>("ListRolePolicies", async (marker, ct) => await iam.ListRolePoliciesPageAsync("posture-nodes", marker, 1, ct), CancellationToken.None);
        var attached = await AwsPaginator.ListAllAsync<IamAttachedPolicy>("ListAttachedRolePolicies", async (marker, ct) => await iam.ListAttachedRolePoliciesPageAsync("posture-nodes", marker, 2, ct), CancellationToken.None);
        var inline = await iam.GetRolePolicyAsync("posture-nodes", "a", CancellationToken.None);
        var version = await iam.GetPolicyDefaultVersionAsync("arn:aws:iam::123456789012:policy/posture-a", CancellationToken.None);
        var managed = await iam.GetPolicyVersionDocumentAsync("arn:aws:iam::123456789012:policy/posture-a", version, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], names.Order(StringComparer.Ordinal));
        Assert.Equal(["posture-a", "posture-b", "posture-c"], attached.Select(a => a.PolicyName).Order(StringComparer.Ordinal));
        Assert.Contains("\"Resource\":\"*\"", inline.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("v1", version);
        Assert.Contains("sts:AssumeRole", managed, StringComparison.Ordinal);
    }
}
