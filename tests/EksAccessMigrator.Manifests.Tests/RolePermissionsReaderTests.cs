using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Manifests.Tests;

/// <summary>Rules N1-N3, offline: node-role permissions from 'aws iam get-account-authorization-details' output.</summary>
public sealed class RolePermissionsReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eam-perm-").FullName;

    private const string Details = """
        {
          "UserDetailList": [],
          "RoleDetailList": [
            {
              "Path": "/", "RoleName": "shop-nodes", "Arn": "arn:aws:iam::111122223333:role/shop-nodes", "CreateDate": "2024-03-01T10:00:00+00:00",
              "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
              "RolePolicyList": [
                {"PolicyName": "kube2iam", "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"},
                {"PolicyName": "logs", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}}
              ],
              "AttachedManagedPolicies": [
                {"PolicyName": "AmazonEKSWorkerNodePolicy", "PolicyArn": "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"},
                {"PolicyName": "shop-extra", "PolicyArn": "arn:aws:iam::111122223333:policy/shop-extra"}
              ]
            },
            {"Path": "/", "RoleName": "bare", "Arn": "arn:aws:iam::111122223333:role/bare"}
          ],
          "Policies": [
            {
              "PolicyName": "shop-extra", "Arn": "arn:aws:iam::111122223333:policy/shop-extra", "DefaultVersionId": "v2",
              "PolicyVersionList": [
                {"VersionId": "v1", "IsDefaultVersion": false, "Document": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}},
                {"VersionId": "v2", "IsDefaultVersion": true, "Document": {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/*"}]}}
              ]
            }
          ]
        }
        """;

    [Fact]
    public void N1_AuthorizationDetails_YieldAttachedInlineAndDefaultManagedDocuments()
    {
        var file = Path.Combine(_folder, "details.json");
        File.WriteAllText(file, Details);

        var read = RolePermissionsReader.Read([file])!;

        Assert.Equal(["arn:aws:iam::111122223333:role/bare", "arn:aws:iam::111122223333:role/shop-nodes"], read.Roles.Select(r => r.RoleArn));
        var role = read.Roles[1];
        Assert.Equal(["arn:aws:iam::111122223333:policy/shop-extra", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"], role.AttachedPolicyArns.AsEnumerable());
        Assert.Equal(["kube2iam", "logs"], role.InlinePolicies.Select(p => p.Name));
        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""", role.InlinePolicies[0].Document);
        Assert.Contains("logs:*", role.InlinePolicies[1].Document, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), role.CreateDate);
        Assert.Equal("details.json:RoleDetailList[0]", role.Source);
        Assert.Empty(read.Roles[0].InlinePolicies);
        var managed = Assert.Single(read.ManagedPolicies);
        Assert.Contains("role/*", managed.Document, StringComparison.Ordinal);
        Assert.DoesNotContain("s3:*", managed.Document, StringComparison.Ordinal);
    }

    [Fact]
    public void N1_ListRolesOutput_CarriesNoPermissions_SoNothingIsKnown()
    {
        var file = Path.Combine(_folder, "roles.json");
        File.WriteAllText(file, """{"Roles": [{"Path": "/", "RoleName": "a", "Arn": "arn:aws:iam::111122223333:role/a"}]}""");

        Assert.Null(RolePermissionsReader.Read([file]));
    }

    [Fact]
    public void N1_AnInlinePolicyWithoutADocument_IsRefused_NamingWhere()
    {
        var file = Path.Combine(_folder, "bad.json");
        File.WriteAllText(file, """{"RoleDetailList": [{"Arn": "arn:aws:iam::111122223333:role/a", "RolePolicyList": [{"PolicyName": "p"}]}]}""");

        var error = Assert.Throws<ManifestException>(() => RolePermissionsReader.Read([file]));
        Assert.Contains("RoleDetailList[0].RolePolicyList[0] has no PolicyDocument", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, true);
}
