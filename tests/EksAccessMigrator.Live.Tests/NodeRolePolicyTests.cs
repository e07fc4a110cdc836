using EksAccessMigrator.Live.Tests.Support;

namespace EksAccessMigrator.Live.Tests;

/// <summary>Rules N1-N3, live: the node roles' attached, inline and customer-managed policies read from IAM (moto).</summary>
[Collection(WorkloadGroup.Name)]
public sealed class NodeRolePolicyTests(WorkloadMoto moto)
{
    private const string AssumeAny = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";
    private const string ReadBuckets = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::shop-*/*"}]}""";

    [Fact]
    public async Task N1_N2_NodeGroupRole_AttachedInlineAndManagedPolicies_AreReadPagedFromIam_OtherRolesAreNot()
    {
        await using var world = await WorkloadWorld.StartAsync(moto, "posture", [SeedRole.Named("shop-nodes"), SeedRole.Named("unrelated")]);
        var account = WorkloadMoto.Account;
        await moto.IamAsync("CreatePolicy", ("PolicyName", "shop-extra"), ("PolicyDocument", ReadBuckets));
        await moto.IamAsync("AttachRolePolicy", ("RoleName", "shop-nodes"), ("PolicyArn", $"arn:aws:iam::{account}:policy/shop-extra"));
        await moto.IamAsync("PutRolePolicy", ("RoleName", "shop-nodes"), ("PolicyName", "kube2iam-assume"), ("PolicyDocument", AssumeAny));
        await moto.IamAsync("PutRolePolicy", ("RoleName", "shop-nodes"), ("PolicyName", "logs"), ("PolicyDocument", ReadBuckets));
        await moto.IamAsync("PutRolePolicy", ("RoleName", "unrelated"), ("PolicyName", "other"), ("PolicyDocument", AssumeAny));
        world.Eks.State.AddNodegroup(world.ClusterName, "general", SeedRole.Named("shop-nodes").Arn);

        var result = await world.Scanner().ScanAsync(CancellationToken.None);

        var posture = result.Inventory.NodeRoles!;
        var role = Assert.Single(posture.Roles);
        Assert.Equal(SeedRole.Named("shop-nodes").Arn, role.RoleArn);
        Assert.Equal(["nodegroup/general"], role.UsedBy.AsEnumerable());
        Assert.Equal([$"arn:aws:iam::{account}:policy/shop-extra"], role.AttachedPolicyArns.AsEnumerable());
        Assert.Equal(["kube2iam-assume", "logs"], role.InlinePolicies.Select(p => p.Name));
        Assert.Contains("\"sts:AssumeRole\"", role.InlinePolicies[0].Document, StringComparison.Ordinal);
        var managed = Assert.Single(posture.ManagedPolicies);
        Assert.Equal($"arn:aws:iam::{account}:policy/shop-extra", managed.Name);
        Assert.Contains("s3:GetObject", managed.Document, StringComparison.Ordinal);
        Assert.NotNull(role.CreateDate);
    }

    [Fact]
    public async Task N1_WithoutNodeRoles_NothingIsRead_AndThePostureIsEmpty()
    {
        await using var world = await WorkloadWorld.StartAsync(moto, "bare", [SeedRole.Named("unrelated")]);

        var result = await world.Scanner().ScanAsync(CancellationToken.None);

        Assert.Empty(result.Inventory.NodeRoles!.Roles);
        Assert.Equal(0, world.Eks.Requests.Count("DescribeNodegroup"));
    }
}
